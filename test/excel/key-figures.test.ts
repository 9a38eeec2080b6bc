/**
 * The add-in's Kerncijfers and Vergelijking sheets on the fake Excel (the Office.js host): the December
 * 2021 workbook open in Excel, the September 2021 workbook picked as the previous meting and read with the
 * file host (exceljs). Figures, sentences, status colours, charts, links to the rows; a fixed number of
 * context.sync() calls; a user's own sheet of the same name is kept.
 */
import { ExcelWorkbookPort, type ExcelRun } from "../../src/excel/port";
import { COMPARISON_SHEET, KEY_FIGURES_SHEET, KEPT_SHEET } from "../../src/core/template";
import { PROJECT_STATUSES, MILESTONE_STATUSES } from "../../src/core/vocabulary";
import { demoPlan } from "../../src/workbook/flows";
import { ExcelWorkbench } from "../../src/taskpane/workbench";
import { readPreviousWorkbook } from "../../src/taskpane/previous-workbook";
import { FakeExcel } from "../fakes/excel";
import {
  DECEMBER_2021,
  distributionRecords,
  SEPTEMBER_2021,
  workbookOf,
} from "../support/mededeling";

async function excelWith(records: ReturnType<typeof distributionRecords>, meetmoment: string) {
  const x = new FakeExcel();
  x.addSheet("Blad1");
  const port = new ExcelWorkbookPort({ run: x.run as unknown as ExcelRun, notes: true });
  await port.apply(demoPlan({ data: { report: "test", meetmoment, records } }));
  return { x, bench: new ExcelWorkbench({ run: x.run as unknown as ExcelRun, port }) };
}

/** Every value of column A on a sheet, with its 1-based row. */
function columnA(x: FakeExcel, sheet: string): Map<string, number> {
  const out = new Map<string, number>();
  for (let r = 1; r <= 400; r++) {
    const v = x.cell(sheet, `A${r}`)?.value;
    if (typeof v === "string" && v !== "" && !out.has(v)) out.set(v, r);
  }
  return out;
}

describe("the Kerncijfers sheet in Excel", () => {
  let x: FakeExcel;
  let bench: ExcelWorkbench;
  let syncs: number;
  beforeAll(async () => {
    ({ x, bench } = await excelWith(distributionRecords(DECEMBER_2021), DECEMBER_2021.meetmoment));
    const sept = await workbookOf(distributionRecords(SEPTEMBER_2021), SEPTEMBER_2021.meetmoment);
    const previous = await readPreviousWorkbook("september-2021.xlsx", await sept.toBuffer(), "nl");
    const s0 = x.syncs;
    await bench.keyFigures({ lang: "nl", meetmoment: null, previous });
    syncs = x.syncs - s0;
  }, 120_000);

  it("holds the figures, in the status colours, against the previous meting", () => {
    const a = columnA(x, KEY_FIGURES_SHEET);
    const row = (label: string) => {
      const r = a.get(label);
      if (!r) throw new Error(`no row ${label}`);
      return x.read(KEY_FIGURES_SHEET, `A${r}:F${r}`)[0];
    };
    expect(row("Aandacht nodig")).toEqual(["Aandacht nodig", 7, 7 / 180, 1, 1 / 180, 6]);
    expect(row("Op schema")).toEqual(["Op schema", 465, 465 / 1257, 479, 479 / 1006, -14]);
    expect(row("Uitvoering VAK (vastgelegd)").slice(1, 4)).toEqual([
      1_524_000_000,
      1_524_000_000 / 4_303_972_320,
      750_000_000,
    ]);
    for (const st of PROJECT_STATUSES)
      expect(x.cell(KEY_FIGURES_SHEET, `A${a.get(st.label)}`)?.fill).toBe(st.fill);
    expect(x.cell(KEY_FIGURES_SHEET, `C${a.get("Op schema")}`)?.numberFormat).toBe("0.00%");
  });

  it("holds the sentences for the Mededeling", () => {
    const texts = [...columnA(x, KEY_FIGURES_SHEET).keys()];
    expect(texts).toContain(
      "171 van de 180 relanceprojecten (95%) zijn opgestart op 31 december 2021."
    );
    expect(texts.some((t) => t.includes("92,9% van de gestarte mijlpalen"))).toBe(true);
    expect(texts.some((t) => t.includes("1,524 miljard euro of 35,41%"))).toBe(true);
  });

  it("draws the three charts, the status pies in the status colours", () => {
    const charts = x.sheet(KEY_FIGURES_SHEET).charts;
    expect(charts.map((c) => c.type)).toEqual(["Pie", "Pie", "BarClustered"]);
    expect(charts[0].pointColours).toEqual(PROJECT_STATUSES.map((s) => s.fill));
    expect(charts[1].pointColours).toEqual(MILESTONE_STATUSES.map((s) => s.fill));
  });

  it("takes a fixed number of syncs (read, then write)", () => {
    // As the overview: 4 to read the workbook, 4 to write the sheet (charts included; docs/taskpane.md).
    expect(syncs).toBe(4 + 4);
  });
});

describe("the Vergelijking sheet in Excel", () => {
  it("lists the changes with links to this workbook's rows", async () => {
    const before = distributionRecords(SEPTEMBER_2021);
    const after = structuredClone(before);
    const m = after.milestones.find((y) => y.projectCode === "VV010" && y.status === "Op schema")!;
    m.status = "Gerealiseerd";
    after.projects.find((p) => p.code === "VV001")!.status = "Actie nodig";
    const { x, bench } = await excelWith(after, "2021-12-31");
    const prevFile = await workbookOf(before, SEPTEMBER_2021.meetmoment);
    const previous = await readPreviousWorkbook("vorige.xlsx", await prevFile.toBuffer(), "nl");
    const s0 = x.syncs;
    const r = await bench.compare({ lang: "nl", meetmoment: null, previous });
    // Read the open workbook (4), write the sheet (4): the previous workbook is read by exceljs, not Excel.
    expect(x.syncs - s0).toBe(4 + 4);
    expect(r.comparison.milestones.completed).toHaveLength(1);
    const a = columnA(x, COMPARISON_SHEET);
    const completedHeader = a.get("Gerealiseerde mijlpalen")!;
    const cell = x.cell(COMPARISON_SHEET, `A${completedHeader + 1}`)!;
    expect(cell.value).toBe("VV010");
    const target = cell.hyperlink?.documentReference ?? "";
    expect(target).toMatch(/^Mijlpalen!A\d+$/);
    // The link leads to the milestone's own row.
    const row = target.split("!A")[1];
    expect(x.read("Mijlpalen", `A${row}:D${row}`)[0]).toEqual([
      "VV010",
      m.name,
      m.timing,
      "Gerealiseerd",
    ]);
    const projects = a.get("Projecten met wijzigingen")!;
    expect(x.read(COMPARISON_SHEET, `A${projects + 1}:C${projects + 1}`)[0]).toEqual([
      "VV001",
      "In uitvoering na agendering VR",
      "Actie nodig",
    ]);
  }, 120_000);

  it("keeps a user's own sheet called Kerncijfers on Bewaard before building", async () => {
    const { x, bench } = await excelWith(
      distributionRecords(DECEMBER_2021),
      DECEMBER_2021.meetmoment
    );
    x.addSheet("kerncijfers");
    x.type("kerncijfers", "A1", [["Mijn eigen cijfers"], [42]]);
    await bench.keyFigures({ lang: "nl", meetmoment: null, previous: null });
    const kept = x.read(KEPT_SHEET, "A1:F12").flat();
    expect(kept).toContain("Mijn eigen cijfers");
    expect(kept).toContain(42);
  }, 120_000);
});
