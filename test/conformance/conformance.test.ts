/**
 * Every workbook a flow writes, unpacked and checked part by part against the ECMA-376 Transitional
 * schemas (xmllint, from libxml2-utils), plus the repair triggers the schemas cannot express: template,
 * demo, an annotated demo, a merge of three files, an overview rebuilt over an existing workbook, and the
 * conversions of workbooks written by other programs (test/fixtures/writers, each with the script that
 * made it) and by exceljs. Expected: 0 failing parts, 0 triggers.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import {
  buildOverview,
  convertWorkbook,
  createTemplate,
  mergeWorkbooks,
  validateFlow,
  writeDemo,
} from "../../src/workbook/flows";
import { openXlsx } from "../../src/xlsx/open";
import { XlsxPort } from "../../src/xlsx/port";
import { BulkXlsxPort } from "../../src/xlsx/bulk-port";
import { tempDir } from "../flows/support";
import { conformance, failingParts, formatReport, type ConformanceReport } from "./ooxml";

const WRITERS = join(__dirname, "../fixtures/writers");
const tmp = tempDir("vv-conf-");
afterAll(() => tmp.cleanup());

const reports: ConformanceReport[] = [];

async function check(name: string, port: XlsxPort): Promise<ConformanceReport> {
  const file = tmp.path(name);
  await port.save(file);
  const r = await conformance(name, readFileSync(file));
  reports.push(r);
  return r;
}

function expectConformant(r: ConformanceReport) {
  const problems = {
    failing: failingParts(r).map((p) => `${p.part}: ${p.errors.slice(0, 2).join(" | ")}`),
    triggers: r.triggers.map((t) => `${t.check} ${t.part}: ${t.detail}`),
  };
  expect(problems).toEqual({ failing: [], triggers: [] });
  // Nothing left unchecked but the part whose schema imports Dublin Core.
  expect(r.parts.filter((p) => p.status === "no-schema").map((p) => p.part)).toEqual([]);
  expect(r.parts.filter((p) => p.status === "skipped").map((p) => p.part)).toEqual([
    "docProps/core.xml",
  ]);
}

async function convert(input: string, out: string): Promise<ConformanceReport> {
  const port = await openXlsx(input);
  await convertWorkbook(port, { lang: "nl" });
  return check(out, port);
}

/** A plain workbook written by exceljs itself: a table, notes (one on an empty cell), a link. */
async function exceljsWorkbook(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Projects");
  ws.addTable({
    name: "MyProjects",
    ref: "A1",
    columns: [{ name: "Projectcode" }, { name: "Projecttitel" }, { name: "Cluster" }],
    rows: [
      ["VV003", "Asbest", "01. Digitalisering"],
      ["VV004", "Water", "05. Versterking O&O"],
    ],
  });
  ws.getCell("B2").note = "titel nakijken";
  ws.getCell("E5").note = "een notitie op een lege cel";
  const other = wb.addWorksheet("Links");
  other.getCell("A1").value = { text: "naar de projecten", hyperlink: "#Projects!A1" };
  const f = tmp.path("exceljs-input.xlsx");
  await wb.xlsx.writeFile(f);
  return f;
}

describe("the workbooks vv-monitor writes are valid Office Open XML without repair triggers", () => {
  let demoFile: string;

  beforeAll(async () => {
    const port = new XlsxPort();
    await writeDemo(port, {});
    demoFile = tmp.path("demo.xlsx");
    await port.save(demoFile);
  });

  test("template (as `vv-monitor template` writes it, with its overview)", async () => {
    const port = new XlsxPort();
    await createTemplate(port, { meetmoment: "2022-06-01" });
    await buildOverview(port, {});
    expectConformant(await check("template.xlsx", port));
  });

  test("demo", async () => {
    const r = await conformance("demo.xlsx", readFileSync(demoFile));
    reports.push(r);
    expectConformant(r);
  });

  test("annotated demo (marks, notes and the Validatie sheet)", async () => {
    const port = await openXlsx(demoFile);
    await validateFlow(port, { annotate: true });
    expectConformant(await check("annotated.xlsx", port));
  });

  test("an overview rebuilt over an existing workbook", async () => {
    const port = await openXlsx(demoFile);
    await buildOverview(port, {});
    expectConformant(await check("overview-again.xlsx", port));
  });

  test("conversion of a workbook written by openpyxl (notes, a table, links, no stored results)", async () => {
    expectConformant(
      await convert(join(WRITERS, "openpyxl-notes-table.xlsx"), "conv-openpyxl.xlsx")
    );
  });

  test("conversion of a workbook saved by LibreOffice (no theme part)", async () => {
    expectConformant(
      await convert(join(WRITERS, "libreoffice-notes-table.xlsx"), "conv-libreoffice.xlsx")
    );
  });

  test("conversions of a 1904-dated openpyxl workbook, an Excel-like and a Google-Sheets-like package", async () => {
    for (const f of ["openpyxl-1904", "excel-like", "google-like"])
      expectConformant(await convert(join(WRITERS, `${f}.xlsx`), `conv-${f}.xlsx`));
  });

  test("conversion of a workbook written by exceljs", async () => {
    expectConformant(await convert(await exceljsWorkbook(), "conv-exceljs.xlsx"));
  });

  test("a merge of three files: the demo and two conversions", async () => {
    const inputs = [];
    for (const f of [demoFile, tmp.path("conv-openpyxl.xlsx"), tmp.path("conv-libreoffice.xlsx")])
      inputs.push({ file: f, snapshot: await (await openXlsx(f)).read() });
    // As `vv-monitor merge` writes it (rows in bulk), and as exceljs alone would.
    const out = new BulkXlsxPort();
    await mergeWorkbooks(inputs, out, {});
    expectConformant(await check("merge.xlsx", out));
    const plain = new XlsxPort();
    await mergeWorkbooks(inputs, plain, {});
    expectConformant(await check("merge-exceljs.xlsx", plain));
  });

  afterAll(() => {
    // The whole report, for whoever wants to read it: test-output/conformance.txt.
    const dir = join(__dirname, "../../test-output");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "conformance.txt"), formatReport(reports) + "\n");
  });
});
