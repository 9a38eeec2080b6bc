/**
 * The reading ledger: where every non-empty cell of a workbook went. Each cell of every sheet (visible or
 * hidden, inside or outside a table) ends in exactly one place: read into a record field (counted, with
 * the sum of its amounts: a clean row costs a counter, no object per cell), or left out with a reason a
 * person understands (one entry per cell, with its value and its amount when it holds one).
 *
 * It is filled from the reading's own decisions: the sources (which region of which sheet feeds which
 * template sheet, which columns each reads) and the row kinds the row classifier gave each table
 * (TableReport.leftOut). A cell no source covers is outside any table; a sheet no source reads is left
 * out whole with the reason findSources gave. Own sheets (Overzicht, Bewaard, ...) are counted only.
 */
import { columnLetter, isBlank, isUncomputedFormula, toScalar } from "../../core/cells";
import type { TableReport } from "../../core/read";
import type { LeftOutRow } from "../../core/region";
import { mapHeaders } from "../../core/template";
import type { SheetSnapshot, WorkbookSnapshot } from "../port";
import { OWN_SHEETS, sourceTable, type SkippedSheet, type Source } from "./sources";

/** Why a non-empty cell was not read into a record. */
export type LedgerReason =
  | "header"
  | "computed"
  | "above-header"
  | "outside-table"
  | "unknown-column"
  | LeftOutRow["reason"]
  | SkippedSheet["reason"];

export interface LeftOutCell {
  sheet: string;
  /** A1 address, e.g. "H12". */
  cell: string;
  reason: LedgerReason;
  value: unknown;
  /** The number the cell holds (a number, or a formula's numeric result); null otherwise. */
  amount: number | null;
}

export interface SheetLedger {
  sheet: string;
  /** Non-empty cells read into a record field, and the sum of the numbers among them. */
  read: number;
  readAmount: number;
  /** Non-empty cells of the add-in's own sheets (never read as data): counted only. */
  own: number;
  leftOut: LeftOutCell[];
}

/** The number a cell holds: a number, or a formula's stored or computed numeric result. */
export function amountOf(v: unknown): number | null {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (isUncomputedFormula(v)) return null;
  const s = toScalar(v);
  return typeof s === "number" && Number.isFinite(s) ? s : null;
}

/** The cells of a sheet as the reading saw them: its used range, else its tables. */
function gridOf(
  sheet: SheetSnapshot
): { firstRow: number; firstColumn: number; values: unknown[][] }[] {
  if (sheet.used) return [sheet.used];
  return sheet.tables.map((t) => ({
    firstRow: t.headerRow,
    firstColumn: t.firstColumn,
    values: [t.headers, ...t.rows],
  }));
}

/** What one source says about a cell of its sheet: read, a reason, or nothing (not its cell). */
class SourceView {
  private readonly first: number;
  private readonly last: number;
  private readonly left: number;
  private readonly right: number;
  private readonly reads: Set<number>;
  private readonly computed: Set<number>;
  private readonly rowReason = new Map<number, LedgerReason>();

  constructor(
    readonly s: Source,
    all: readonly Source[],
    report: TableReport | undefined
  ) {
    const r = s.region;
    const width = r.rows.reduce((w, x) => Math.max(w, x.length), r.headers.length);
    this.first = r.headerRow;
    this.last = r.headerRow + r.rows.length;
    this.left = r.firstColumn;
    this.right = r.firstColumn + width - 1;
    const ignore = new Set(sourceTable(s, all).ignore ?? []);
    const mapping = mapHeaders(s.spec, r.headers);
    const isComputed = new Set(
      s.spec.columns.filter((c) => c.kind === "computed").map((c) => c.key)
    );
    this.reads = new Set();
    this.computed = new Set();
    for (const [key, i] of mapping.indexOf)
      if (!ignore.has(i)) (isComputed.has(key) ? this.computed : this.reads).add(i);
    for (const x of report?.leftOut ?? []) this.rowReason.set(x.row, x.reason);
  }

  covers(row: number, column: number): boolean {
    return row >= this.first && row <= this.last && column >= this.left && column <= this.right;
  }

  /** "read", or why not, for a cell this source covers. */
  verdict(row: number, column: number): "read" | LedgerReason {
    if (row === this.first) return "header";
    const why = this.rowReason.get(row);
    if (why) return why;
    const j = column - this.left;
    // A computed column (Realisatiegraad) is the template's own formula: computed again, never read.
    return this.reads.has(j) ? "read" : this.computed.has(j) ? "computed" : "unknown-column";
  }

  /** The cell as read: a formula without a stored result carries the result computed for it. */
  value(row: number, column: number): unknown {
    return this.s.region.rows[row - this.first - 1]?.[column - this.left];
  }

  /** Whether this source reads the cell's column (its reason about the row then wins over another's). */
  maps(column: number): boolean {
    return this.reads.has(column - this.left) || this.computed.has(column - this.left);
  }

  above(row: number, column: number): boolean {
    return row < this.first && column >= this.left && column <= this.right;
  }
}

/**
 * The ledger of one workbook. `reports`: the reading's table reports, in the order of `sources` (one per
 * source, as readColumns gives them).
 */
export function ledgerOf(
  snapshot: WorkbookSnapshot,
  sources: readonly Source[],
  skipped: readonly SkippedSheet[],
  reports: readonly TableReport[]
): SheetLedger[] {
  const reportOf = (s: Source) =>
    reports.find(
      (t) =>
        t.sheet === s.sheet.name && t.target === s.spec.key && t.headerRow === s.region.headerRow
    );
  const skip = new Map(skipped.map((x) => [x.sheet, x.reason]));
  return snapshot.sheets.map((sheet) => {
    const l: SheetLedger = { sheet: sheet.name, read: 0, readAmount: 0, own: 0, leftOut: [] };
    const views = sources
      .filter((s) => s.sheet === sheet)
      .map((s) => new SourceView(s, sources, reportOf(s)));
    const whole: LedgerReason | "own" | null = OWN_SHEETS.has(sheet.name)
      ? "own"
      : (skip.get(sheet) ?? (views.length ? null : "not-template"));
    for (const g of gridOf(sheet))
      g.values.forEach((values, i) => {
        const row = g.firstRow + i;
        for (let j = 0; j < values.length; j++) {
          const v = values[j];
          if (isBlank(v)) continue;
          const column = g.firstColumn + j;
          if (whole === "own") {
            l.own++;
            continue;
          }
          const found = whole ? null : verdictOf(views, row, column);
          const verdict = whole ?? found!.verdict;
          const amount = amountOf(found?.view ? found.view.value(row, column) : v);
          if (verdict === "read") {
            l.read++;
            if (amount !== null) l.readAmount += amount;
          } else
            l.leftOut.push({
              sheet: sheet.name,
              cell: `${columnLetter(column)}${row}`,
              reason: verdict,
              value: v,
              amount,
            });
        }
      });
    return l;
  });
}

/**
 * A cell read by any source wins (with the source that read it); else the reason of the source whose
 * column it is, or of the first that covers it; else above a header, or outside any table.
 */
function verdictOf(
  views: readonly SourceView[],
  row: number,
  column: number
): { verdict: "read" | LedgerReason; view?: SourceView } {
  let reason: LedgerReason | null = null;
  let owned = false;
  for (const v of views) {
    if (!v.covers(row, column)) continue;
    const x = v.verdict(row, column);
    if (x === "read") return { verdict: x, view: v };
    // The reason of the source whose column it is (a summary under the money) wins over another's.
    if (reason === null || (!owned && v.maps(column))) {
      reason = x;
      owned = v.maps(column);
    }
  }
  if (reason) return { verdict: reason };
  return { verdict: views.some((v) => v.above(row, column)) ? "above-header" : "outside-table" };
}
