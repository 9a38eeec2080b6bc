/**
 * Issue 21, item 4: a formula whose result is "" (`=IF(B3="","",B3*2)`) is not an empty cell. Convert
 * used to drop it with no trace, in both hosts: the formula is the user's work and must be kept (its text
 * on Bewaard, with the reason), in a template column, in an extra column, and in a row of such formulas
 * only. The Office.js host is tested against the twin (test/fakes/excel.ts), the file host on a real .xlsx.
 */
import ExcelJS from "exceljs";
import { KEPT_SHEET } from "../../src/core/template";
import { ExcelWorkbookPort, type ExcelRun } from "../../src/excel/port";
import { convertWorkbook } from "../../src/workbook/flows";
import { loadXlsx } from "../../src/xlsx/open";
import { FakeExcel } from "../fakes/excel";

const EMPTY_IF = 'IF(B3="","",B3*2)';
const EXTRA_IF = 'IF(C2="","",C2)';
/** A prepared row: nothing typed yet, only a formula waiting for its amount. */
const ROW_IF = 'IF(B4="","",B4/2)';

/** The rows of the user's Financiering sheet: the VEK of VV002 and the extra column hold ""-formulas. */
const rows: unknown[][] = [
  ["Projectcode", "Beleidsruimte (begroot)", "Uitvoering VEK", "Controle"],
  ["VV001", 1000, 500, "ok"],
  ["VV002", 2000, { formula: EMPTY_IF, result: "" }, { formula: EXTRA_IF, result: "" }],
  [null, null, { formula: ROW_IF, result: "" }, null],
  ["VV003", 3000, 1, null],
];

/** Every text of the Bewaard sheet, to find the kept formulas in. */
function keptTexts(values: unknown[][]): string[] {
  return values.flat().map((v) => (v === null || v === undefined ? "" : String(v)));
}

describe("convert keeps a formula whose result is empty", () => {
  it("Office.js host (the twin): the formulas are on Bewaard with their cells", async () => {
    const x = new FakeExcel();
    x.addSheet("Financiering", rows);
    const port = new ExcelWorkbookPort({ run: x.run as unknown as ExcelRun, notes: true });
    await convertWorkbook(port, { meetmoment: "2022-06-01" });
    const kept = keptTexts([...x.sheet(KEPT_SHEET).cells.values()].map((c) => [c.value]));
    expect(kept).toContain(`=${EMPTY_IF}`);
    expect(kept).toContain(`=${EXTRA_IF}`);
    expect(kept).toContain(`=${ROW_IF}`);
    // The extra column is in the converted table, with its header.
    const header = x.read("Financiering", "A1:Z1")[0];
    expect(header).toContain("Controle");
  });

  it("file host (exceljs): the formulas are on Bewaard with their cells", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Financiering");
    rows.forEach((r) => ws.addRow(r));
    const port = await loadXlsx("x.xlsx", Buffer.from(await wb.xlsx.writeBuffer()));
    const snap0 = await port.read();
    // The file stores the empty result: the snapshot has it as a formula with result "".
    expect(snap0.sheets[0].used?.values[2][2]).toEqual({ formula: EMPTY_IF, result: "" });
    await convertWorkbook(port, { meetmoment: "2022-06-01" });
    const snap = await port.read();
    const kept = snap.sheets.find((s) => s.name === KEPT_SHEET)!;
    const texts = keptTexts(kept.used!.values);
    expect(texts).toContain(`=${EMPTY_IF}`);
    expect(texts).toContain(`=${EXTRA_IF}`);
    expect(texts).toContain(`=${ROW_IF}`);
    const fin = snap.sheets.find((s) => s.name === "Financiering")!;
    expect(fin.tables[0].headers).toContain("Controle");
  });
});
