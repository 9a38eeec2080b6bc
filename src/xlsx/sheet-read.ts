/** Reading an exceljs worksheet for the snapshot: cell values (formulas with their result), tables, notes. */
import ExcelJS from "./exceljs-lib.cjs";
import { isBlank } from "../core/cells";
import type { CellNote } from "../workbook/port";
import { noteText, type CellGrid, type TableDef } from "./grid";

function cellValue(ws: ExcelJS.Worksheet, row: number, col: number): unknown {
  const cell = ws.getRow(row).getCell(col);
  if (cell.type === ExcelJS.ValueType.Merge) return null;
  if (cell.type === ExcelJS.ValueType.Formula) return formulaValue(cell);
  return cell.value ?? null;
}

/**
 * A formula cell as the port promises it: `{ formula, result }`, `result` only when the file stores one.
 * A cell that shares its formula with the cell above (Excel writes the text once per block) gets its
 * own text, translated to its place as Excel shows it (`D3/B3`, not the first cell's `D2/B2`).
 */
function formulaValue(cell: ExcelJS.Cell): { formula: string; result?: unknown } {
  const result = (cell as unknown as { result?: unknown }).result;
  const formula = cell.formula ?? "";
  return result === undefined || result === null ? { formula } : { formula, result };
}

/** A cell that holds something: a value, or a formula (also one whose result is not stored). */
function holdsSomething(cell: ExcelJS.Cell): boolean {
  if (cell.type === ExcelJS.ValueType.Merge) return false;
  return cell.type === ExcelJS.ValueType.Formula || !isBlank(cell.value);
}

/** The table parts of a sheet as exceljs modelled them. */
export function tableDefs(ws: ExcelJS.Worksheet): TableDef[] {
  return (ws.getTables() as unknown as { table: TableDef }[]).map((t) => t.table);
}

/** The sheet's cells through exceljs' object model. */
export function exceljsGrid(ws: ExcelJS.Worksheet): CellGrid {
  return {
    value: (row, col) => cellValue(ws, row, col),
    extent() {
      let top = Infinity;
      let left = Infinity;
      let bottom = 0;
      let right = 0;
      ws.eachRow({ includeEmpty: false }, (row, r) => {
        row.eachCell({ includeEmpty: false }, (cell, c) => {
          if (!holdsSomething(cell)) return;
          if (r < top) top = r;
          if (r > bottom) bottom = r;
          if (c < left) left = c;
          if (c > right) right = c;
        });
      });
      return bottom === 0 ? null : { top, left, bottom, right };
    },
  };
}

export function readNotes(ws: ExcelJS.Worksheet): CellNote[] {
  const notes: CellNote[] = [];
  ws.eachRow({ includeEmpty: true }, (row) => {
    row.eachCell({ includeEmpty: true }, (cell) => {
      if (cell.note === undefined || cell.note === null) return;
      notes.push({ cell: cell.address, text: noteText(cell.note) });
    });
  });
  return notes;
}
