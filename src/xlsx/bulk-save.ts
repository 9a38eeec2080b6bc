/**
 * Saving a workbook whose big tables were written in bulk (sheet-write.ts): exceljs writes the package
 * with two probe rows in each such table; the package is then copied part by part (yauzl in, yazl out)
 * with each bulk sheet's probe rows replaced by the plan's rows (bulk-rows.ts) and its table's range,
 * and the sheet's dimension, set to the real rows. Every other part is exceljs' own, byte for byte.
 *
 * yazl deflates each part on Node's thread pool while this thread writes the next sheet's rows. The shared
 * strings come first: the bulk rows' texts are numbered before any row is written, so that the largest
 * part (11.5 MB of XML in the merge of 50 workbooks) is deflated while the rows are made, not after them
 * (it was the last half second of that merge, one core idle).
 */
import { Writable } from "node:stream";
import { createWriteStream } from "node:fs";
import yazl from "yazl";
import { columnLetter } from "../core/cells";
import type { TablePlan, WriteValue } from "../workbook/port";
import { numberTexts, rowsXml, type ColumnStyles } from "./bulk-rows";
import { SharedStrings } from "./shared-strings";
import { ZipParts } from "./stream/zip";

/** A table whose rows are written at save: the sheet's id (its part's number) and the plan. */
export interface BulkTable {
  sheetId: number;
  table: TablePlan;
}

const SST = "xl/sharedStrings.xml";

/**
 * zlib's level for the big parts. Measured on the merge of 50 workbooks (the shared strings: 11.5 MB of
 * XML): level 2 deflates them in 186 ms to 4.02 MB, level 3 in 244 ms to 3.92 MB, the default 6 in 447
 * ms to 3.57 MB. The merged file is 9.3 MB at level 2 (9.0 at 3, 8.0 at 6). The deflating runs on the
 * other core while this thread writes the rows, and the last of it is the end of a merge.
 */
const BULK_LEVEL = 2;

function missing(part: string): never {
  throw new Error(`exceljs wrote no ${part}`);
}

const TABLE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/table";

/** The package exceljs wrote (`stub`), with the bulk tables' rows in place, to `out`. */
export async function spliceBulkRows(
  stub: Uint8Array,
  bulk: readonly BulkTable[],
  out: Writable
): Promise<void> {
  // The output's errors are caught from the start: a file that cannot be opened fails at once, while
  // the parts are still being made (awaited at the end).
  const zip = new yazl.ZipFile();
  const done = new Promise<void>((resolve, reject) => {
    out.on("error", reject);
    zip.outputStream.on("error", reject);
    zip.outputStream.pipe(out).on("finish", resolve);
  });
  done.catch(() => {});
  const parts = await ZipParts.open(stub);
  const bySheet = new Map(bulk.map((b) => [`xl/worksheets/sheet${b.sheetId}.xml`, b]));
  const tables = new Map<string, BulkTable>();
  for (const b of bulk) tables.set(await tablePart(parts, b.sheetId), b);
  const mtime = new Date();
  const strings = new SharedStrings((await parts.text(SST)) ?? missing(SST));
  const names = parts.names();
  const textIds = new Map<string, Int32Array>();
  for (const name of names) {
    const sheet = bySheet.get(name);
    if (sheet)
      textIds.set(name, numberTexts(writtenRows(sheet.table), sheet.table.headers.length, strings));
  }
  // Every part in exceljs' order, but the shared strings before the first bulk sheet.
  let sst: Buffer | null = strings.toBuffer();
  for (const name of names) {
    if (name === SST) continue;
    const sheet = bySheet.get(name);
    if (sheet && sst) {
      zip.addBuffer(sst, SST, { mtime, compressionLevel: BULK_LEVEL });
      sst = null;
    }
    const table = tables.get(name);
    const bytes = sheet
      ? sheetWithRows((await parts.text(name))!, sheet.table, textIds.get(name)!)
      : table
        ? Buffer.from(tableWithRows((await parts.text(name))!, table.table), "utf8")
        : await partBytes(parts, name);
    zip.addBuffer(bytes, name, { mtime, compressionLevel: sheet ? BULK_LEVEL : 6 });
  }
  if (sst) zip.addBuffer(sst, SST, { mtime, compressionLevel: BULK_LEVEL });
  zip.end();
  await done;
}

/** A part as it is (a picture stays a picture). */
async function partBytes(parts: ZipParts, name: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  await parts.stream(name, (c) => chunks.push(c));
  return Buffer.concat(chunks);
}

/** Save to a file. */
export function saveBulk(stub: Uint8Array, bulk: readonly BulkTable[], file: string) {
  return spliceBulkRows(stub, bulk, createWriteStream(file));
}

/** Save to bytes. */
export async function bulkBuffer(stub: Uint8Array, bulk: readonly BulkTable[]): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      chunks.push(chunk);
      cb();
    },
  });
  await spliceBulkRows(stub, bulk, sink);
  return Buffer.concat(chunks);
}

/** The table part of a sheet (exceljs writes one table per bulk sheet), from the sheet's relationships. */
async function tablePart(parts: ZipParts, sheetId: number): Promise<string> {
  const rels = (await parts.text(`xl/worksheets/_rels/sheet${sheetId}.xml.rels`)) ?? "";
  const type = TABLE_REL.replace(/[.]/g, "\\.");
  const m = new RegExp(`<Relationship [^>]*Type="${type}"[^>]*/>`).exec(rels);
  const target = m && /Target="\.\.\/(tables\/[^"]+)"/.exec(m[0]);
  if (!target) throw new Error(`sheet${sheetId}: no table part`);
  return `xl/${target[1]}`;
}

/** The last cell of a bulk table: its last column, its last row (at least one, as Excel shows one). */
function lastCell(t: TablePlan): string {
  return `${columnLetter(t.headers.length - 1)}${t.headerRow + Math.max(t.rows.length, 1)}`;
}

/** The table's range and its autofilter's, over all its rows. */
function tableWithRows(xml: string, t: TablePlan): string {
  const ref = `A${t.headerRow}:${lastCell(t)}`;
  return replaceOnce(
    replaceOnce(xml, /(<table\b[^>]*?\bref=")[^"]*(")/, `$1${ref}$2`),
    /(<autoFilter\b[^>]*?\bref=")[^"]*(")/,
    `$1${ref}$2`
  );
}

/** The rows a bulk table writes: one empty row where it has none (Excel shows a table with one). */
const writtenRows = (t: TablePlan): readonly (readonly WriteValue[])[] =>
  t.rows.length ? t.rows : [t.headers.map(() => null)];

/** The sheet's XML with the probe rows replaced by the table's rows, and its dimension. */
function sheetWithRows(xml: string, t: TablePlan, textIds: Int32Array): Buffer {
  const first = t.headerRow + 1;
  // The date probe always has cells; the first probe has none where no column has a style.
  const probe = rowElement(xml, first);
  const dateProbe = rowElement(xml, first + 1);
  if (!dateProbe) throw new Error(`no probe row ${first + 1}`);
  const styles: ColumnStyles = {
    plain: t.headers.map((_, j) => styleOf(probe?.xml ?? "", `${columnLetter(j)}${first}`)),
    date: t.headers.map((_, j) => styleOf(dateProbe.xml, `${columnLetter(j)}${first + 1}`)),
  };
  // Rows below the probes only hold cells exceljs made for notes: the notes part has them already.
  const end = xml.indexOf("</sheetData>");
  if (end < 0) throw new Error("no </sheetData>");
  const rows = writtenRows(t);
  const dimension = `A1:${columnLetter(Math.max(t.headers.length - 1, 0))}${t.headerRow + rows.length}`;
  const head = replaceOnce(
    xml.slice(0, (probe ?? dateProbe).start),
    /(<dimension\b[^>]*?\bref=")[^"]*(")/,
    `$1${dimension}$2`
  );
  return Buffer.concat([
    Buffer.from(head, "utf8"),
    ...rowsXml(rows, t.headers.length, first, styles, textIds),
    Buffer.from(xml.slice(end), "utf8"),
  ]);
}

/** A `<row>` element (exceljs writes them open and closed) by its number, and where it starts. */
function rowElement(xml: string, r: number): { start: number; xml: string } | null {
  const m = new RegExp(`<row r="${r}"[ >]`).exec(xml);
  if (!m) return null;
  const end = xml.indexOf("</row>", m.index);
  if (end < 0) throw new Error(`row ${r} not closed`);
  return { start: m.index, xml: xml.slice(m.index, end) };
}

/** The style id of a cell in a row's XML (0 when it has none or is not there). */
function styleOf(rowXml: string, ref: string): number {
  const m = new RegExp(`<c r="${ref}"(?: [^>]*?)? s="(\\d+)"`).exec(rowXml);
  return m ? Number(m[1]) : 0;
}

function replaceOnce(text: string, re: RegExp, by: string): string {
  if (!re.test(text)) throw new Error(`not found: ${re}`);
  return text.replace(re, by);
}
