/**
 * The `<row>` elements of a big table, written as XML straight from the plan's values: what exceljs
 * writes for the same cells (its value types, its escaping, its date serials, its shared strings), with
 * each column's style ids taken from the probe rows exceljs wrote (sheet-write.ts).
 */
import exceljsUtils from "exceljs/lib/utils/utils";
import { columnLetter } from "../core/cells";
import type { WriteValue } from "../workbook/port";
import type { SharedStrings } from "./shared-strings";

/** exceljs' own escaping and date serials, so that a cell reads back as exceljs would have written it. */
const utils = exceljsUtils as unknown as {
  xmlEncode(text: string): string;
  dateToExcel(d: Date, date1904: boolean): number;
};

/** The style id of each column's cells: as a value (or empty), and holding a date. */
export interface ColumnStyles {
  plain: number[];
  date: number[];
}

/** A column's fixed parts of a cell's XML: its letter and its style attributes. */
interface Column {
  letter: string;
  /** ` s="10"`, or "" for style 0. */
  s: string;
  date: string;
}

const attr = (id: number) => (id ? ` s="${id}"` : "");

/** One cell's XML, or "" for an empty cell without a style (exceljs writes nothing there either). */
function cellXml(c: Column, r: number, v: WriteValue, textId: number): string {
  const ref = c.letter + r;
  if (v === null || v === undefined) return c.s ? `<c r="${ref}"${c.s}/>` : "";
  if (typeof v === "string") return `<c r="${ref}"${c.s} t="s"><v>${textId}</v></c>`;
  if (typeof v === "number") return `<c r="${ref}"${c.s}><v>${v}</v></c>`;
  if (typeof v === "boolean") return `<c r="${ref}"${c.s} t="b"><v>${v ? 1 : 0}</v></c>`;
  if (v instanceof Date) return `<c r="${ref}"${c.date}><v>${utils.dateToExcel(v, false)}</v></c>`;
  return formulaXml(ref, c.s, v);
}

/** A formula with its stored result (formula results are never shared strings, as in exceljs). */
function formulaXml(ref: string, s: string, v: { formula: string; result?: unknown }): string {
  const f = `<f>${utils.xmlEncode(v.formula)}</f>`;
  const r = v.result;
  if (r === undefined || r === null) return `<c r="${ref}"${s}>${f}</c>`;
  if (typeof r === "string")
    return `<c r="${ref}"${s} t="str">${f}<v>${utils.xmlEncode(r)}</v></c>`;
  if (typeof r === "boolean") return `<c r="${ref}"${s} t="b">${f}<v>${r ? 1 : 0}</v></c>`;
  return `<c r="${ref}"${s}>${f}<v>${String(r)}</v></c>`;
}

/**
 * Number the rows' texts in the shared strings, in the order `rowChunks` writes them: the table of shared
 * strings is then complete before the rows' XML is made (bulk-save.ts). Returns each cell's number (row
 * by row, `width` a row; -1 where the cell holds no text), so that the rows are not looked up twice.
 */
export function numberTexts(
  rows: readonly (readonly WriteValue[])[],
  width: number,
  strings: SharedStrings
): Int32Array {
  const ids = new Int32Array(rows.length * width).fill(-1);
  // A column often repeats its text from the row above (a file's name, a reason kept on Bewaard, a
  // status): its number is then taken again without a lookup.
  const lastText: (string | undefined)[] = new Array<string | undefined>(width);
  const lastId = new Int32Array(width);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    for (let j = 0; j < width; j++) {
      const v = row[j];
      if (typeof v !== "string") continue;
      if (v === lastText[j]) ids[i * width + j] = strings.again(lastId[j]);
      else {
        const id = strings.id(v);
        ids[i * width + j] = id;
        lastText[j] = v;
        lastId[j] = id;
      }
    }
  }
  return ids;
}

/**
 * The rows from `firstRow` down (their first cell in column `firstColumn`, 0-based), as UTF-8 chunks of a
 * few thousand rows each (one string of a whole sheet would be hundreds of megabytes in V8's two-byte form),
 * each made when it is asked for: a part streamed into the zip (Bewaard, 39 MB of XML in the merge of 50
 * workbooks) is then never whole in memory.
 */
export function* rowChunks(
  rows: readonly (readonly WriteValue[])[],
  width: number,
  firstRow: number,
  styles: ColumnStyles,
  /** The texts' numbers in the shared strings (numberTexts). */
  textIds: Int32Array,
  firstColumn = 0
): Generator<Buffer, void, undefined> {
  const columns: Column[] = Array.from({ length: width }, (_, j) => ({
    letter: columnLetter(firstColumn + j),
    s: attr(styles.plain[j]),
    date: attr(styles.date[j]),
  }));
  let part = "";
  for (let i = 0; i < rows.length; i++) {
    const r = firstRow + i;
    const row = rows[i];
    part += `<row r="${r}">`;
    for (let j = 0; j < width; j++)
      part += cellXml(columns[j], r, row[j] ?? null, textIds[i * width + j]);
    part += "</row>";
    if (i % 2048 === 2047) {
      yield Buffer.from(part, "utf8");
      part = "";
    }
  }
  if (part) yield Buffer.from(part, "utf8");
}
