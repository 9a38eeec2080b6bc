/** Annotate, overview and merge, through real .xlsx files. */
import ExcelJS from "exceljs";
import { OVERVIEW_SHEET, SOURCE_COLUMN, VALIDATION_SHEET } from "../../src/core/template";
import {
  buildOverview,
  createTemplate,
  mergeWorkbooks,
  overviewPlan,
  sumifsFormula,
  validateFlow,
  writeDemo,
} from "../../src/workbook/flows";
import { XlsxPort } from "../../src/xlsx/port";
import { loadXlsx } from "../../src/xlsx/open";
import { roundTrip, tempDir } from "./support";

const tmp = tempDir("vv-annot-");
afterAll(() => tmp.cleanup());

async function demoFile(name: string): Promise<XlsxPort> {
  const p = new XlsxPort();
  await writeDemo(p);
  return roundTrip(p, tmp.path(name));
}

describe("annotate", () => {
  it("marks every offending cell with a fill and a note, and writes the Validatie sheet with counts and links", async () => {
    const port = await demoFile("demo.xlsx");
    // Break one amount: VEK above VAK on the first financing row.
    const fin = port.workbook.getWorksheet("Financiering")!;
    fin.getCell("E2").value = 999_999_999_999;
    const r = await validateFlow(port, { annotate: true });
    const out = await roundTrip(port, tmp.path("annotated.xlsx"));
    const finding = r.findings.find(
      (f) => f.rule === "vek-above-vak" && f.projectCode === "VV001"
    )!;
    expect(finding).toBeDefined();
    const cell = out.workbook.getWorksheet(finding.sheet)!.getCell(finding.cell!);
    expect(String(cell.note)).toContain(finding.message);
    expect((cell.fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFFC7CE");
    expect(cell.value).toBe(999_999_999_999); // the value itself is never touched
    const v = out.workbook.getWorksheet(VALIDATION_SHEET)!;
    const rows: unknown[][] = [];
    v.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    // The rule's Dutch title, its code beside it.
    const summary = rows.find((row) => row[1] === "vek-above-vak")!;
    expect(summary[0]).toBe("VEK hoger dan VAK");
    expect(summary[3]).toBe(r.findings.filter((f) => f.rule === "vek-above-vak").length);
    const link = rows
      .flat()
      .find(
        (x) =>
          typeof x === "object" &&
          x &&
          "formula" in x &&
          String((x as { formula: string }).formula).includes(`Financiering!${finding.cell}`)
      );
    expect(link).toBeDefined();
    // Validating again clears the old marks first: fixing the cell removes its mark.
    out.workbook.getWorksheet("Financiering")!.getCell("E2").value = 1;
    await validateFlow(out, { annotate: true });
    const again = await roundTrip(out, tmp.path("annotated2.xlsx"));
    const c2 = again.workbook.getWorksheet(finding.sheet)!.getCell(finding.cell!);
    expect(c2.note).toBeUndefined();
  });
});

describe("overview", () => {
  it("plans SUMIFS over the computed columns, or the host's own formulas", async () => {
    expect(sumifsFormula("vak", { by: "speerpunt", value: "X" })).toMatch(
      /^SUMIFS\(Financiering!\$[A-Z]+:\$[A-Z]+,Financiering!\$[A-Z]+:\$[A-Z]+,"X"\)$/
    );
    const custom = overviewPlan({
      formula: (m, f) => `VV.TOTAAL("${m}","${f?.by ?? ""}","${f?.value ?? ""}")`,
    });
    const formulas = custom.sheet
      .blocks!.flatMap((b) => b.values.flat())
      .filter(
        (v): v is { formula: string } => typeof v === "object" && v !== null && "formula" in v
      );
    expect(formulas.some((f) => f.formula.startsWith("VV.TOTAAL("))).toBe(true);
    const port = new XlsxPort();
    await createTemplate(port);
    await buildOverview(port);
    const out = await roundTrip(port, tmp.path("overview.xlsx"));
    const ws = out.workbook.getWorksheet(OVERVIEW_SHEET)!;
    const layout = overviewPlan().layout;
    const first = layout.sections[0];
    expect((ws.getCell(`E${first.first}`).value as { formula: string }).formula).toContain(
      "SUMIFS("
    );
  });
});

describe("merge", () => {
  it("keeps each row's file, reports duplicate codes and summarises per file", async () => {
    const a = await (await demoFile("a.xlsx")).read();
    // A second entity: only VV001 and a new project code.
    const wb = new ExcelJS.Workbook();
    const p = wb.addWorksheet("Projects");
    p.addRow(["Code", "Title", "Cluster", "Spearhead", "Status", "Contact"]);
    p.addRow([
      "VV001",
      "Dubbel",
      "02. Fietsinfrastructuur",
      "02. Investeren in infrastructuur",
      "Opgestart",
      "jan@example.org",
    ]);
    p.addRow([
      "VV181",
      "Nieuw",
      "02. Fietsinfrastructuur",
      "02. Investeren in infrastructuur",
      "Opgestart",
      "an@example.org",
    ]);
    const b = (await loadXlsx("b.xlsx", Buffer.from(await wb.xlsx.writeBuffer()))).read();
    const out = new XlsxPort();
    const report = await mergeWorkbooks(
      [
        { file: "a.xlsx", snapshot: a },
        { file: "b.xlsx", snapshot: await b },
      ],
      out
    );
    expect(report.files.map((f) => [f.file, f.rows.projects])).toEqual([
      ["a.xlsx", 180],
      ["b.xlsx", 2],
    ]);
    expect(report.files[0].errors).toBeGreaterThan(0);
    expect(report.files[1].errors).toBeGreaterThan(0); // b misses Mijlpalen, Financiering, ...
    expect(report.duplicates).toEqual([{ projectCode: "VV001", files: ["a.xlsx", "b.xlsx"] }]);
    expect(report.meetmoment).toBe("2022-06-01");
    const merged = await (await roundTrip(out, tmp.path("merged.xlsx"))).read();
    const t = merged.sheets.find((s) => s.name === "Projecten")!.tables[0];
    expect(t.rows).toHaveLength(181);
    const src = t.headers.indexOf(SOURCE_COLUMN);
    const contact = t.headers.indexOf("Contact");
    expect(src).toBeGreaterThan(0);
    expect(t.rows[0][src]).toBe("a.xlsx");
    expect(t.rows[180][src]).toBe("b.xlsx");
    expect(t.rows[180][0]).toBe("VV181");
    expect(t.rows[180][contact]).toBe("an@example.org");
    // b's VV001 differs from a's: not in the table (the Overzicht would count it twice), kept on Bewaard.
    expect(t.rows.filter((r) => r[0] === "VV001")).toHaveLength(1);
    const kept = merged.sheets.find((s) => s.name === "Bewaard")!.used!.values;
    const conflict = kept.filter((r) => r[0] === "b.xlsx › Projects");
    expect(conflict.map((r) => r[2])).toEqual(expect.arrayContaining(["VV001", "jan@example.org"]));
    expect(
      conflict.filter((r) => String(r[3]).includes("overlap-conflict")).map((r) => r[1])
    ).toEqual(["A2", "B2", "C2", "D2", "E2", "F2"]);
    expect(merged.sheets.map((s) => s.name)).toContain(OVERVIEW_SHEET);
    // Merging the merged workbook again keeps the original source files.
    const again = planAgain(merged);
    expect(again).toEqual(expect.arrayContaining(["a.xlsx", "b.xlsx"]));
  });
});

function planAgain(snapshot: Awaited<ReturnType<XlsxPort["read"]>>): string[] {
  const t = snapshot.sheets.find((s) => s.name === "Projecten")!.tables[0];
  return [...new Set(t.rows.map((r) => String(r[t.headers.indexOf(SOURCE_COLUMN)])))];
}
