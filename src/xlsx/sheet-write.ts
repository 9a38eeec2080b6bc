/**
 * Writing a plan's tables and blocks into an exceljs worksheet: values, links as HYPERLINK formulas,
 * number formats, dropdowns as data validation lists, status colours as conditional formatting.
 */
import ExcelJS from "./exceljs-lib.cjs";
import { columnLetter } from "../core/cells";
import { quoteSheet } from "../workbook/address";
import type { BlockPlan, ColumnFormat, TablePlan, WriteValue } from "../workbook/port";

/** Rows below the data that dropdowns and status colours still cover, so new rows get them too. */
export const FORMAT_ROWS = 1000;

/** exceljs fields its type definitions leave out. */
export type Sheet = ExcelJS.Worksheet & {
  orderNo: number;
  dataValidations: { add(range: string, dv: ExcelJS.DataValidation): void };
};
export const sheet = (ws: ExcelJS.Worksheet) => ws as Sheet;

export const argb = (hex: string) => "FF" + hex.replace(/^#/, "").toUpperCase();

function toExcel(v: WriteValue | undefined): ExcelJS.CellValue {
  if (v === undefined || v === null) return null;
  if (typeof v === "object" && !(v instanceof Date))
    return (
      v.result === undefined || v.result === null
        ? { formula: v.formula }
        : { formula: v.formula, result: v.result }
    ) as ExcelJS.CellFormulaValue;
  return v;
}

/** A link target such as "Mijlpalen!D12" or "'Mijn blad'!D12", quoted for HYPERLINK. */
function linkFormula(target: string, shown: WriteValue): ExcelJS.CellFormulaValue {
  const bang = target.lastIndexOf("!");
  const sheet = target
    .slice(0, bang)
    .replace(/^'(.*)'$/, "$1")
    .replace(/''/g, "'");
  const where = `#${quoteSheet(sheet)}!${target.slice(bang + 1)}`;
  const text =
    shown === null || shown === undefined
      ? target
      : typeof shown === "object" && !(shown instanceof Date)
        ? target
        : String(shown);
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  return { formula: `HYPERLINK(${q(where)},${q(text)})`, result: text } as ExcelJS.CellFormulaValue;
}

const DATE_FORMAT = "yyyy-mm-dd";

/**
 * Write a plan's table. With `bulk`, exceljs writes the table, its formats, dropdowns and colours over
 * all the plan's rows, but only two probe rows of cells: the first styled as a value, the second as a
 * date, so that the package gets each column's style ids; `bulk-save.ts` writes the real rows in their
 * place (exceljs' cell objects cost seconds and a gigabyte on 100,000 rows).
 */
export function writeTable(ws: ExcelJS.Worksheet, t: TablePlan, bulk = false) {
  // A table needs at least one data row (Excel shows an empty row to type into).
  const rows = t.rows.length ? t.rows : [t.headers.map(() => null)];
  ws.addTable({
    name: t.name,
    ref: `A${t.headerRow}`,
    headerRow: true,
    totalsRow: false,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: t.headers.map((name) => ({ name, filterButton: true })),
    rows: bulk
      ? [t.headers.map(() => null)]
      : rows.map((r) => t.headers.map((_, i) => toExcel(r[i]))),
  });
  const first = t.headerRow + 1;
  const last = t.headerRow + Math.max(rows.length, 1) + FORMAT_ROWS;
  if (bulk) t.headers.forEach((_, i) => (ws.getCell(first + 1, i + 1).value = PROBE_DATE));
  t.columns.forEach((f, i) =>
    formatColumn(ws, i, f, t.headerRow, first, last, bulk ? 2 : rows.length)
  );
  t.headerNotes?.forEach((n, i) => {
    if (n) ws.getCell(t.headerRow, i + 1).note = n;
  });
  const header = ws.getRow(t.headerRow);
  header.alignment = { wrapText: true, vertical: "top" };
}

/** The value of the second probe row of a bulk table (any date: only its style ids are used). */
const PROBE_DATE = new Date(Date.UTC(2022, 5, 1));

function formatColumn(
  ws: ExcelJS.Worksheet,
  i: number,
  f: ColumnFormat,
  headerRow: number,
  first: number,
  last: number,
  dataRows: number
) {
  const col = ws.getColumn(i + 1);
  if (f.width) col.width = f.width;
  if (f.numFmt || f.wrap) columnStyle(ws, i, f, headerRow, first, dataRows);
  const letter = columnLetter(i);
  const range = `${letter}${first}:${letter}${last}`;
  if (f.listRange || f.help) columnValidation(ws, range, f);
  if (f.colours?.length) columnColours(ws, range, `$${letter}${first}`, f.colours);
}

/** The number format and wrapping of a column: its style (rows typed later) and its data cells. */
function columnStyle(
  ws: ExcelJS.Worksheet,
  i: number,
  f: ColumnFormat,
  headerRow: number,
  first: number,
  dataRows: number
) {
  const col = ws.getColumn(i + 1);
  if (f.numFmt) col.numFmt = f.numFmt;
  if (f.wrap) col.alignment = { wrapText: true, vertical: "top" };
  for (let r = first; r < first + dataRows; r++) {
    const cell = ws.getCell(r, i + 1);
    // A date typed into a text or number column stays a date: a file stores dates as numbers and only
    // a date format makes them dates again.
    if (f.numFmt) cell.numFmt = cell.value instanceof Date ? DATE_FORMAT : f.numFmt;
    if (f.wrap) cell.alignment = { wrapText: true, vertical: "top" };
  }
  ws.getCell(headerRow, i + 1).numFmt = "General";
}

/** The dropdown of a list column and the input help of any column, as one data validation. */
function columnValidation(ws: ExcelJS.Worksheet, range: string, f: ColumnFormat) {
  const help = f.help
    ? {
        showInputMessage: true,
        promptTitle: f.help.title.slice(0, 32),
        prompt: f.help.text.slice(0, 255),
      }
    : {};
  if (f.listRange)
    sheet(ws).dataValidations.add(range, {
      type: "list",
      allowBlank: true,
      formulae: [f.listRange],
      showErrorMessage: true,
      errorStyle: "warning",
      errorTitle: "Waarde niet in de lijst",
      error: "Kies een waarde uit de lijst.",
      ...help,
    });
  else
    sheet(ws).dataValidations.add(range, {
      type: "any",
      allowBlank: true,
      ...help,
    } as unknown as ExcelJS.DataValidation);
}

/** The status colours: one conditional format per value, relative to the column's first cell. */
function columnColours(
  ws: ExcelJS.Worksheet,
  range: string,
  firstCell: string,
  colours: NonNullable<ColumnFormat["colours"]>
) {
  ws.addConditionalFormatting({
    ref: range,
    rules: colours.map((c, k) => ({
      type: "expression",
      priority: k + 1,
      formulae: [`${firstCell}="${c.value.replace(/"/g, '""')}"`],
      style: {
        fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(c.fill) } },
        font: { color: { argb: argb(c.font) } },
      },
    })),
  });
}

export function writeBlock(ws: ExcelJS.Worksheet, b: BlockPlan) {
  b.values.forEach((row, r) => {
    row.forEach((v, c) => {
      const cell = ws.getCell(b.row + r, b.column + c + 1);
      const link = b.links?.[r]?.[c];
      cell.value = link ? linkFormula(link, v) : toExcel(v);
      if (!link && !b.bold && !b.numFmt && !b.fill && !b.font) return;
      // A style object of its own: cells of a loaded file share theirs.
      const style: Partial<ExcelJS.Style> = { ...cell.style };
      if (link) style.font = { color: { argb: "FF0563C1" }, underline: true };
      if (b.bold) style.font = { ...(style.font ?? {}), bold: true };
      if (b.font) style.font = { ...(style.font ?? {}), color: { argb: argb(b.font) } };
      if (b.numFmt) style.numFmt = b.numFmt;
      if (b.fill)
        style.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(b.fill) } };
      cell.style = style;
    });
  });
}
