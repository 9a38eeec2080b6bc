/**
 * The page layout in the files the command line writes (src/xlsx/page-layout.ts), read back from the
 * saved package: every sheet one page wide on A4, the data sheets' header row repeated, a print area on
 * the report sheets, the meetmoment and "pagina &P van &N" in header and footer. The same description the
 * add-in sets in Excel (test/excel/page-layout.test.ts).
 */
import ExcelJS from "exceljs";
import { SHEETS, OVERVIEW_SHEET, VALIDATION_SHEET } from "../../src/core/template";
import { createTemplate, mergeWorkbooks, validateFlow, writeDemo } from "../../src/workbook/flows";
import { XlsxPort } from "../../src/xlsx/port";
import { pageLayoutFor } from "../../src/workbook/page-layout";
import { chartsOf } from "../support/chart-parts";

async function reread(port: XlsxPort): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await port.toBuffer()) as unknown as ArrayBuffer);
  return wb;
}

function setupOf(wb: ExcelJS.Workbook, name: string) {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return { setup: ws.pageSetup, hf: ws.headerFooter };
}

describe("the demo workbook's page layout", () => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    const port = new XlsxPort();
    await writeDemo(port);
    await validateFlow(port, { lang: "nl", annotate: true });
    wb = await reread(port);
  }, 120_000);

  it.each(SHEETS.map((s) => s.name))("%s: A4 landscape, one page wide, row 1 repeated", (name) => {
    const { setup, hf } = setupOf(wb, name);
    expect(setup).toMatchObject({
      orientation: "landscape",
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: "1:1",
    });
    expect(setup.printArea).toBeUndefined();
    expect(hf.oddHeader).toBe("&LVlaamse Veerkracht, meetmoment 1 juni 2022&R&A");
    expect(hf.oddFooter).toBe("&Rpagina &P van &N");
  });

  it.each([
    ["Instructies", undefined],
    [OVERVIEW_SHEET, "1:3"],
    [VALIDATION_SHEET, "detail"],
  ])("%s: a report with a print area over its cells", (name, titles) => {
    const { setup } = setupOf(wb, name);
    expect(setup.fitToWidth).toBe(1);
    expect(setup.fitToHeight).toBe(0);
    if (titles === "detail") {
      // Validatie: the header row of the findings' list, under the summary, repeated on every page.
      const ws = wb.getWorksheet(name)!;
      const header = ws.getColumn(3).values.findIndex((v) => v === "Tabblad");
      expect(header).toBeGreaterThan(1);
      expect(setup.printTitlesRow).toBe(`${header}:${header}`);
    } else expect(setup.printTitlesRow).toBe(titles);
    const ws = wb.getWorksheet(name)!;
    const used = `A1:${ws.getColumn(ws.columnCount).letter}${ws.rowCount}`;
    if (name !== OVERVIEW_SHEET) expect(setup.printArea).toBe(used);
    else {
      // The Overzicht's print area reaches over its charts, beside and under its cells (exceljs reads no
      // charts, so they are not in its column and row counts).
      const [, col, row] = /^A1:([A-Z]+)(\d+)$/.exec(setup.printArea ?? "") ?? [];
      expect(Number(row)).toBeGreaterThanOrEqual(ws.rowCount);
      expect(ws.getColumn(col!).number).toBeGreaterThanOrEqual(ws.columnCount);
    }
  });
});

it("the template in English: English header texts, no meetmoment when there is none", async () => {
  const port = new XlsxPort();
  await createTemplate(port, { lang: "en" });
  const wb = await reread(port);
  const { hf, setup } = setupOf(wb, "Mijlpalen");
  expect(setup.printTitlesRow).toBe("1:1");
  expect(hf.oddHeader).toBe("&LVlaamse Veerkracht&R&A");
});

it("Bewaard, where a user's own sheet is kept: its header row repeated, no print area (it is added to)", async () => {
  const port = new XlsxPort();
  await writeDemo(port);
  await port.apply({
    sheets: [
      {
        name: VALIDATION_SHEET,
        mode: "replace",
        blocks: [{ row: 1, column: 0, values: [["mijn eigen notities"]] }],
      },
    ],
  });
  await validateFlow(port, { lang: "nl", annotate: true });
  const { setup } = setupOf(await reread(port), "Bewaard");
  expect(setup).toMatchObject({ fitToWidth: 1, printTitlesRow: "1:1" });
  expect(setup.printArea).toBeUndefined();
}, 120_000);

it("a merge's sheets, written in bulk, keep the layout", async () => {
  const a = new XlsxPort();
  await writeDemo(a);
  const out = new (await import("../../src/xlsx/bulk-port")).BulkXlsxPort();
  await mergeWorkbooks([{ file: "a.xlsx", snapshot: await a.read() }], out, { lang: "nl" });
  const wb = await reread(out);
  expect(setupOf(wb, "Mijlpalen").setup).toMatchObject({ fitToWidth: 1, printTitlesRow: "1:1" });
  // The merged Overzicht carries its charts too.
  const charts = await chartsOf(await out.toBuffer(), "Overzicht");
  expect(charts.map((c) => c.kind)).toEqual(["bar", "pie", "pie", "pie"]);
}, 120_000);

it("a header text's ampersand is doubled, the rest of Excel's codes kept", () => {
  const l = pageLayoutFor(
    { name: "X", mode: "replace", blocks: [{ row: 1, column: 0, values: [["a"]] }] },
    { lang: "nl", meetmoment: null }
  );
  expect(l.orientation).toBe("portrait");
  expect(l.printArea).toBe("A1:A1");
  expect(l.titleRows).toBeUndefined();
  expect(l.header.right).toBe("&A");
});
