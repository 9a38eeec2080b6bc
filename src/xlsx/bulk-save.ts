/**
 * Saving a workbook whose big tables were written in bulk (sheet-write.ts): exceljs writes the package
 * with two probe rows in each such table; the package is then copied part by part (yauzl in, yazl out)
 * with each bulk sheet's probe rows replaced by the plan's rows (bulk-rows.ts) and its table's range,
 * and the sheet's dimension, set to the real rows. Every other part is exceljs' own, byte for byte.
 *
 * The bulk parts (the shared strings, the bulk sheets) are deflated in pieces on Node's thread pool while
 * this thread makes the next piece (deflate-pieces.ts), and go into the zip in exceljs' order once their
 * last piece is deflated; yazl deflates the small parts itself. The shared strings come first: the bulk
 * rows' texts are numbered before any row is written, so that the shared strings (11.5 MB of XML in the
 * merge of 50 workbooks) are deflated while the rows are made, not after them.
 */
import { Writable } from "node:stream";
import { createWriteStream } from "node:fs";
import yazl from "yazl";
import { columnLetter } from "../core/cells";
import type { BlockPlan, TablePlan, WriteValue } from "../workbook/port";
import { CHUNK as PIECE, numberTexts, rowChunks, type ColumnStyles } from "./bulk-rows";
import { DeflateQueue, DeflatingPart } from "./deflate-pieces";
import { SharedStrings } from "./shared-strings";
import { ZipParts } from "./stream/zip";

/** A table whose rows are written at save: the sheet's id (its part's number) and the plan. */
export interface BulkTable {
  sheetId: number;
  table: TablePlan;
}

/**
 * A block of plain values (merge's Bewaard: 240,000 kept values for the 50 bench workbooks) whose rows are
 * written at save: exceljs wrote two probe rows at its top (the first as a value, the second as a date) for
 * the style ids; the block owns its rows (bulk-port.ts decides which blocks may).
 */
export interface BulkBlock {
  sheetId: number;
  block: BlockPlan;
}

// patches/yazl+3.3.1+004+deflated-buffers.patch: `addBuffer` given a part already deflated, with the
// part's own crc32 and size.
declare module "yazl" {
  interface Options {
    deflated?: { crc32: number; size: number };
  }
}

const SST = "xl/sharedStrings.xml";

/**
 * zlib's level for the big parts. Measured on the merge of 50 workbooks (the shared strings: 11.5 MB of
 * XML): level 2 deflates them in 186 ms to 4.02 MB, level 3 in 244 ms to 3.92 MB, the default 6 in 447
 * ms to 3.57 MB. The merged file is 9.3 MB at level 2 (9.0 at 3, 8.0 at 6). The deflating runs on the
 * other core while this thread writes the rows.
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
  out: Writable,
  blocks: readonly BulkBlock[] = []
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
  const blocksBySheet = new Map<string, BulkBlock[]>();
  for (const b of blocks) {
    const name = `xl/worksheets/sheet${b.sheetId}.xml`;
    if (bySheet.has(name)) throw new Error(`sheet${b.sheetId}: a bulk block beside a bulk table`);
    blocksBySheet.set(name, [...(blocksBySheet.get(name) ?? []), b]);
  }
  const blockTextIds = new Map<BulkBlock, Int32Array>();
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
    for (const b of blocksBySheet.get(name) ?? [])
      blockTextIds.set(b, numberTexts(b.block.values, blockWidth(b.block), strings));
  }
  // Every part in exceljs' order, but the shared strings before the first bulk sheet. The big parts are
  // deflated in pieces while this thread makes the next ones (deflate-pieces.ts); each part goes into the
  // zip in its turn, a big one once its last piece is deflated.
  const queue = new DeflateQueue(BULK_LEVEL);
  let inOrder = Promise.resolve();
  const addInTurn = (part: () => Promise<void>) => {
    inOrder = inOrder.then(part);
    inOrder.catch(() => undefined);
  };
  const addBig = async (name: string, chunks: Iterable<Uint8Array>, held = false) => {
    const part = new DeflatingPart(queue);
    for (const chunk of chunks) await part.write(chunk, held);
    const deflated = part.end();
    deflated.catch(() => undefined);
    addInTurn(async () => {
      const { bytes, crc32, size } = await deflated;
      zip.addBuffer(bytes, name, {
        mtime,
        compressionLevel: BULK_LEVEL,
        deflated: { crc32, size },
      });
    });
  };
  let sst: Buffer | null = strings.toBuffer();
  const addSharedStrings = async (bytes: Buffer) => {
    sst = null;
    // Pieces of a buffer held whole anyway: given to the thread pool at once.
    await addBig(SST, pieces(bytes), true);
  };
  try {
    for (const name of names) {
      if (name === SST) continue;
      const sheet = bySheet.get(name);
      const sheetBlocks = blocksBySheet.get(name);
      if ((sheet || sheetBlocks) && sst) await addSharedStrings(sst);
      const table = tables.get(name);
      if (sheet) {
        const xml = (await parts.text(name))!;
        await addBig(name, sheetWithRows(xml, sheet.table, textIds.get(name)!));
        continue;
      }
      if (sheetBlocks) {
        // Bewaard (39 MB of XML in the merge of 50 workbooks) is never whole in memory: its rows are
        // made a chunk at a time, each deflated before many more are made.
        const xml = (await parts.text(name))!;
        await addBig(name, sheetWithBlocks(xml, sheetBlocks, blockTextIds));
        continue;
      }
      const bytes = table
        ? Buffer.from(tableWithRows((await parts.text(name))!, table.table), "utf8")
        : await partBytes(parts, name);
      addInTurn(async () => zip.addBuffer(bytes, name, { mtime, compressionLevel: 6 }));
    }
    if (sst) await addSharedStrings(sst);
    await inOrder;
  } catch (e) {
    // Nothing more goes into the file: it is closed (the caller removes what was written).
    zip.outputStream.unpipe(out);
    out.destroy();
    throw e;
  }
  zip.end();
  await done;
}

/** A buffer in pieces of the size the rows' chunks have. */
function* pieces(bytes: Buffer): Iterable<Buffer> {
  for (let k = 0; k < bytes.length; k += PIECE) yield bytes.subarray(k, k + PIECE);
}

/** A part as it is (a picture stays a picture). */
async function partBytes(parts: ZipParts, name: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  await parts.stream(name, (c) => chunks.push(c));
  return Buffer.concat(chunks);
}

/** Save to a file. */
export function saveBulk(
  stub: Uint8Array,
  bulk: readonly BulkTable[],
  file: string,
  blocks: readonly BulkBlock[] = []
) {
  return spliceBulkRows(stub, bulk, createWriteStream(file), blocks);
}

/** Save to bytes. */
export async function bulkBuffer(
  stub: Uint8Array,
  bulk: readonly BulkTable[],
  blocks: readonly BulkBlock[] = []
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      chunks.push(chunk);
      cb();
    },
  });
  await spliceBulkRows(stub, bulk, sink, blocks);
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

/** The sheet's XML with the probe rows replaced by the table's rows, and its dimension, in chunks. */
function* sheetWithRows(xml: string, t: TablePlan, textIds: Int32Array): Iterable<Buffer> {
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
  yield Buffer.from(head, "utf8");
  yield* rowChunks(rows, t.headers.length, first, styles, textIds);
  yield Buffer.from(xml.slice(end), "utf8");
}

/** The number of columns of a block: its widest row. */
export function blockWidth(b: BlockPlan): number {
  let w = 0;
  for (const r of b.values) if (r.length > w) w = r.length;
  return w;
}

/** A cell element of exceljs' XML: its column, its row, and what it holds (none when self-closed). */
const CELL = /<c r="([A-Z]+)(\d+)"[^>]*?(?:\/>|>([\s\S]*?)<\/c>)/g;

/**
 * The sheet's XML with each bulk block's rows in place of what exceljs wrote there (the probe rows, and
 * the empty cells it makes for notes: the notes part has them), and its dimension over the blocks. A cell
 * with a value in a block's rows other than a probe would be lost: that is an error, never silent, thrown
 * here, before any chunk is made. The rows' chunks are made one by one as the save deflates them
 * (rowChunks, deflate-pieces.ts).
 */
function sheetWithBlocks(
  xml: string,
  list: readonly BulkBlock[],
  textIds: ReadonlyMap<BulkBlock, Int32Array>
): Iterable<Buffer> {
  const blocks = [...list].sort((a, b) => a.block.row - b.block.row);
  let lastRow = 0;
  let lastColumn = 0;
  for (const { block: b } of blocks) {
    if (b.row <= lastRow) throw new Error(`bulk blocks overlap at row ${b.row}`);
    lastRow = b.row + b.values.length - 1;
    lastColumn = Math.max(lastColumn, b.column + blockWidth(b) - 1);
  }
  const withDimension = widenDimension(xml, lastRow, lastColumn);
  const open = withDimension.indexOf("<sheetData>");
  const end = withDimension.indexOf("</sheetData>");
  if (open < 0 || end < 0) throw new Error("no <sheetData>");
  // The row elements exceljs wrote: their numbers and where each starts (it ends where the next starts).
  const rows: { r: number; start: number }[] = [];
  const re = /<row r="(\d+)"[ >]/g;
  re.lastIndex = open;
  for (let m = re.exec(withDimension); m && m.index < end; m = re.exec(withDimension))
    rows.push({ r: Number(m[1]), start: m.index });
  const startOf = (k: number) => (k < rows.length ? rows[k].start : end);
  // Per block: exceljs' XML before it, and how its rows are written.
  const pieces: {
    before: string;
    block: BlockPlan;
    width: number;
    styles: ColumnStyles;
    ids: Int32Array;
  }[] = [];
  let cursor = 0;
  let k = 0;
  for (const bb of blocks) {
    const b = bb.block;
    const last = b.row + b.values.length - 1;
    while (k < rows.length && rows[k].r < b.row) k++;
    const before = withDimension.slice(cursor, startOf(k));
    const from = k;
    while (k < rows.length && rows[k].r <= last) k++;
    checkOnlyProbes(withDimension.slice(startOf(from), startOf(k)), b);
    cursor = startOf(k);
    const width = blockWidth(b);
    const styles: ColumnStyles = { plain: [], date: [] };
    const probes = withDimension.slice(startOf(from), cursor);
    for (let j = 0; j < width; j++) {
      const letter = columnLetter(b.column + j);
      styles.plain.push(styleOf(probes, `${letter}${b.row}`));
      styles.date.push(styleOf(probes, `${letter}${b.row + 1}`));
    }
    pieces.push({ before, block: b, width, styles, ids: textIds.get(bb)! });
  }
  const after = withDimension.slice(cursor);
  return (function* () {
    for (const p of pieces) {
      yield Buffer.from(p.before, "utf8");
      yield* rowChunks(p.block.values, p.width, p.block.row, p.styles, p.ids, p.block.column);
    }
    yield Buffer.from(after, "utf8");
  })();
}

/** Every cell with a value in `xml` (a block's rows as exceljs wrote them) is a probe of the block. */
function checkOnlyProbes(xml: string, b: BlockPlan): void {
  for (const m of xml.matchAll(CELL)) {
    if (!m[3] || !/<(?:v|f|is)\b/.test(m[3])) continue;
    const row = Number(m[2]);
    const column = columnIndexOf(m[1]);
    const probe = row === b.row + 1 && column >= b.column && column < b.column + blockWidth(b);
    if (!probe) throw new Error(`bulk block at row ${b.row}: cell ${m[1]}${m[2]} written over`);
  }
}

function columnIndexOf(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n - 1;
}

/** The sheet's dimension reaching at least to `lastRow` and the 0-based `lastColumn`. */
function widenDimension(xml: string, lastRow: number, lastColumn: number): string {
  return replaceOnce(xml, /(<dimension\b[^>]*?\bref=")([^"]*)(")/, (_, a, ref, z) => {
    const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(ref);
    if (!m) throw new Error(`dimension ${ref}`);
    const toColumn = Math.max(columnIndexOf(m[3] ?? m[1]), lastColumn);
    const toRow = Math.max(Number(m[4] ?? m[2]), lastRow);
    return `${a}${m[1]}${m[2]}:${columnLetter(toColumn)}${toRow}${z}`;
  });
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

function replaceOnce(
  text: string,
  re: RegExp,
  by: string | ((match: string, ...groups: string[]) => string)
): string {
  if (!re.test(text)) throw new Error(`not found: ${re}`);
  return typeof by === "string" ? text.replace(re, by) : text.replace(re, by);
}
