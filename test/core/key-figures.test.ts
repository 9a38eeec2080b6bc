/**
 * The key figures and sentences reproduce section 3 of the Mededeling of 31 December 2021 (seed 001) on a
 * workbook's records with that distribution; the rounding and amounts in words follow the Mededeling.
 */
import { keyFigures, statusCount } from "../../src/core/key-figures";
import { keyFigureSentences } from "../../src/core/key-figures-text";
import { amountText, shareText } from "../../src/core/report-numbers";
import { DECEMBER_2021, distributionRecords, SEPTEMBER_2021 } from "../support/mededeling";

describe("numbers as the Mededeling prints them", () => {
  it("rounds shares half-up to two decimals and drops trailing zeros", () => {
    expect(shareText(171 / 180, "nl")).toBe("95%");
    expect(shareText(17 / 180, "nl")).toBe("9,44%");
    expect(shareText(165 / 1006, "nl")).toBe("16,4%");
    expect(shareText(0.0508, "en")).toBe("5.08%");
    expect(shareText(0.00125, "nl")).toBe("0,13%"); // half-up, not half-even
    expect(shareText(812 / 874, "nl", 1)).toBe("92,9%");
  });
  it("writes amounts in miljard and miljoen with a decimal comma", () => {
    expect(amountText(1_524_000_000, "nl")).toBe("1,524 miljard euro");
    expect(amountText(4_300_000_000, "nl")).toBe("4,3 miljard euro");
    expect(amountText(218_600_000, "nl")).toBe("219 miljoen euro");
    expect(amountText(750_000_000, "nl")).toBe("750 miljoen euro");
    expect(amountText(77_350_000, "nl")).toBe("77,4 miljoen euro");
    expect(amountText(999_600_000, "nl")).toBe("1 miljard euro");
    expect(amountText(450_000, "nl")).toBe("450.000 euro");
    expect(amountText(1_524_000_000, "en")).toBe("1.524 billion euro");
  });
});

describe("the key figures of 31 December 2021", () => {
  const dec = keyFigures(distributionRecords(DECEMBER_2021), DECEMBER_2021.meetmoment);
  const sep = keyFigures(distributionRecords(SEPTEMBER_2021), SEPTEMBER_2021.meetmoment);
  const f = dec.figures;
  const p = (s: string) => statusCount(f.projects.byStatus, s);
  const m = (s: string) => statusCount(f.milestones.byStatus, s);

  it("counts projects, milestones and amounts as the Mededeling does", () => {
    expect(f.projects.total).toBe(180);
    expect(f.projects.started).toEqual({ count: 171, share: 171 / 180 });
    expect(p("Opgestart").count).toBe(17);
    expect(p("In uitvoering na agendering VR").count).toBe(153);
    expect(p("Gerealiseerd").count).toBe(1);
    expect(p("Aandacht nodig").count).toBe(7);
    expect(p("Actie nodig").count).toBe(0);
    expect(p("Nog niet opgestart").count).toBe(2);
    expect(f.milestones.total).toBe(1257);
    expect(f.milestones.started).toEqual({
      count: 874,
      onScheduleOrCompleted: 812,
      share: 812 / 874,
    });
    expect(m("Op schema").count).toBe(465);
    expect(m("Bijsturen").count).toBe(1);
    expect(f.finance.codes).toBe("VV001-VV158");
    expect(f.finance.vak).toBe(1_524_000_000);
    expect(f.finance.vek).toBe(218_600_000);
    // The beleidsruimte of VV001–VV158 in the workbook (the "4,3 miljard"), update where filled in.
    expect(f.finance.budget).toBe(4_303_972_320);
    expect(f.finance.vakShare).toBe(1_524_000_000 / 4_303_972_320);
  });

  it("prints every figure of section 3 in the sentences", () => {
    const text = keyFigureSentences({ ...dec, previous: sep.figures }, "nl").join("\n");
    for (const figure of [
      "171 van de 180 relanceprojecten (95%) zijn opgestart op 31 december 2021",
      "17 projecten of 9,44%",
      "153 projecten of 85%",
      "1 project of 0,56% krijgt de status \u2018Gerealiseerd\u2019",
      "(geel): VV146 \u2018COMPENSATIEBESLUIT KO - EXTRA TUSSENKOMST IKT (INKOMENSTARIEF)\u2019",
      "Voor 7 van de 180 relanceprojecten (3,89%)",
      "VV056, VV057, VV058, VV078, VV087, VV120 en VV168",
      "2 relanceprojecten (1,11%) zijn nog niet opgestart",
      "neemt toe, nl. van 1 naar 7",
      "van 479 (47,61%) naar 465 (36,99%)",
      "van 165 (16,4%) naar 347 (27,61%)",
      "Voor 61 mijlpalen (4,85%) wordt een vertraging vastgesteld, dat waren er bij de vorige meting 28 (2,78%)",
      "in project VV113",
      "812 van de 874, of 92,9% van de gestarte mijlpalen op schema of reeds gerealiseerd, ten opzichte van 95,4% bij de vorige meting",
      "1,524 miljard euro of 35,41% van de 4,304 miljard euro",
      "het dubbele van het bedrag in september 2021 (750 miljoen euro)",
      "219 miljoen euro of 5,08% van de 4,304 miljard euro",
      "142 miljoen euro meer dan in september 2021",
    ])
      expect(text).toContain(figure);
  });

  it("says it in English too", () => {
    const text = keyFigureSentences({ ...dec, previous: sep.figures }, "en").join("\n");
    expect(text).toContain(
      "171 of the 180 recovery projects (95%) have started as of 31 December 2021"
    );
    expect(text).toContain("or 92.9% of the started milestones");
    expect(text).toContain("1.524 billion euro or 35.41%");
  });
});
