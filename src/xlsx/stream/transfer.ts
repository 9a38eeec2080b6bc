/**
 * A snapshot as a worker thread sends it to the thread that asked for it. A table's rows repeat the cells of
 * the sheet's used range, and a structured clone copies every string anew (it shares objects, not strings):
 * sent as is, a snapshot crossed twice its size (3 MB for an entity workbook) and arrived holding each
 * string twice. So each table row that is exactly its cells of the used range (the same values, the same
 * objects) is sent as its length only, and rebuilt from the used range on arrival: the same snapshot, cell
 * for cell, with the strings shared as in the thread that read it. Any other row is sent as it is.
 */
import type { TableData } from "../../core/table";
import type { SheetSnapshot, WorkbookSnapshot } from "../../workbook/port";

/** A table row to rebuild from the used range: its length. */
type PackedRow = unknown[] | number;
type PackedTable = Omit<TableData, "rows"> & { rows: PackedRow[] };
type PackedSheet = Omit<SheetSnapshot, "tables"> & { tables: PackedTable[] };
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

export function packSnapshot(s: WorkbookSnapshot): PackedSnapshot {
  return mapRows<unknown[], PackedRow>(s, (row, r, sheet, t) => {
    for (let c = 0; c < row.length; c++)
      if (!(c in row) || !Object.is(row[c], usedCell(sheet.used, r, t.firstColumn + c))) return row;
    return row.length;
  });
}

export function unpackSnapshot(s: PackedSnapshot): WorkbookSnapshot {
  return mapRows<PackedRow, unknown[]>(s, (row, r, sheet, t) => {
    if (typeof row !== "number") return row;
    const out = new Array<unknown>(row);
    for (let c = 0; c < row; c++) out[c] = usedCell(sheet.used, r, t.firstColumn + c);
    return out;
  });
}
