/**
 * The cells of a workbook as they will be once a plan is applied, for computing the stored results of
 * the formulas the flows plan: a sparse model (sheet → column → row → value) built from a snapshot and
 * overlaid with the plan's tables and blocks, and what a cell holds as Excel sees it.
 */
import { columnIndex } from "../../core/cells";
import type { SheetPlan, WorkbookSnapshot, WritePlan } from "../port";

/** A value that cannot be told for sure: a formula without a stored result, a date (a number in Excel). */
export const UNKNOWN = Symbol("unknown");
export type Unknown = typeof UNKNOWN;
/** What a cell holds as Excel's functions see it: null for an empty cell. */
export type Known = string | number | boolean | null | { error: string };

export class SheetValues {
  private readonly sheets = new Map<string, Map<number, Map<number, unknown>>>();
  /** Sorted rows per column, computed once until the column changes. */
  private readonly sorted = new Map<Map<number, unknown>, number[]>();
  private readonly indexes = new Map<
    Map<number, unknown>,
    { first: Map<string, number>; firstUnknown: number }
  >();
  private readonly views = new Map<Map<number, unknown>, ColumnView>();

  /** The sheets named, as in the snapshot, then as the plan writes them. */
  static of(snapshot: WorkbookSnapshot | null, plan: WritePlan | null): SheetValues {
    const v = new SheetValues();
    for (const s of snapshot?.sheets ?? []) {
      const u = s.used;
      v.sheet(s.name, true);
      u?.values.forEach((row, i) =>
        row.forEach((cell, j) => v.set(s.name, u.firstRow + i, u.firstColumn + j, cell))
      );
    }
    for (const sp of plan?.sheets ?? []) v.apply(sp);
    return v;
  }

  /** Sheet names ignore case (as Excel's do); the lowered name is looked up once per name. */
  private readonly keys = new Map<string, string>();
  private key(name: string): string {
    let k = this.keys.get(name);
    if (k === undefined) this.keys.set(name, (k = name.toLocaleLowerCase()));
    return k;
  }

  private sheet(name: string, create = false): Map<number, Map<number, unknown>> | undefined {
    const key = this.key(name);
    let s = this.sheets.get(key);
    if (!s && create) this.sheets.set(key, (s = new Map()));
    return s;
  }

  has(sheet: string): boolean {
    return this.sheets.has(this.key(sheet));
  }

  /**
   * A column's cells, the planned table's rows put in on first use: the formulas read a dozen columns,
   * and copying every cell of 100,000 rows into maps cost 60 MB and half a second for nothing.
   */
  private column(sheet: string, col: number, create = false): Map<number, unknown> | undefined {
    const key = this.key(sheet);
    const s = this.sheets.get(key);
    if (!s) return undefined;
    let c = s.get(col);
    const t = this.tables.get(key);
    if (t && col < t.width && !t.done.has(col)) {
      t.done.add(col);
      if (!c) s.set(col, (c = new Map()));
      for (let i = 0; i < t.rows.length; i++) {
        const v = t.rows[i][col];
        if (v === null || v === undefined) c.delete(t.headerRow + 1 + i);
        else c.set(t.headerRow + 1 + i, v);
      }
    }
    if (!c && create) s.set(col, (c = new Map()));
    return c;
  }

  /** A planned table's rows, to be put in column by column (see column()). */
  private readonly tables = new Map<
    string,
    { headerRow: number; width: number; rows: readonly (readonly unknown[])[]; done: Set<number> }
  >();

  /** Put in the rest of a sheet's pending table: a later table on the same sheet goes over it. */
  private settle(key: string) {
    const t = this.tables.get(key);
    if (!t) return;
    for (let col = 0; col < t.width; col++) this.column(key, col);
    this.tables.delete(key);
  }

  set(sheet: string, row: number, col: number, value: unknown) {
    this.sheet(sheet, true);
    const c = this.column(sheet, col, true)!;
    this.sorted.delete(c);
    this.indexes.delete(c);
    this.views.delete(c);
    if (value === null || value === undefined) c.delete(row);
    else c.set(row, value);
  }

  get(sheet: string, row: number, col: number): unknown {
    return this.column(sheet, col)?.get(row) ?? null;
  }

  /** The rows of a column that hold something, top to bottom. */
  rows(sheet: string, col: number): readonly number[] {
    const c = this.column(sheet, col);
    if (!c) return [];
    let rows = this.sorted.get(c);
    if (!rows) {
      rows = [...c.keys()];
      // Mostly in order already (a table's rows are put in top to bottom): sorted only when they are not.
      if (!isAscending(rows)) rows.sort((a, b) => a - b);
      this.sorted.set(c, rows);
    }
    return rows;
  }

  /**
   * For MATCH(text, column, 0): the first row of each text (lowered: MATCH ignores case) and the first
   * row whose value cannot be told; computed once per column until it changes.
   */
  textIndex(sheet: string, col: number): { first: Map<string, number>; firstUnknown: number } {
    const c = this.column(sheet, col);
    if (!c) return { first: new Map(), firstUnknown: Infinity };
    let index = this.indexes.get(c);
    if (!index) {
      index = { first: new Map(), firstUnknown: Infinity };
      for (const row of this.rows(sheet, col)) {
        const v = known(c.get(row));
        if (v === UNKNOWN) index.firstUnknown = Math.min(index.firstUnknown, row);
        else if (typeof v === "string" && !index.first.has(v.toLowerCase()))
          index.first.set(v.toLowerCase(), row);
      }
      this.indexes.set(c, index);
    }
    return index;
  }

  /**
   * A column as SUMIFS and COUNTIFS see it, computed once until it changes: the Overzicht asks a hundred
   * of them over the same columns, and reading each cell through the maps each time cost seconds on
   * 100,000 rows.
   */
  view(sheet: string, col: number): ColumnView {
    const c = this.column(sheet, col);
    if (!c) return EMPTY_VIEW;
    let view = this.views.get(c);
    if (!view) {
      const rows = this.rows(sheet, col);
      const values = rows.map((r) => known(c.get(r)));
      const text: Criterable[] = [];
      const byRow: (Known | Unknown)[] = [];
      rows.forEach((r, k) => {
        const v = values[k];
        text[r] = v === UNKNOWN ? UNKNOWN : typeof v === "string" ? v.toLowerCase() : NOT_TEXT;
        byRow[r] = v;
      });
      this.views.set(c, (view = { rows, values, text, byRow }));
    }
    return view;
  }

  /** What a plan writes on a sheet ("replace" starts from an empty sheet). */
  apply(sp: SheetPlan) {
    const key = this.key(sp.name);
    if (sp.mode === "replace") {
      this.tables.delete(key);
      this.sheets.set(key, new Map());
    } else this.sheet(sp.name, true);
    const t = sp.table;
    if (t) {
      this.settle(key);
      t.headers.forEach((h, j) => this.set(sp.name, t.headerRow, j, h));
      const width = t.headers.length;
      this.tables.set(key, { headerRow: t.headerRow, width, rows: t.rows, done: new Set() });
    }
    for (const b of sp.blocks ?? [])
      b.values.forEach((r, i) =>
        r.forEach((v, j) => this.set(sp.name, b.row + i, b.column + j, v))
      );
  }
}

function isAscending(rows: readonly number[]): boolean {
  for (let i = 1; i < rows.length; i++) if (rows[i - 1] > rows[i]) return false;
  return true;
}

/** A cell that holds something other than text (a number, a boolean, an error). */
export const NOT_TEXT = Symbol("not text");
/** A cell as a text criterion sees it: lowered text, not text, unknown, or (undefined) empty. */
export type Criterable = string | typeof NOT_TEXT | Unknown | undefined;

/** A column's cells that hold something, top to bottom, as Excel sees them; and by row, for criteria. */
export interface ColumnView {
  readonly rows: readonly number[];
  /** known() of each cell of `rows`, in the same order. */
  readonly values: readonly (Known | Unknown)[];
  /** By row number (sparse): the cell as a text criterion sees it. */
  readonly text: readonly Criterable[];
  /** By row number (sparse): `values`, for the rows that meet a criterion (results.ts). */
  readonly byRow: readonly (Known | Unknown | undefined)[];
}
const EMPTY_VIEW: ColumnView = { rows: [], values: [], text: [], byRow: [] };

/** What a written or read cell holds as Excel's functions see it. */
export function known(v: unknown): Known | Unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (v instanceof Date) return UNKNOWN;
  if (typeof v !== "object") return UNKNOWN;
  if ("formula" in v || "sharedFormula" in v) {
    const r = (v as { result?: unknown }).result;
    return r === undefined || r === null ? UNKNOWN : known(r);
  }
  if ("error" in v) return { error: String((v as { error: unknown }).error) };
  if ("richText" in v)
    return (v as { richText: { text?: string }[] }).richText.map((t) => t.text ?? "").join("");
  if ("text" in v) return known((v as { text: unknown }).text);
  return UNKNOWN;
}

/** A whole-column reference of our formulas, `Financiering!$B:$B`, as sheet and 0-based column. */
export function columnRef(ref: string): { sheet: string; col: number } {
  const m = /^(?:'((?:[^']|'')+)'|([^!]+))!\$?([A-Z]+):\$?\3$/.exec(ref);
  if (!m) throw new Error(`not a whole-column reference: ${ref}`);
  return { sheet: (m[1] ?? m[2]).replace(/''/g, "'"), col: columnIndex(m[3]) };
}
