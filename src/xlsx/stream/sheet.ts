/**
 * One worksheet part read as a stream of XML events (saxes, as exceljs reads it) into rows of cell values,
 * without exceljs' Row and Cell objects. Each cell's value follows exceljs 4.4 (patched) exactly: its
 * CellXform parse and reconcile (shared strings, dates by number format, formulas and their stored
 * results, shared formulas, hyperlinks) and the worksheet's merges, so that the snapshot equals the full
 * read's. Rows and cells without their optional address are placed as the full read places them
 * (numbered.ts). Forms exceljs itself cannot place (overlapping merges) are not guessed at: `Unread` sends
 * the caller back to the full read.
 *
 * Kept as one file (about 410 lines): one state machine mirroring exceljs' worksheet xform (cells, rows,
 * merges, shared formulas); its parts read and write the same state.
 */
import colCache from "exceljs/lib/utils/col-cache";
import { slideFormula } from "exceljs/lib/utils/shared-formula";
import utils from "exceljs/lib/utils/utils";
import RichTextXform from "exceljs/lib/xlsx/xform/strings/rich-text-xform";
import { SaxesParser, type SaxesTagPlain } from "saxes";
import { columnLetter, isBlank } from "../../core/cells";
import type { CellGrid } from "../grid";

/** A form the streaming read does not take on: the full read decides (and names the problem). */
export class Unread extends Error {}

/** What a cell's value needs from the workbook: strings, styles, the date system. */
export interface CellContext {
  sharedString(index: number): unknown;
  /** Whether cells of this style show dates (its number format), as exceljs decides. */
  isDateStyle(styleId: number): boolean;
  /** The scale this style's number format shows beside a number (parse.ts scaleInFormat), or null. */
  formatUnit?(styleId: number): string | null;
  date1904: boolean;
}

/** A formula cell until its shared text is known. */
class Formula {
  constructor(
    readonly address: string,
    public formula: string | undefined,
    public result: unknown,
    /** The master cell's address, for a cell that shares the formula of another. */
    public master?: string
  ) {}
}

/** A cell present in the file without a value, with a style (exceljs: a Null cell). */
const EMPTY: unique symbol = Symbol("empty");
/**
 * An empty `<c/>` without a style: exceljs reads it as part of a merge and creates no cell, but its
 * reconcile still gives it a hyperlink when one points at it.
 */
const BARE: unique symbol = Symbol("bare");
const isValue = (v: Stored) => v !== undefined && v !== EMPTY && v !== BARE;

type Stored = unknown;

export interface SheetParts {
  /** Relationship ids of the table parts, in order. */
  tableRIds: string[];
  hyperlinks: { address: string; rId?: string; target?: string }[];
  merges: string[];
  /** The hidden columns (`<col hidden="1">`), 0-based inclusive ranges in the file's order. */
  hiddenColumns: { first: number; last: number }[];
}

export class SheetCells implements CellGrid {
  /** rows[r][c]: 1-based; undefined where the file has no cell. */
  readonly rows: Stored[][] = [];
  readonly parts: SheetParts = { tableRIds: [], hyperlinks: [], merges: [], hiddenColumns: [] };
  /** The first number whose number format shows a scale (SheetSnapshot.formatUnit). */
  formatUnit: { cell: string; unit: string } | undefined;

  value(row: number, col: number): unknown {
    const v = this.rows[row]?.[col];
    if (!isValue(v)) return null;
    if (v instanceof Formula) {
      const formula = v.formula ?? this.sharedText(v) ?? "";
      return v.result === undefined || v.result === null
        ? { formula }
        : { formula, result: v.result };
    }
    return v;
  }

  extent(): { top: number; left: number; bottom: number; right: number } | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = 0;
    let right = 0;
    this.rows.forEach((cells, r) => {
      cells.forEach((v, c) => {
        if (!isValue(v) || (!(v instanceof Formula) && isBlank(v))) return;
        if (r < top) top = r;
        if (r > bottom) bottom = r;
        if (c < left) left = c;
        if (c > right) right = c;
      });
    });
    return bottom === 0 ? null : { top, left, bottom, right };
  }

  /** The first two cells of each row that holds a value (the state sheet's key and value). */
  pairs(): [unknown, unknown][] {
    const out: [unknown, unknown][] = [];
    this.rows.forEach((cells) => {
      if (cells.some(isValue)) out.push([cell(cells[1]), cell(cells[2])]);
    });
    return out;
  }

  /** A shared formula's text at this cell: the master's, moved as Excel moves it (exceljs' slideFormula). */
  private sharedText(f: Formula): string | undefined {
    if (!f.master) return undefined;
    const { row, col } = colCache.decodeAddress(f.master);
    const master = this.rows[row]?.[col];
    if (!(master instanceof Formula) || master.formula === undefined) return undefined;
    return slideFormula(master.formula, master.address, f.address);
  }

  set(row: number, col: number, v: Stored) {
    (this.rows[row] ??= [])[col] = v;
  }

  /** exceljs' reconcile after the cells: hyperlinks, then notes' cells, then merges. */
  finish(hyperlinkTargets: Map<string, string>, noteRefs: readonly string[]) {
    for (const ref of noteRefs) {
      const { row, col } = colCache.decodeAddress(ref);
      const v = this.rows[row]?.[col];
      if (v === undefined || v === BARE) this.set(row, col, EMPTY);
    }
    for (const [address, hyperlink] of hyperlinkTargets) {
      const a = colCache.decodeAddress(address);
      if (a.address !== address) continue; // exceljs matches a cell's address as written
      const v = this.rows[a.row]?.[a.col];
      if (v === undefined) continue;
      const text = !isValue(v) ? undefined : v instanceof Formula ? v.result : v;
      this.set(a.row, a.col, { text, hyperlink });
    }
    this.merge();
  }

  private merge() {
    const done: { top: number; left: number; bottom: number; right: number }[] = [];
    for (const ref of this.parts.merges) {
      const d = colCache.decode(ref);
      if (!("top" in d)) continue;
      if (
        done.some(
          (m) => m.left <= d.right && d.left <= m.right && m.top <= d.bottom && d.top <= m.bottom
        )
      )
        throw new Unread(`overlapping merges ${ref}`);
      if ((d.bottom - d.top + 1) * (d.right - d.left + 1) > 1e6) throw new Unread(`merge ${ref}`);
      done.push(d);
      for (let r = d.top; r <= d.bottom; r++)
        for (let c = d.left; c <= d.right; c++)
          if ((r > d.top || c > d.left) && this.rows[r]?.[c] !== undefined) this.rows[r][c] = BARE;
    }
  }
}

const cell = (v: Stored) =>
  !isValue(v) ? null : v instanceof Formula ? { formula: v.formula, result: v.result } : v;

/**
 * The column (1-based) of a cell address such as "AB12" whose row is `row`; 0 when the address is of
 * another form or row (the full read decides about such a cell). The hot path: no string is built.
 */
export function columnOf(address: string, row: number): number {
  return columnAt(address, 0, address.length, row);
}

/** `columnOf` of the address written in `xml` from `from` to `to`: the scanner reads it so, unsliced. */
export function columnAt(xml: string, from: number, to: number, row: number): number {
  let col = 0;
  let i = from;
  for (; i < to; i++) {
    const ch = xml.charCodeAt(i);
    if (ch < 65 || ch > 90) break;
    col = col * 26 + ch - 64;
  }
  if (i === from || i === to) return 0;
  let r = 0;
  for (; i < to; i++) {
    const ch = xml.charCodeAt(i);
    if (ch < 48 || ch > 57) return 0;
    r = r * 10 + ch - 48;
  }
  return r === row && col <= 16384 ? col : 0;
}

/** The value of one `<c>` as exceljs' CellXform parses and reconciles it. */
export class CellState {
  address = "";
  t: string | undefined;
  styleId: number | undefined;
  formula: string | undefined;
  shareType: string | undefined;
  si: string | undefined;
  ref: string | undefined;
  value: unknown;
  sawValue = false;
  currentNode: string | undefined;
  rich: RichTextXform | undefined;

  /**
   * A new cell: its address, style (the number of its `s`) and type attribute. The row scanner gives the
   * address only to a cell with a formula, the one cell form whose value holds it.
   */
  openWith(address: string, styleId: number | undefined, t: string | undefined) {
    this.address = address;
    this.t = t;
    this.styleId = styleId;
    this.formula = this.shareType = this.si = this.ref = this.currentNode = undefined;
    this.value = undefined;
    this.sawValue = false;
    this.rich = undefined;
  }
}

/** Where the cells of a worksheet go, whichever parser reads them: the row, the cell being read. */
export class CellSink {
  readonly sheet = new SheetCells();
  /** Shared formulas: si → master address (exceljs' options.formulae). */
  private readonly formulae = new Map<string, string>();
  /** The inline strings of the sheet, each once (ownText). */
  private readonly texts = new Map<string, string>();
  readonly c = new CellState();
  row = 0;
  /** The column of the cell read last in this row (0 before its first). */
  col = 0;

  constructor(readonly ctx: CellContext) {}

  /**
   * Inline strings (openpyxl's, pandas') made one string per text of the sheet, each its own copy. A text
   * sliced from the part's XML keeps the whole piece it came from alive: a 100,000-row sheet kept most of
   * its 65 MB of XML through its cells, and held each repeated text (a status, a cluster, a title on every
   * row) once per cell. V8 copies slices shorter than 13 characters itself.
   */
  ownText(s: string): string {
    if (s.length < 13) return s;
    const known = this.texts.get(s);
    if (known !== undefined) return known;
    // A concatenation is flattened into a new string of its own when sliced: the copy, not the piece.
    const own = (" " + s).slice(1);
    this.texts.set(own, own);
    return own;
  }

  /**
   * A new row. Its `r` is optional (ECMA-376 Part 1, 18.3.1.73): a row without one follows the row before
   * it, as the full read numbers it (numbered.ts) and Excel reads it.
   */
  openRow(r: number | undefined) {
    this.row = r === undefined ? this.row + 1 : r;
    this.col = 0;
  }

  /** A cell's address: its `r`, else the one after the cell before it in the row (18.3.1.4; numbered.ts). */
  address(r: string | undefined): string {
    return r || `${columnLetter(this.col)}${this.row}`;
  }

  closeCell() {
    this.closeCellAt(columnOf(this.c.address, this.row));
  }

  /** The cell read, in column `col` of the row (0: its address is of another form or row). */
  closeCellAt(col: number) {
    if (col === 0) throw new Unread(`cell ${this.c.address} outside row ${this.row}`);
    const v = cellValue(this.c, this.ctx, this.formulae);
    this.col = col;
    this.sheet.set(this.row, col, v);
    const style = this.c.styleId;
    if (typeof v === "number" && style !== undefined && !this.sheet.formatUnit) {
      const unit = this.ctx.formatUnit?.(style);
      if (unit) this.sheet.formatUnit = { cell: `${columnLetter(col - 1)}${this.row}`, unit };
    }
  }
}

/**
 * The value of one inline string with rich text runs (`<is><r>..</r></is>`, given whole), as exceljs reads
 * it: rare enough in any writer's files to be read by saxes and exceljs' RichTextXform, this cell alone.
 */
export function inlineRichText(ctx: CellContext, is: string): unknown {
  const p = sheetParser(ctx);
  p.write(
    `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr">${is}</c></row></sheetData></worksheet>`
  );
  return p.end().value(1, 1);
}

/** Parse a worksheet's XML with saxes, fed in chunks; `end()` returns the cells. */
// Kept whole (about 140 lines): the SAX handlers (open tag, text, close tag) share the parser's state
// and follow exceljs' worksheet xform in its order, so that each can be checked against it side by side.
export function sheetParser(
  ctx: CellContext,
  sink = new CellSink(ctx)
): {
  write(chunk: string): void;
  end(): SheetCells;
} {
  const { sheet, c } = sink;
  const parser = new SaxesParser();
  let inSheetData = false;
  let inCell = false;
  let error: unknown;
  parser.on("error", (e) => {
    error ??= e;
  });

  parser.on("opentag", (node: SaxesTagPlain) => {
    const a = node.attributes as Record<string, string>;
    if (inCell) {
      if (c.rich) {
        c.rich.parseOpen({ name: node.name, attributes: a });
        return;
      }
      switch (node.name) {
        case "f":
          c.currentNode = "f";
          c.si = a.si;
          c.shareType = a.t;
          c.ref = a.ref;
          return;
        case "v":
          c.currentNode = "v";
          c.sawValue = true;
          return;
        case "t":
          c.currentNode = "t";
          return;
        case "r":
          c.rich = new RichTextXform();
          c.rich.parseOpen({ name: node.name, attributes: a });
          return;
        default:
          return;
      }
    }
    if (inSheetData) {
      if (node.name === "row") sink.openRow(a.r ? parseInt(a.r, 10) : undefined);
      else if (node.name === "c") {
        inCell = true;
        c.openWith(sink.address(a.r), a.s ? parseInt(a.s, 10) : undefined, a.t);
      }
      return;
    }
    switch (node.name) {
      case "sheetData":
        inSheetData = !node.isSelfClosing;
        return;
      case "mergeCell":
        sheet.parts.merges.push(a.ref);
        return;
      case "col":
        // exceljs reads hidden="1" (and "true") as hidden; min and max are 1-based.
        if ((a.hidden === "1" || a.hidden === "true") && a.min && a.max)
          sheet.parts.hiddenColumns.push({
            first: parseInt(a.min, 10) - 1,
            last: parseInt(a.max, 10) - 1,
          });
        return;
      case "hyperlink":
        sheet.parts.hyperlinks.push({ address: a.ref, rId: a["r:id"], target: a.location });
        return;
      case "tablePart":
        sheet.parts.tableRIds.push(a["r:id"]);
        return;
    }
  });

  parser.on("text", (text: string) => {
    if (!inCell) return;
    if (c.rich) {
      c.rich.parseText(text);
      return;
    }
    switch (c.currentNode) {
      case "f":
        c.formula = c.formula ? c.formula + text : text;
        break;
      case "v":
      case "t": {
        const v = c.value as { richText?: { text?: string } } | string | undefined;
        if (v && typeof v === "object" && v.richText)
          v.richText.text = v.richText.text ? v.richText.text + text : text;
        else c.value = v ? v + text : text;
        break;
      }
    }
  });

  parser.on("closetag", (node: SaxesTagPlain) => {
    const name = node.name;
    if (inCell) {
      switch (name) {
        case "c":
          inCell = false;
          sink.closeCell();
          return;
        case "f":
        case "v":
        case "is":
          c.currentNode = undefined;
          return;
        case "t":
          if (c.rich) c.rich.parseClose(name);
          else c.currentNode = undefined;
          return;
        case "r": {
          const v = (c.value ??= {}) as { richText?: unknown[] };
          (v.richText ??= []).push(c.rich!.model);
          c.rich = undefined;
          c.currentNode = undefined;
          return;
        }
        default:
          if (c.rich) c.rich.parseClose(name);
          return;
      }
    }
    if (name === "sheetData") inSheetData = false;
  });

  return {
    write(chunk: string) {
      parser.write(chunk);
      if (error) throw error;
    },
    end() {
      parser.close();
      if (error) throw error;
      return sheet;
    },
  };
}

/**
 * An ISO 8601 cell value (t="d", strict OOXML and openpyxl's iso_dates) as the date it is, in UTC as exceljs
 * keeps dates; the text itself when it is no date (patches/exceljs+4.4.0+009 reads it the same way).
 */
function isoDate(text: string): Date | string {
  const m = /^(\d{4}-\d{2}-\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:\d{2})?$/.exec(text);
  if (!m) return text;
  const d = new Date(m[1] + (m[2] || "T00:00:00") + (m[5] || "Z"));
  return Number.isNaN(d.getTime()) ? text : d;
}

/**
 * The stored value of a cell: exceljs' CellXform.parseClose('c') and reconcile (hyperlinks and merges
 * come later, in `finish`).
 */
function cellValue(c: CellState, ctx: CellContext, formulae: Map<string, string>): Stored {
  const style = c.styleId ? c.styleId : undefined;
  if (c.formula || c.shareType) {
    let result: unknown;
    const raw = c.value;
    if (raw) {
      const s = raw as string;
      if (c.t === "str") result = utils.xmlDecode(s);
      else if (c.t === "b") result = parseInt(s, 10) !== 0;
      else if (c.t === "e") result = { error: s };
      else if (c.t === "d") result = isoDate(s);
      else result = parseFloat(s);
    } else if (c.sawValue && c.t === "str") result = "";
    if (typeof result === "number" && style !== undefined && ctx.isDateStyle(style))
      result = utils.excelToDate(result as number, ctx.date1904);
    const f = new Formula(c.address, c.formula, result);
    if (c.shareType === "shared") {
      if (c.ref) formulae.set(c.si!, c.address);
      else f.master = formulae.get(c.si!);
    }
    return f;
  }
  if (c.value === undefined) return style !== undefined ? EMPTY : BARE;
  const s = c.value as string;
  switch (c.t) {
    case "s": {
      const v = ctx.sharedString(parseInt(s, 10));
      if (v === undefined || v === null) throw new Unread(`shared string ${s}`);
      return v;
    }
    case "str":
      return utils.xmlDecode(s);
    case "inlineStr":
      return c.value;
    case "b":
      return parseInt(s, 10) !== 0;
    case "e":
      return { error: s };
    case "d":
      return isoDate(s);
    default: {
      const n = parseFloat(s);
      return style !== undefined && ctx.isDateStyle(style) ? utils.excelToDate(n, ctx.date1904) : n;
    }
  }
}
