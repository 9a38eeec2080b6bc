/**
 * The read path of the commands that only read (validate, totals, export, merge's inputs): the workbook's
 * snapshot straight from the package, each worksheet part inflated (zip.ts) and parsed as a stream of XML
 * events into rows of values, without exceljs' object model (a Row and a Cell object per cell, styles per
 * cell, kept for writing). Shared strings, styles, the workbook, relationships, tables and notes are small
 * parts, parsed once with exceljs' own parsers.
 *
 * The snapshot is the same as XlsxPort.read() gives for the same file, cell for cell (tested on the demo,
 * random workbooks and other writers' files). The package goes through the same checks and renaming plan
 * as the full read (package.ts), its parts read through the plan rather than from a rebuilt package. Anything this path does not take on, and any error past those checks, is handed to the
 * full read, which reads it or names what is wrong in the same words as always.
 */
import utils from "exceljs/lib/utils/utils";
import CommentsXform from "exceljs/lib/xlsx/xform/comment/comments-xform";
import RelationshipsXform from "exceljs/lib/xlsx/xform/core/relationships-xform";
import WorkbookXform from "exceljs/lib/xlsx/xform/book/workbook-xform";
import SharedStringsXform from "exceljs/lib/xlsx/xform/strings/shared-strings-xform";
import StylesXform from "exceljs/lib/xlsx/xform/style/styles-xform";
import TableXform from "exceljs/lib/xlsx/xform/table/table-xform";
import { scaleInFormat } from "../../core/parse";
import { STATE_SHEET } from "../../core/state-sheet";
import type { CellNote, SheetSnapshot, WorkbookSnapshot } from "../../workbook/port";
import { WorkbookReadError } from "../errors";
import { parseState } from "../../workbook/state";
import { gridTables, gridUsed, type TableDef } from "../grid";
import { checkBytes } from "../bytes";
import { fileBytes } from "../file";
import { packagePlan, PackageError, partsPlan, type PackagePlan } from "../package";
import { noteText } from "../grid";
import { Rescan, sheetScanner } from "./rows";
import { sheetParser, type CellContext, type SheetCells } from "./sheet";
import { stringsScanner } from "./strings";
import { ZipParts } from "./zip";
import { xlsxHost } from "../host";

interface Rel {
  Id: string;
  Type: string;
  Target: string;
}
interface SheetDef {
  name: string;
  id: number;
  state?: string;
  rId: string;
}

const COMMENTS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments";

export interface ReadOptions {
  sheets?: readonly string[];
}

/** Read a file's snapshot, with the same one-line errors as opening it for the full read. */
export async function readWorkbookFile(
  file: string,
  options?: ReadOptions
): Promise<WorkbookSnapshot> {
  return readSnapshot(file, await fileBytes(file), options);
}

/** A workbook's snapshot from its bytes: the streaming read, else the full read (see above). */
export async function readSnapshot(
  file: string,
  bytes: Buffer,
  options?: ReadOptions
): Promise<WorkbookSnapshot> {
  checkBytes(file, bytes);
  // The package planned on the zip the streaming read opens (JSZip opening it as well and inflating the
  // relationships in JavaScript was a tenth of reading an entity's workbook). A package that this zip
  // reader or the plan refuses takes the way below, whose errors name what is wrong.
  const zip = await ZipParts.open(bytes).catch(() => null);
  const plan = zip && (await partsPlan(zip.storedParts()).catch(() => undefined));
  if (zip && plan !== undefined) return streamElseFull(file, bytes, options, zip.withPlan(plan));
  return planElseError(file, bytes, options, zip);
}

/** JSZip's plan (its errors name the problem), read through the zip opened above: yauzl's or none. */
async function planElseError(
  file: string,
  bytes: Buffer,
  options: ReadOptions | undefined,
  zip: ZipParts | null
): Promise<WorkbookSnapshot> {
  let plan: PackagePlan | null;
  try {
    plan = await packagePlan(bytes);
  } catch (e) {
    if (e instanceof PackageError) throw new WorkbookReadError(file, e.kind, e.detail);
    throw e;
  }
  return streamElseFull(file, bytes, options, zip?.withPlan(plan) ?? null);
}

async function streamElseFull(
  file: string,
  bytes: Buffer,
  options: ReadOptions | undefined,
  zip: ZipParts | null
): Promise<WorkbookSnapshot> {
  try {
    if (zip) return await partsSnapshot(zip, options);
  } catch {
    // Read in full below.
  }
  // exceljs' object model is loaded only here: the commands that read do not need it otherwise.
  const { loadXlsx } = xlsxHost();
  return (await loadXlsx(file, bytes)).read(options);
}

/**
 * The parts besides the worksheets, each parsed with exceljs' own parser as it is inflated: exceljs gathers
 * the events of each piece it is given before it parses them, so a large part (the shared strings of a
 * 100,000-row workbook: 10 MB of XML) is given in pieces, never whole.
 */
class Parts {
  constructor(readonly zip: ZipParts) {}

  async parse<T>(
    xform: { parseStream(s: AsyncIterable<string>): Promise<unknown> },
    name: string
  ): Promise<T | undefined> {
    if (!this.zip.has(name)) return undefined;
    return (await xform.parseStream(this.zip.pieces(name))) as T;
  }
}

/** Parse one worksheet part as it is inflated: its rows scanned (rows.ts), else all of it with saxes. */
async function parseSheet(zip: ZipParts, part: string, ctx: CellContext): Promise<SheetCells> {
  const stream = async (p: { write(s: string): void; end(): SheetCells }) => {
    for await (const piece of zip.pieces(part)) p.write(piece);
    return p.end();
  };
  try {
    return await stream(sheetScanner(ctx));
  } catch (e) {
    if (!(e instanceof Rescan)) throw e;
    return stream(sheetParser(ctx));
  }
}

const WORKSHEET = /xl\/worksheets\/sheet(\d+)[.]xml/;

/** The worksheets exceljs would hold, in the workbook's order (chart sheets and missing parts left out). */
async function worksheets(parts: Parts) {
  const workbook = await parts.parse<{ sheets?: SheetDef[]; properties?: { date1904?: boolean } }>(
    new WorkbookXform(),
    "xl/workbook.xml"
  );
  if (!workbook) throw new Error("no workbook part");
  const rels =
    (await parts.parse<Rel[]>(new RelationshipsXform(), "xl/_rels/workbook.xml.rels")) ?? [];
  const sheets: { def: SheetDef; part: string; sheetNo: string }[] = [];
  for (const def of workbook.sheets ?? []) {
    const rel = rels.find((r) => r.Id === def.rId);
    if (!rel) continue;
    const part = `xl/${rel.Target.replace(/^(\s|\/xl\/)+/, "")}`;
    const m = WORKSHEET.exec(part);
    if (m && parts.zip.has(part)) sheets.push({ def, part, sheetNo: m[1] });
  }
  // exceljs reads a package without worksheets as no workbook: the full read says so.
  if (sheets.length === 0) throw new Error("no worksheets");
  return { sheets, date1904: !!workbook.properties?.date1904 };
}

/**
 * The snapshot of a package in exceljs' layout (`normalisePackage`), or of any package with its plan
 * (`packagePlan`): the parts are then read through the plan, the package not rebuilt.
 */
export async function streamSnapshot(
  bytes: Uint8Array,
  options?: ReadOptions,
  plan?: PackagePlan | null
): Promise<WorkbookSnapshot> {
  return partsSnapshot(await ZipParts.open(bytes, plan), options);
}

async function partsSnapshot(zip: ZipParts, options?: ReadOptions): Promise<WorkbookSnapshot> {
  const parts = new Parts(zip);
  const { sheets, date1904 } = await worksheets(parts);
  const ctx = await cellContext(parts, date1904);
  const out: SheetSnapshot[] = [];
  let stampCells: [unknown, unknown][] = [];
  let index = 0;
  for (const s of sheets) {
    const isStamp = s.def.name === STATE_SHEET;
    const i = isStamp ? -1 : index++;
    if (!isStamp && options?.sheets && !options.sheets.includes(s.def.name)) continue;
    const cells = await parseSheet(parts.zip, s.part, ctx);
    const relList =
      (await parts.parse<Rel[]>(
        new RelationshipsXform(),
        `xl/worksheets/_rels/sheet${s.sheetNo}.xml.rels`
      )) ?? [];
    const notes = await readNotes(parts, relList);
    cells.finish(hyperlinkTargets(cells, relList), notes.refs);
    if (isStamp) {
      stampCells = cells.pairs();
      continue;
    }
    out.push({
      name: s.def.name,
      index: i,
      visible: s.def.state === "visible" || s.def.state === undefined,
      tables: gridTables(s.def.name, cells, await tableDefs(parts, cells, relList)),
      used: gridUsed(cells),
      notes: notes.list,
      ...(cells.parts.merges.length ? { merges: [...cells.parts.merges].sort() } : {}),
      ...(cells.parts.hiddenColumns.length
        ? { hiddenColumns: [...cells.parts.hiddenColumns].sort((a, b) => a.first - b.first) }
        : {}),
      ...(cells.formatUnit ? { formatUnit: cells.formatUnit } : {}),
    });
  }
  return { sheets: out, stamp: parseState(stampCells).stamp };
}

/** The shared strings: scanned (strings.ts), else parsed by exceljs; undefined without the part. */
async function sharedStrings(parts: Parts): Promise<readonly unknown[] | undefined> {
  const name = "xl/sharedStrings.xml";
  if (!parts.zip.has(name)) return undefined;
  try {
    const scanner = stringsScanner();
    await parts.zip.stream(name, (bytes) => scanner.write(bytes));
    return scanner.end();
  } catch (e) {
    if (!(e instanceof Rescan)) throw e;
    return (await parts.parse<{ values: unknown[] }>(new SharedStringsXform(), name))!.values;
  }
}

async function cellContext(parts: Parts, date1904: boolean): Promise<CellContext> {
  const strings = await sharedStrings(parts);
  const styles = new StylesXform();
  const hasStyles = (await parts.parse(styles, "xl/styles.xml")) !== undefined;
  const dateStyles = new Map<number, boolean>();
  const units = new Map<number, string | null>();
  return {
    date1904,
    // Without a shared strings part exceljs keeps the index itself as the cell's value.
    sharedString: (i) => (strings ? strings[i] : i),
    isDateStyle(id) {
      let d = dateStyles.get(id);
      if (d === undefined) {
        const style = hasStyles ? styles.getStyleModel(id) : null;
        d = !!style && utils.isDateFmt(style.numFmt);
        dateStyles.set(id, d);
      }
      return d;
    },
    formatUnit(id) {
      let u = units.get(id);
      if (u === undefined) {
        const numFmt = hasStyles ? styles.getStyleModel(id)?.numFmt : undefined;
        u = typeof numFmt === "string" ? scaleInFormat(numFmt) : null;
        units.set(id, u);
      }
      return u;
    },
  };
}

/** exceljs' map of hyperlinks: an external target (with its bookmark), or "#" and a place in the workbook. */
function hyperlinkTargets(cells: SheetCells, rels: readonly Rel[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const h of cells.parts.hyperlinks) {
    const rel = h.rId ? rels.find((r) => r.Id === h.rId) : undefined;
    if (rel) out.set(h.address, h.target ? `${rel.Target}#${h.target}` : rel.Target);
    else if (h.target) out.set(h.address, `#${h.target}`);
  }
  return out;
}

/** The sheet's table parts, as exceljs keys them (`../tables/tableN.xml`), in the sheet's order. */
async function tableDefs(parts: Parts, cells: SheetCells, rels: readonly Rel[]) {
  const byName = new Map<string, TableDef>();
  for (const rId of cells.parts.tableRIds) {
    const rel = rels.find((r) => r.Id === rId);
    const m = rel && /^\.\.\/tables\/(table\d+)\.xml$/.exec(rel.Target);
    const def = m && (await parts.parse<TableDef>(new TableXform(), `xl/tables/${m[1]}.xml`));
    if (!def) throw new Error(`table part ${rel?.Target}`);
    byName.set(def.name, def);
  }
  return [...byName.values()];
}

/** The notes of a sheet, ordered by row and column, as the full read lists them. */
async function readNotes(
  parts: Parts,
  rels: readonly Rel[]
): Promise<{ list: CellNote[]; refs: string[] }> {
  const byRef = new Map<string, { row: number; col: number; note: CellNote }>();
  for (const rel of rels) {
    if (rel.Type !== COMMENTS) continue;
    const m = /^\.\.\/(comments\d+)\.xml$/.exec(rel.Target);
    const model =
      m &&
      (await parts.parse<{ comments?: { ref: string; note: unknown }[] }>(
        new CommentsXform(),
        `xl/${m[1]}.xml`
      ));
    if (!model) throw new Error(`notes part ${rel.Target}`);
    for (const c of model?.comments ?? []) {
      if (!c.ref) continue;
      const a = /^\$?([A-Z]+)\$?(\d+)$/.exec(c.ref);
      if (!a) throw new Error(`note at ${c.ref}`);
      const col = [...a[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
      const cell = `${a[1]}${a[2]}`;
      byRef.set(c.ref, {
        row: Number(a[2]),
        col,
        note: { cell, text: noteText(c.note as Parameters<typeof noteText>[0]) },
      });
    }
  }
  const sorted = [...byRef.values()].sort((x, y) => x.row - y.row || x.col - y.col);
  return { list: sorted.map((n) => n.note), refs: [...byRef.keys()] };
}
