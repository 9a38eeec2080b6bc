/**
 * Incremental live validation, the pure part: which rows an edit touched, the snapshot with those rows
 * read again, and which cells' marks changed between two validations.
 *
 * Why a whole validation in memory and not only "the affected records": the cross-row and cross-sheet
 * rules (a duplicated project code, a project's milestones against its status, the financing of a project,
 * a koppeling naming another project) make "what an edit touches" the project group of every old and new
 * code, on every sheet; validating the patched snapshot again in memory reaches exactly those and nothing
 * is missed, so the incremental result equals a full run by construction (test/excel/live-incremental
 * property test). What costs in Excel, the requests and their bytes, is what follows the edit: the edited
 * rows are read, and only the marks whose verdict changed are probed and written.
 */
import type { TableData } from "../core/table";
import { parseRange, splitAddress } from "./address";
import type { WorkbookSnapshot } from "./port";
import { cellKey, type MarkedCell } from "./state";

/** A change event of a watched table, as Excel gives it (TableChangedEventArgs). */
export interface TableChange {
  table: string;
  /** The changed area, e.g. "C12" or "A2:F1001" (a sheet prefix is ignored). */
  address: string;
  /** Excel.DataChangeType: "RangeEdited" for typing and pasting; inserted or deleted rows need a full run. */
  changeType?: string;
}

/** Data rows of a table to read again: `count` rows from data row `start` (0 = first row below the header). */
export interface RowSpan {
  sheet: string;
  table: string;
  start: number;
  count: number;
  /** 0-based worksheet row of data row `start`, and the table's columns. */
  sheetRow: number;
  column: number;
  columns: number;
}

const PLAIN_EDITS = new Set(["RangeEdited", "Unknown"]);

function tableOf(snapshot: WorkbookSnapshot, name: string): TableData | undefined {
  const lower = name.toLowerCase();
  for (const s of snapshot.sheets)
    for (const t of s.tables) if (t.tableName?.toLowerCase() === lower) return t;
  return undefined;
}

/**
 * The rows to read again for `changes`, merged per table; null when only a full run will do: rows inserted
 * or deleted, a table not in the snapshot, an edit of the header row or beyond the last row read.
 */
export function rowsToRead(
  snapshot: WorkbookSnapshot,
  changes: readonly TableChange[]
): RowSpan[] | null {
  const byTable = new Map<string, { t: TableData; rows: Set<number> }>();
  for (const c of changes) {
    if (c.changeType !== undefined && !PLAIN_EDITS.has(c.changeType)) return null;
    const t = tableOf(snapshot, c.table);
    if (!t || !t.tableName || t.rowNumbers) return null;
    let rect;
    try {
      rect = parseRange(splitAddress(c.address).range);
    } catch {
      return null;
    }
    const first = rect.row - t.headerRow;
    const last = first + rect.rows - 1;
    if (first < 0 || last >= t.rows.length) return null;
    const entry = byTable.get(t.tableName) ?? { t, rows: new Set<number>() };
    for (let i = first; i <= last; i++) entry.rows.add(i);
    byTable.set(t.tableName, entry);
  }
  const spans: RowSpan[] = [];
  for (const { t, rows } of byTable.values()) {
    const sorted = [...rows].sort((a, b) => a - b);
    for (let i = 0; i < sorted.length;) {
      let j = i;
      while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
      spans.push({
        sheet: t.sheet,
        table: t.tableName!,
        start: sorted[i],
        count: j - i + 1,
        sheetRow: t.headerRow + sorted[i],
        column: t.firstColumn,
        columns: t.headers.length,
      });
      i = j + 1;
    }
  }
  return spans;
}

/** The snapshot with the spans' rows replaced by what was read again (the snapshot itself is not changed). */
export function patchSnapshot(
  snapshot: WorkbookSnapshot,
  spans: readonly RowSpan[],
  grids: readonly unknown[][][]
): WorkbookSnapshot {
  const patched = new Map<TableData, unknown[][]>();
  spans.forEach((span, k) => {
    const t = tableOf(snapshot, span.table)!;
    const rows = patched.get(t) ?? [...t.rows];
    grids[k].forEach((row, i) => (rows[span.start + i] = row));
    patched.set(t, rows);
  });
  return {
    ...snapshot,
    sheets: snapshot.sheets.map((s) =>
      s.tables.some((t) => patched.has(t))
        ? {
            ...s,
            tables: s.tables.map((t) => (patched.has(t) ? { ...t, rows: patched.get(t)! } : t)),
          }
        : s
    ),
  };
}

const verdict = (m: MarkedCell | undefined) =>
  m ? `${m.severity}\u0000${m.messages.join("\u0000")}` : "";

/** The cells whose mark differs (set, gone, or another severity or message), keyed by cellKey. */
export function changedMarks(
  before: ReadonlyMap<string, MarkedCell>,
  after: ReadonlyMap<string, MarkedCell>
): string[] {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys].filter((k) => verdict(before.get(k)) !== verdict(after.get(k)));
}

/** Marked cells by cellKey. */
export function markMap(cells: readonly MarkedCell[]): Map<string, MarkedCell> {
  return new Map(cells.map((m) => [cellKey(m.sheet, m.cell), m]));
}
