/**
 * 2-D writes (values, number formats) as units of the write batch: row chunks below the cell limit of one
 * range operation (5 million cells) and below half a request (Excel on the web: 5 MB), at most 1 MB.
 */
import type { Rect } from "../workbook/address";
import { ACTION_BYTES, gridBytes, rowChunks, type WriteBatch } from "./batch";

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
        const from = start;
        const count = i - from;
        const part = grid.slice(from, i);
        await w.add(size + ACTION_BYTES, () => {
          const range = wb.worksheets
            .getItem(sheet)
            .getRangeByIndexes(rect.row + from, rect.column, count, rect.columns);
          (range as unknown as Record<string, unknown>)[prop] = part;
        });
        start = i;
        size = 0;
      }
      size += rowBytes;
    }
  }
}
