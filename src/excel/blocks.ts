/**
 * Blocks of plain cells (instructions, overview, validation report) and native charts, on Office.js.
 */
import { parseRange, splitAddress, type Rect } from "../workbook/address";
import type { BlockPlan, ChartPlan } from "../workbook/port";
import { ACTION_BYTES, LINK_BYTES, textBytes, type WriteBatch } from "./batch";
import { queueGrid } from "./grid";
import { toOffice } from "./values";

export const CHART_PREFIX = "vv-monitor ";

export async function queueBlock(
  wb: Excel.Workbook,
  w: WriteBatch,
  sheet: string,
  b: BlockPlan,
  maxCells: number
): Promise<void> {
  if (b.values.length === 0) return;
  const columns = Math.max(...b.values.map((r) => r.length));
  const rect: Rect = { row: b.row - 1, column: b.column, rows: b.values.length, columns };
  const grid = b.values.map((r) =>
    Array.from({ length: columns }, (_, j) => toOffice(r[j], false))
  );
  if (b.numFmt)
    await queueGrid(
      wb,
      w,
      sheet,
      rect,
      "numberFormat",
      grid.map((r) => r.map(() => b.numFmt as string)),
      maxCells
    );
  await queueGrid(wb, w, sheet, rect, "values", grid, maxCells);
  const range = () =>
    wb.worksheets.getItem(sheet).getRangeByIndexes(rect.row, rect.column, rect.rows, rect.columns);
  if (b.bold || b.fill || b.font)
    await w.add(ACTION_BYTES * 3, () => {
      if (b.bold) range().format.font.bold = true;
      if (b.fill) range().format.fill.color = b.fill;
      if (b.font) range().format.font.color = b.font;
    });
  const links = b.links ?? [];
  for (let i = 0; i < links.length; i++) {
    const row = links[i] ?? [];
    for (let j = 0; j < row.length; j++) {
      const target = row[j];
      if (!target) continue;
      const shown = b.values[i]?.[j];
      const text =
        shown === null || shown === undefined || typeof shown === "object" ? target : String(shown);
      await w.add(LINK_BYTES + 2 * textBytes(target) + textBytes(text), () => {
        wb.worksheets
          .getItem(sheet)
          .getRangeByIndexes(rect.row + i, rect.column + j, 1, 1).hyperlink = {
          documentReference: target,
          textToDisplay: text,
          screenTip: target,
        };
      });
    }
  }
}

/**
 * A chart over a range of the sheet, series by columns (the header row names them). A pie shows one
 * series: the range's last column (its first column labels the slices); the others are removed, else Excel
 * would plot the first column of numbers.
 */
export async function queueChart(
  wb: Excel.Workbook,
  w: WriteBatch,
  sheet: string,
  c: ChartPlan,
  i: number,
  existing: Excel.Chart[]
): Promise<void> {
  const name = `${CHART_PREFIX}${i + 1}`;
  const type = c.kind === "bar" ? "BarClustered" : c.kind === "column" ? "ColumnClustered" : "Pie";
  const { range } = splitAddress(c.range);
  const series = Math.max(1, parseRange(range).columns - 1);
  await w.add(ACTION_BYTES * (6 + series + (c.colours?.length ?? 0)), () => {
    for (const old of existing) if (old.name === name) old.delete();
    const ws = wb.worksheets.getItem(sheet);
    const chart = ws.charts.add(type, ws.getRange(range), "Columns");
    chart.name = name;
    chart.title.text = c.title;
    chart.setPosition(c.anchor);
    if (c.kind === "pie") {
      for (let s = 0; s < series - 1; s++) chart.series.getItemAt(0).delete();
      c.colours?.forEach((col, p) =>
        chart.series.getItemAt(0).points.getItemAt(p).format.fill.setSolidColor(col)
      );
    } else c.colours?.forEach((col, s) => chart.series.getItemAt(s).format.fill.setSolidColor(col));
  });
}
