/**
 * A sheet's snapshot built from a grid of cell values: the tables, the used range and the stamp rows.
 * Both readers of .xlsx files share it: the full read through exceljs' object model (port.ts) and the
 * streaming read of the read-only commands (stream/). What a snapshot holds is decided here once, so the
 * two give the same snapshot cell for cell.
 */
import { columnIndex } from "../core/cells";
import type { TableData } from "../core/table";
import type { SheetSnapshot } from "../workbook/port";

/** A sheet's cells as the port delivers them. Rows and columns are 1-based. */
export interface CellGrid {
  /** The port's value of a cell: formulas as `{ formula, result }`, a merged-over cell null. */
  value(row: number, col: number): unknown;
  /** The smallest rectangle around the cells that hold something (a value or a formula); null if none. */
  extent(): { top: number; left: number; bottom: number; right: number } | null;
}

/** A table part as exceljs models it (the fields the snapshot needs). */
export interface TableDef {
  name: string;
  tableRef?: string;
  ref?: string;
  headerRow?: boolean;
  totalsRow?: boolean;
  columns?: { name: string }[];
}

export function decodeRange(ref: string): {
  top: number;
  left: number;
  bottom: number;
  right: number;
} {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(ref.trim());
  if (!m) throw new Error(`cannot read range ${ref}`);
  const left = columnIndex(m[1]) + 1;
  const top = Number(m[2]);
  return {
    top,
    left,
    right: m[3] ? columnIndex(m[3]) + 1 : left,
    bottom: m[4] ? Number(m[4]) : top,
  };
}

function rowValues(grid: CellGrid, row: number, left: number, width: number): unknown[] {
  const out = new Array<unknown>(width);
  for (let c = 0; c < width; c++) out[c] = grid.value(row, left + c);
  return out;
}

export function gridTables(sheet: string, grid: CellGrid, defs: readonly TableDef[]): TableData[] {
  const out: TableData[] = [];
  for (const model of defs) {
    const ref = model.tableRef ?? model.ref;
    if (!ref) continue;
    const r = decodeRange(ref);
    const hasHeader = model.headerRow !== false;
    const width = r.right - r.left + 1;
    const headers: unknown[] = hasHeader
      ? rowValues(grid, r.top, r.left, width)
      : Array.from({ length: width }, (_, c) => model.columns?.[c]?.name ?? `Kolom${c + 1}`);
    const firstData = hasHeader ? r.top + 1 : r.top;
    const lastData = model.totalsRow ? r.bottom - 1 : r.bottom;
    const rows: unknown[][] = [];
    for (let row = firstData; row <= lastData; row++)
      rows.push(rowValues(grid, row, r.left, width));
    out.push({
      sheet,
      tableName: model.name,
      headerRow: hasHeader ? r.top : r.top - 1,
      firstColumn: r.left - 1,
      headers,
      rows,
    });
  }
  return out;
}

export function gridUsed(grid: CellGrid): SheetSnapshot["used"] {
  const e = grid.extent();
  if (!e) return { firstRow: 1, firstColumn: 0, values: [] };
  const values: unknown[][] = [];
  for (let r = e.top; r <= e.bottom; r++)
    values.push(rowValues(grid, r, e.left, e.right - e.left + 1));
  return { firstRow: e.top, firstColumn: e.left - 1, values };
}

/** The text of an exceljs note: a plain string, or rich text runs joined. */
export function noteText(note: unknown): string {
  if (typeof note === "string") return note;
  const texts = (note as { texts?: { text?: string }[] } | undefined)?.texts ?? [];
  return texts.map((t) => t.text ?? "").join("");
}
