/**
 * A snapshot as a worker thread sends it to the thread that asked for it. A table's rows repeat the cells of
 * the sheet's used range, and a structured clone copies every string anew (it shares objects, not strings):
 * sent as is, a snapshot crossed twice its size (3 MB for an entity workbook) and arrived holding each
 * string twice. So each table row that is exactly its cells of the used range (the same values, the same
 * objects) is sent as its length only, and rebuilt from the used range on arrival: the same snapshot, cell
 * for cell, with the strings shared as in the thread that read it. Any other row is sent as it is. The used
 * range itself travels packed (grid-pack.ts).
 */
import type { TableData } from "../../core/table";
import type { SheetSnapshot, WorkbookSnapshot } from "../../workbook/port";
import { gridBuffers, packGrid, unpackGrid, type PackedGrid } from "./grid-pack";
import { internRow } from "./intern";

/** A table row to rebuild from the used range: its length. */
type PackedRow = unknown[] | number;
type PackedTable = Omit<TableData, "rows"> & { rows: PackedRow[] };
type PackedSheet = Omit<SheetSnapshot, "tables" | "used"> & {
  tables: PackedTable[];
  used?: PackedGrid;
};
export type PackedSnapshot = Omit<WorkbookSnapshot, "sheets"> & { sheets: PackedSheet[] };

/** The used range's cell at an Excel row (1-based) and column (0-based); null outside it. */
function usedCell(used: SheetSnapshot["used"], row: number, col: number): unknown {
  if (!used) return null;
  const v = used.values[row - used.firstRow]?.[col - used.firstColumn];
  return v === undefined ? null : v;
}

const rowOf = (t: Pick<TableData, "rowNumbers" | "headerRow">, i: number) =>
  t.rowNumbers?.[i] ?? t.headerRow + 1 + i;

/** The snapshot with each table row replaced by `f` of it (its Excel row number, its sheet and table). */
function mapRows<R, S>(
  s: {
    stamp: WorkbookSnapshot["stamp"];
    sheets: (Omit<SheetSnapshot, "tables"> & {
      tables: (Omit<TableData, "rows"> & { rows: R[] })[];
    })[];
  },
  f: (row: R, r: number, sheet: Omit<SheetSnapshot, "tables">, t: Omit<TableData, "rows">) => S
) {
  return {
    ...s,
    sheets: s.sheets.map((sheet) => ({
      ...sheet,
      tables: sheet.tables.map((t) => ({
        ...t,
        rows: t.rows.map((row, i) => f(row, rowOf(t, i), sheet, t)),
      })),
    })),
  };
}

/**
 * The same cell value: the same value, or two plain objects with the same fields (a formula and its result
 * is a new `{ formula, result }` each time a reader gives it, for the used range and again for a table).
 */
function sameCell(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (
    Object.getPrototypeOf(a) !== Object.prototype ||
    Object.getPrototypeOf(b) !== Object.prototype
  )
    return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  return keys.every((k) => k in y && Object.is(x[k], y[k]));
}

export function packSnapshot(s: WorkbookSnapshot): PackedSnapshot {
  const rowsPacked = mapRows<unknown[], PackedRow>(s, (row, r, sheet, t) => {
    for (let c = 0; c < row.length; c++)
      if (!(c in row) || !sameCell(row[c], usedCell(sheet.used, r, t.firstColumn + c))) return row;
    return row.length;
  });
  return {
    ...rowsPacked,
    sheets: rowsPacked.sheets.map(({ used, ...sheet }) =>
      used ? { ...sheet, used: packGrid(used) } : sheet
    ),
  };
}

/** The buffers of a packed snapshot, moved to the other thread with it (postMessage's transfer list). */
export const snapshotBuffers = (s: PackedSnapshot): ArrayBuffer[] =>
  s.sheets.flatMap((sheet) => (sheet.used ? gridBuffers(sheet.used) : []));

/**
 * The snapshot again, cell for cell. `intern` gives each text the string to use for it (one string per
 * text across the pool's files, see intern.ts): each text of the used range once, and those of the headers
 * and of the rows sent as they are.
 */
export function unpackSnapshot(
  s: PackedSnapshot,
  intern: (text: string) => string = (t) => t
): WorkbookSnapshot {
  const withUsed = {
    ...s,
    sheets: s.sheets.map(({ used, ...sheet }) => ({
      ...sheet,
      ...(used && { used: unpackGrid(used, intern) }),
      tables: sheet.tables.map((t) => ({ ...t, headers: internRow(t.headers, intern) })),
    })),
  };
  return mapRows<PackedRow, unknown[]>(withUsed, (row, r, sheet, t) => {
    if (typeof row !== "number") return internRow(row, intern);
    // A row that is the used range's row whole is that row (a snapshot is never changed in place: the
    // reading copies what it changes, table-regions.ts), one array fewer per row of the file.
    const used = sheet.used?.values[r - sheet.used.firstRow];
    if (used?.length === row && t.firstColumn === sheet.used!.firstColumn) return used;
    const out = new Array<unknown>(row);
    for (let c = 0; c < row; c++) out[c] = usedCell(sheet.used, r, t.firstColumn + c);
    return out;
  });
}
