/**
 * The reading ledger: where every non-empty cell of a workbook went. Each cell of every sheet (visible or
 * hidden, inside or outside a table) ends in exactly one place: read into a record field (counted, with
 * the sum of its amounts: a clean row costs a counter, no object per cell), or left out with a reason a
 * person understands (one entry per cell, with its value and its amount when it holds one).
 *
 * The ledger is filled by the reading's stages as they decide (reading.ts): locating the tables records
 * each sheet it leaves out whole and why (locate-tables.ts); accounting records each region read (its
 * header row, the verdict on each of its columns, the rows above it) and the cells of a read sheet
 * outside every region (account-cells.ts); reading the values records each row the row classifier left
 * out and why, and the values as read (read-values.ts); reading several files records the rows the
 * overlap rule leaves out (combine.ts). `sheetsOf` then places every cell by these records alone: a
 * cell no stage accounted for is in no list and no count, which the invariant test
 * (test/hardening/ledger.invariant.test.ts) catches.
 */
import { columnLetter, isBlank, isUncomputedFormula, toScalar } from "../../core/cells";
import type { TableReport } from "../../core/read";
import type { LeftOutRow } from "../../core/region";
import type { SheetKey } from "../../core/schema";
import type { SheetSnapshot, WorkbookSnapshot } from "../port";

/** Why a non-empty cell was not read into a record. */
export type LedgerReason =
  | "header"
  | "computed"
  | "above-header"
  | "outside-table"
  | "unknown-column"
  /** A hidden column whose visible twin (same template column) was read instead (hidden-columns.ts). */
  | "hidden-column"
  | LeftOutRow["reason"]
  | "other-sheet"
  | "no-header"
  | "not-template"
  | "hidden-superseded";

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
  // A text is never an amount here (an error's text neither): no look at it beyond its type.
  if (typeof v === "string") return null;
  if (isUncomputedFormula(v)) return null;
  const s = toScalar(v);
  return typeof s === "number" && Number.isFinite(s) ? s : null;
}

/** What becomes of a column's cells in the data rows of a region. */
export type ColumnVerdict = "read" | "computed" | "unknown-column" | "hidden-column";

/** A region of a sheet read for a template sheet, as accounted: where it is and what each column gives. */
export interface RegionAccount {
  sheet: string;
  target: SheetKey;
  /** 1-based header row; the data rows follow down to `lastRow`. */
  headerRow: number;
  /** The first row of a header two rows high (its cells are header cells too). */
  headerTop?: number;
  lastRow: number;
  /** 0-based first column; `columns[j]` is the verdict on column firstColumn + j. */
  firstColumn: number;
  columns: ColumnVerdict[];
  /** The region's rows as read (formulas without a stored result carry their computed result). */
  rows: readonly (readonly unknown[])[];
  /** Rows (1-based) the reading left out, and why. */
  leftOutRows: Map<number, LedgerReason>;
}

/** What the stages recorded about one sheet. */
interface SheetAccount {
  /** The whole sheet: an own sheet (counted only), or left out with a reason. */
  whole?: LedgerReason | "own";
  regions: RegionAccount[];
  /** Cells of the sheet outside every region (and not above one): left out with this reason. */
  rest?: LedgerReason;
}

/** The ledger as the stages fill it; `sheetsOf` places the cells. */
export class ReadingLedger {
  private readonly accounts = new Map<string, SheetAccount>();

  private of(sheet: string): SheetAccount {
    let a = this.accounts.get(sheet);
    if (!a) this.accounts.set(sheet, (a = { regions: [] }));
    return a;
  }

  /** A sheet the reading leaves whole: an own sheet, or one that feeds no template sheet (with why). */
  wholeSheet(sheet: string, reason: LedgerReason | "own"): void {
    this.of(sheet).whole = reason;
  }

  /** A region read for a template sheet. */
  region(r: Omit<RegionAccount, "leftOutRows">): RegionAccount {
    const account: RegionAccount = { ...r, leftOutRows: new Map() };
    this.of(r.sheet).regions.push(account);
    return account;
  }

  /** The cells of a read sheet that no region holds. */
  outside(sheet: string, reason: LedgerReason): void {
    this.of(sheet).rest = reason;
  }

  /** The regions accounted on a sheet for a template sheet. */
  regionsOf(sheet: string, target?: SheetKey): readonly RegionAccount[] {
    return (this.accounts.get(sheet)?.regions ?? []).filter(
      (r) => target === undefined || r.target === target
    );
  }

  /** Rows of a region the reading left out (row classifier, overlap rule), with why. */
  rowsLeftOut(region: RegionAccount, rows: readonly LeftOutRow[]): void {
    for (const x of rows) region.leftOutRows.set(x.row, x.reason);
  }

  /** The rows of the table reports, each to the region it was read from (same sheet, target, header). */
  tableReports(reports: readonly TableReport[]): void {
    for (const t of reports) {
      const region = this.regionsOf(t.sheet, t.target).find((r) => r.headerRow === t.headerRow);
      if (region) this.rowsLeftOut(region, t.leftOut);
    }
  }

  /** A row a later step leaves out (the overlap rule): to the nearest region above it. */
  rowLeftOut(sheet: string, target: SheetKey, row: LeftOutRow): void {
    const region = this.regionsOf(sheet, target)
      .filter((r) => r.headerRow < row.row && row.row <= r.lastRow)
      .sort((a, b) => b.headerRow - a.headerRow)[0];
    if (region) region.leftOutRows.set(row.row, row.reason);
  }

  /** A copy to which a later step adds rows (the file read alone stays as it was). */
  fork(): ReadingLedger {
    const copy = new ReadingLedger();
    for (const [sheet, a] of this.accounts)
      copy.accounts.set(sheet, {
        ...a,
        regions: a.regions.map((r) => ({ ...r, leftOutRows: new Map(r.leftOutRows) })),
      });
    return copy;
  }

  /** Every non-empty cell of the workbook placed by what the stages recorded, sheet by sheet. */
  sheetsOf(snapshot: WorkbookSnapshot): SheetLedger[] {
    return snapshot.sheets.map((sheet) => this.sheetLedger(sheet));
  }

  private sheetLedger(sheet: SheetSnapshot): SheetLedger {
    const l: SheetLedger = { sheet: sheet.name, read: 0, readAmount: 0, own: 0, leftOut: [] };
    const a = this.accounts.get(sheet.name) ?? { regions: [] };
    // A sheet read as one region (nearly every sheet): a data row it kept costs a counter per cell in a
    // column it reads, without placeCell (which then gives "read" too: the only region covers the cell).
    const only = !a.whole && a.regions.length === 1 ? a.regions[0] : undefined;
    for (const g of gridOf(sheet)) {
      // The grid's columns the only region reads (true), by the grid's column index.
      const reads = Array.from(
        { length: g.values.reduce((w, r) => Math.max(w, r.length), 0) },
        (_, j) => only?.columns[g.firstColumn + j - only.firstColumn] === "read"
      );
      for (let i = 0; i < g.values.length; i++) {
        const values = g.values[i];
        const row = g.firstRow + i;
        const kept =
          only !== undefined &&
          row > only.headerRow &&
          row <= only.lastRow &&
          !only.leftOutRows.has(row)
            ? only.rows[row - only.headerRow - 1]
            : undefined;
        for (let j = 0; j < values.length; j++) {
          const v = values[j];
          if (isBlank(v)) continue;
          const column = g.firstColumn + j;
          if (a.whole === "own") {
            l.own++;
            continue;
          }
          if (kept !== undefined && reads[j]) {
            const amount = amountOf(kept[column - only!.firstColumn]);
            l.read++;
            if (amount !== null) l.readAmount += amount;
            continue;
          }
          const found = a.whole ? { verdict: a.whole } : placeCell(a, row, column);
          if (!found) continue; // No stage accounted for it: the invariant test says so.
          const amount = amountOf(found.region ? valueIn(found.region, row, column) : v);
          if (found.verdict === "read") {
            l.read++;
            if (amount !== null) l.readAmount += amount;
          } else
            l.leftOut.push({
              sheet: sheet.name,
              cell: `${columnLetter(column)}${row}`,
              reason: found.verdict,
              value: v,
              amount,
            });
        }
      }
    }
    return l;
  }
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

/** The cell as read: a formula without a stored result carries the result computed for it. */
function valueIn(r: RegionAccount, row: number, column: number): unknown {
  return r.rows[row - r.headerRow - 1]?.[column - r.firstColumn];
}

const covers = (r: RegionAccount, row: number, column: number) =>
  row >= (r.headerTop ?? r.headerRow) &&
  row <= r.lastRow &&
  column >= r.firstColumn &&
  column < r.firstColumn + r.columns.length;

/** Whether the region reads the column (its reason about a row then wins over another region's). */
const maps = (r: RegionAccount, column: number) => {
  const v = r.columns[column - r.firstColumn];
  return v === "read" || v === "computed";
};

/** What one region says of a cell it covers. */
function verdictIn(r: RegionAccount, row: number, column: number): "read" | LedgerReason {
  if (row <= r.headerRow) return "header";
  return r.leftOutRows.get(row) ?? r.columns[column - r.firstColumn];
}

/**
 * A cell read by any region wins (with the region that read it); else the reason of the region whose
 * column it is, or of the first that covers it; else above a region's header; else the sheet's rest.
 * Null when no stage recorded anything that holds the cell.
 */
function placeCell(
  a: SheetAccount,
  row: number,
  column: number
): { verdict: "read" | LedgerReason; region?: RegionAccount } | null {
  let reason: LedgerReason | null = null;
  let owned = false;
  for (const r of a.regions) {
    if (!covers(r, row, column)) continue;
    const x = verdictIn(r, row, column);
    if (x === "read") return { verdict: x, region: r };
    if (reason === null || (!owned && maps(r, column))) {
      reason = x;
      owned = maps(r, column);
    }
  }
  if (reason) return { verdict: reason };
  const above = a.regions.some(
    (r) =>
      row < (r.headerTop ?? r.headerRow) &&
      column >= r.firstColumn &&
      column < r.firstColumn + r.columns.length
  );
  if (above) return { verdict: "above-header" };
  return a.rest ? { verdict: a.rest } : null;
}
