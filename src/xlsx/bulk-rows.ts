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
export function cellXml(c: Column, r: number, v: WriteValue, textId: number): string {
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
 * The rows from `firstRow` down (their first cell in column `firstColumn`, 0-based), as UTF-8 chunks of
 * about half a megabyte each (one string of a whole sheet would be hundreds of megabytes in V8's two-byte
 * form), each made when it is asked for: a part streamed into the zip (Bewaard, 39 MB of XML in the merge
 * of 50 workbooks) is then never whole in memory. The bytes are written straight into the chunk: built
 * as strings (`part +=` a cell's XML, then encoded), the 78 MB of rows of that merge allocated 376 MB of
 * strings on the way, and collecting them was a tenth of the merge's main thread. `cellXml` is what each
 * cell's bytes spell (a formula is written through it).
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
  const columns = Array.from({ length: width }, (_, j) =>
    cellBytes({
      letter: columnLetter(firstColumn + j),
      s: attr(styles.plain[j]),
      date: attr(styles.date[j]),
    })
  );
  const out = new ChunkWriter();
  const rowDigits = new Uint8Array(16);
  for (let i = 0; i < rows.length; i++) {
    const r = firstRow + i;
    const row = rows[i];
    const rLength = writeDigits(r, rowDigits, 0);
    out.room(64);
    out.put(ROW_OPEN);
    out.putDigits(rowDigits, rLength);
    out.put(ROW_OPENED);
    for (let j = 0; j < width; j++) {
      const v = row[j] ?? null;
      const c = columns[j];
      if (v === null) {
        if (!c.column.s) continue;
        out.openCell(c.open, rowDigits, rLength);
        out.put(c.empty);
      } else if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") {
        out.openCell(c.open, rowDigits, rLength);
        if (typeof v === "string") {
          out.put(c.text);
          out.putInteger(textIds[i * width + j]);
        } else if (typeof v === "boolean") {
          out.put(c.boolean);
          out.putByte(v ? 49 : 48);
        } else {
          out.put(c.number);
          out.putNumber(v);
        }
        out.put(VALUE_CLOSE);
      } else if (v instanceof Date) {
        out.openCell(c.open, rowDigits, rLength);
        out.put(c.date);
        out.putNumber(utils.dateToExcel(v, false));
        out.put(VALUE_CLOSE);
      } else out.putText(cellXml(c.column, r, v, -1));
    }
    out.room(16);
    out.put(ROW_CLOSE);
    if (out.full()) yield out.take();
  }
  if (!out.empty()) yield out.take();
}

const ascii = (s: string) => Uint8Array.from(Buffer.from(s, "latin1"));
const ROW_OPEN = ascii('<row r="');
const ROW_OPENED = ascii('">');
const ROW_CLOSE = ascii("</row>");
const VALUE_CLOSE = ascii("</v></c>");

/** A column's cells as bytes: up to the row number, and after it for each kind of value. */
function cellBytes(column: Column) {
  return {
    column,
    open: ascii(`<c r="${column.letter}`),
    empty: ascii(`"${column.s}/>`),
    text: ascii(`"${column.s} t="s"><v>`),
    number: ascii(`"${column.s}><v>`),
    boolean: ascii(`"${column.s} t="b"><v>`),
    date: ascii(`"${column.date}><v>`),
  };
}

/** How many decimal digits a whole number ≥ 0 has. */
function digitCount(n: number): number {
  let k = 1;
  while (n >= 10) {
    n = Math.floor(n / 10);
    k++;
  }
  return k;
}

/** The decimal digits of a whole number ≥ 0 into `to` from `at`, as ASCII; returns where they end. */
function writeDigits(n: number, to: Uint8Array, at: number): number {
  const end = at + digitCount(n);
  let p = end;
  do {
    const q = Math.floor(n / 10);
    to[--p] = 48 + n - q * 10;
    n = q;
  } while (n > 0);
  return end;
}

/** Bytes written into chunks of about CHUNK bytes; a chunk is grown when one row does not fit. */
export const CHUNK = 1 << 19;

class ChunkWriter {
  private buf = Buffer.allocUnsafeSlow(CHUNK + 4096);
  private pos = 0;

  /** At least `n` bytes free after the write position. */
  room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const bigger = Buffer.allocUnsafeSlow(Math.max(this.buf.length * 2, this.pos + n));
    this.buf.copy(bigger, 0, 0, this.pos);
    this.buf = bigger;
  }

  put(bytes: Uint8Array): void {
    this.buf.set(bytes, this.pos);
    this.pos += bytes.length;
  }

  putByte(x: number): void {
    this.buf[this.pos++] = x;
  }

  /**
   * A cell's start up to its row number (`<c r="B12`), with room for the rest of a cell of a value that is
   * not a text of its own (a number, a style, `</v></c>`: under 96 bytes).
   */
  openCell(open: Uint8Array, rowDigits: Uint8Array, n: number): void {
    this.room(96);
    this.put(open);
    this.putDigits(rowDigits, n);
  }

  putDigits(digits: Uint8Array, n: number): void {
    const b = this.buf;
    let p = this.pos;
    for (let k = 0; k < n; k++) b[p++] = digits[k];
    this.pos = p;
  }

  /** A whole number ≥ 0 (a text's number in the shared strings). */
  putInteger(n: number): void {
    this.pos = writeDigits(n, this.buf, this.pos);
  }

  /** A number as JavaScript writes it (`${v}`): whole numbers digit by digit, others through String. */
  putNumber(v: number): void {
    if (Number.isInteger(v) && Math.abs(v) < 1e15) {
      if (v < 0) this.putByte(45);
      this.putInteger(Math.abs(v));
    } else this.putText(String(v));
  }

  /** Any text, as UTF-8. */
  putText(s: string): void {
    this.room(3 * s.length);
    this.pos += this.buf.write(s, this.pos, "utf8");
  }

  full(): boolean {
    return this.pos >= CHUNK;
  }

  empty(): boolean {
    return this.pos === 0;
  }

  /** The bytes written since the last chunk, as a chunk of their own; the next ones go to a new buffer. */
  take(): Buffer {
    const chunk = this.buf.subarray(0, this.pos);
    this.buf = Buffer.allocUnsafeSlow(CHUNK + 4096);
    this.pos = 0;
    return chunk;
  }
}
