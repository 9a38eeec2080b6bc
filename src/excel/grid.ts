/**
 * 2-D writes (values, number formats) as units of the write batch: row chunks below the cell limit of one
 * range operation (5 million cells) and below half a request (Excel on the web: 5 MB), at most 1 MB.
 */
import type { Rect } from "../workbook/address";
import { ACTION_BYTES, gridBytes, rowChunks, type Unit, type WriteBatch } from "./batch";

export async function queueGrid(
  wb: Excel.Workbook,
  w: WriteBatch,
  sheet: string,
  rect: Rect,
  prop: "values" | "numberFormat",
  grid: unknown[][],
  maxCells: number
): Promise<void> {
  for (const c of rowChunks(rect.rows, rect.columns, maxCells)) {
    let start = c.start;
    let size = 0;
    const end = c.start + c.count;
    for (let i = c.start; i <= end; i++) {
      const rowBytes = i < end ? gridBytes([grid[i]]) : 0;
      if (i === end || (i > start && size + rowBytes > w.unitLimit)) {
        const u = gridUnit(wb, sheet, rect.row + start, rect.column, prop, grid.slice(start, i));
        await w.add(u.bytes, u.queue, u.split);
        start = i;
        size = 0;
      }
      size += rowBytes;
    }
  }
}

/** One 2-D write of `part` at (row, column); splits into halves of rows when a request refuses it. */
function gridUnit(
  wb: Excel.Workbook,
  sheet: string,
  row: number,
  column: number,
  prop: "values" | "numberFormat",
  part: unknown[][]
): Unit {
  return {
    bytes: gridBytes(part) + ACTION_BYTES,
    queue: () => {
      const range = wb.worksheets
        .getItem(sheet)
        .getRangeByIndexes(row, column, part.length, part[0]?.length ?? 0);
      (range as unknown as Record<string, unknown>)[prop] = part;
    },
    split:
      part.length < 2
        ? undefined
        : () => {
            const half = Math.ceil(part.length / 2);
            return [
              gridUnit(wb, sheet, row, column, prop, part.slice(0, half)),
              gridUnit(wb, sheet, row + half, column, prop, part.slice(half)),
            ];
          },
  };
}
