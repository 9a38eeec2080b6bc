/**
 * `kerncijfers … -o` and `compare … -o`: the add-in's Kerncijfers and Vergelijking sheets as workbooks.
 * Checked: valid against the ECMA-376 schemas (conformance), the Kerncijfers charts read back from the
 * package against the figures (series, categories, status colours), the comparison's links to the rows of
 * the written workbook, and `--pdf` saying so when LibreOffice is missing.
 */
import { readFileSync, existsSync } from "node:fs";
import ExcelJS from "exceljs";
import { run } from "./run";
import { tempDir } from "../flows/support";
import {
  distributionRecords,
  DECEMBER_2021,
  SEPTEMBER_2021,
  workbookOf,
} from "../support/mededeling";
import { chartsOf } from "../support/chart-parts";
import { conformance, failingParts } from "../conformance/ooxml";
import { MILESTONE_STATUSES, PROJECT_STATUSES } from "../../src/core/vocabulary";

const tmp = tempDir("vv-report-");
afterAll(() => tmp.cleanup());
const prev = tmp.path("september.xlsx");
const cur = tmp.path("december.xlsx");
beforeAll(async () => {
  await (
    await workbookOf(distributionRecords(SEPTEMBER_2021), SEPTEMBER_2021.meetmoment)
  ).save(prev);
  await (await workbookOf(distributionRecords(DECEMBER_2021), DECEMBER_2021.meetmoment)).save(cur);
}, 120_000);

async function expectConformant(file: string) {
  const r = await conformance(file, readFileSync(file));
  expect(failingParts(r).map((p) => `${p.part}: ${p.errors.slice(0, 2).join(" | ")}`)).toEqual([]);
  expect(r.triggers).toEqual([]);
  return r;
}

describe("kerncijfers -o", () => {
  const out = tmp.path("kerncijfers.xlsx");
  type ByStatus = { byStatus: { status: string; count: number }[] };
  let json: { projects: ByStatus; milestones: ByStatus };
  const count = (b: ByStatus, status: string) => b.byStatus.find((x) => x.status === status)!.count;
  beforeAll(async () => {
    const j = await run("kerncijfers", cur, "--vorige", prev, "--json");
    json = JSON.parse(j.out);
    const r = await run("kerncijfers", cur, "--vorige", prev, "-o", out);
    expect(r.code).toBe(0);
    expect(r.err).toContain(`Werkmap geschreven naar ${out}.`);
  }, 120_000);

  it("writes a valid workbook with the Kerncijfers sheet and its sentences", async () => {
    const r = await expectConformant(out);
    expect(r.parts.map((p) => p.part)).toEqual(
      expect.arrayContaining(["xl/charts/chart1.xml", "xl/drawings/drawing1.xml"])
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("Kerncijfers")!;
    const texts: string[] = [];
    ws.eachRow((row) => texts.push(String(row.getCell(1).value ?? "")));
    expect(texts).toContain(
      "171 van de 180 relanceprojecten (95%) zijn opgestart op 31 december 2021."
    );
    expect(ws.pageSetup.fitToWidth).toBe(1);
    expect(ws.headerFooter.oddHeader).toContain("meetmoment 31 december 2021");
  });

  it("holds the three charts, read back against the figures", async () => {
    const charts = await chartsOf(readFileSync(out), "Kerncijfers");
    expect(charts.map((c) => c.kind)).toEqual(["pie", "pie", "bar"]);
    const [projects, milestones] = charts;
    expect(projects.categories).toEqual(PROJECT_STATUSES.map((s) => s.label));
    expect(projects.series[0].values).toEqual(
      PROJECT_STATUSES.map((s) => count(json.projects, s.label))
    );
    expect(projects.pointColours).toEqual(
      PROJECT_STATUSES.map((s) => s.fill.slice(1).toUpperCase())
    );
    expect(milestones.categories).toEqual(MILESTONE_STATUSES.map((s) => s.label));
    expect(milestones.series[0].values).toEqual(
      MILESTONE_STATUSES.map((s) => count(json.milestones, s.label))
    );
    expect(milestones.pointColours).toEqual(
      MILESTONE_STATUSES.map((s) => s.fill.slice(1).toUpperCase())
    );
  });

  it("--pdf without LibreOffice says so and still writes the workbook", async () => {
    const saved = process.env.SOFFICE;
    process.env.SOFFICE = "";
    try {
      const out2 = tmp.path("zonder-pdf.xlsx");
      const r = await run("kerncijfers", cur, "-o", out2, "--pdf");
      expect(r.err).toContain("LibreOffice (soffice) is niet geïnstalleerd: geen PDF geschreven");
      expect(existsSync(out2)).toBe(true);
      expect(existsSync(tmp.path("zonder-pdf.pdf"))).toBe(false);
    } finally {
      if (saved === undefined) delete process.env.SOFFICE;
      else process.env.SOFFICE = saved;
    }
  }, 120_000);

  it("refuses to overwrite an input without --force", async () => {
    const r = await run("kerncijfers", cur, "-o", cur);
    expect(r.code).toBe(2);
  });
});

describe("compare -o", () => {
  const out = tmp.path("vergelijking.xlsx");
  beforeAll(async () => {
    const r = await run("compare", prev, cur, "-o", out);
    expect(r.err).toContain(`Werkmap geschreven naar ${out}.`);
  }, 120_000);

  it("writes a valid workbook: the current one with the Vergelijking sheet, its links leading to the rows", async () => {
    await expectConformant(out);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("Vergelijking")!;
    expect(wb.getWorksheet("Mijlpalen")).toBeDefined();
    // Printed one page wide, its title rows repeated, a print area over its cells.
    expect(ws.pageSetup).toMatchObject({ fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:2" });
    expect(ws.pageSetup.printArea).toBe(`A1:${ws.getColumn(ws.columnCount).letter}${ws.rowCount}`);
    const links: { target: string; code: string }[] = [];
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value as { formula?: string; result?: unknown } | null;
        const m = v?.formula && /^HYPERLINK\("#'?([^'!]+)'?!([A-Z]+)(\d+)"/.exec(v.formula);
        if (m) links.push({ target: `${m[1]}!${m[2]}${m[3]}`, code: String(v!.result ?? "") });
      })
    );
    expect(links.length).toBeGreaterThan(0);
    // Each link leads to a row of the written workbook that holds the project it names.
    for (const l of links.filter((x) => /^VV\d{3}$/.test(x.code))) {
      const [sheet, cell] = l.target.split("!");
      const row = wb.getWorksheet(sheet)!.getRow(Number(/\d+$/.exec(cell)![0]));
      expect(row.getCell(1).value).toBe(l.code);
    }
  });
});
