/**
 * Writing one sheet of a plan on Office.js: create it or clear it in place, then its table, blocks,
 * widths, frozen rows, charts and notes. `probeSheet` queues, before the writes, the loads a sheet plan
 * needs (tables in the way, charts, conditional formats, notes already there).
 */
import { cellA1 } from "../workbook/address";
import type { SheetPlan } from "../workbook/port";
import { ACTION_BYTES, textBytes, type WriteBatch } from "./batch";
import { queueBlock, queueChart } from "./blocks";
import { queueTable } from "./tables";
import { points, sameName } from "./values";

export interface SheetProbe {
  charts: Excel.ChartCollection | null;
  tableRanges: { table: Excel.Table; range: Excel.Range }[];
  condFormats: (Excel.ConditionalFormatCollection | null)[];
  headerNotes: (Excel.Note | null)[];
  /** The notes already on the cells the plan puts notes on. */
  planNotes: (Excel.Note | null)[];
  tablesOnSheet: Excel.Table[];
}

export interface SheetOptions {
  maxCells: number;
  notes: boolean;
}

/** Loads for one sheet plan, queued before the probe sync. Null for a sheet that does not exist yet. */
export function probeSheet(
  sp: SheetPlan,
  existing: Excel.Worksheet | undefined,
  tables: Excel.Table[],
  notes: boolean
): SheetProbe | null {
  if (!existing) return null;
  const onSheet = tables.filter((t) => sameName(t.worksheet.name, sp.name));
  const charts =
    sp.mode === "replace" || sp.charts?.length ? existing.charts.load("items/name") : null;
  const t = sp.table;
  const probe: SheetProbe = {
    charts,
    tableRanges: [],
    condFormats: [],
    headerNotes: [],
    planNotes: [],
    tablesOnSheet: onSheet,
  };
  if (t && sp.mode === "ensure") {
    const sameNamed = tables.filter((x) => sameName(x.name, t.name) || onSheet.includes(x));
    probe.tableRanges = sameNamed.map((table) => ({
      table,
      range: table.getRange().load("address"),
    }));
    const bodyRows = Math.max(1, t.rows.length);
    probe.condFormats = t.columns.map((c, j) =>
      c.colours?.length
        ? existing
            .getRangeByIndexes(t.headerRow, j, bodyRows, 1)
            .conditionalFormats.load("items/type,items/cellValueOrNullObject/rule")
        : null
    );
  }
  if (t && notes)
    probe.headerNotes = t.headers.map((_, j) =>
      t.headerNotes?.[j]
        ? existing.notes.getItemOrNullObject(cellA1(t.headerRow - 1, j)).load("content")
        : null
    );
  if (notes)
    probe.planNotes = (sp.notes ?? []).map((n) =>
      existing.notes.getItemOrNullObject(n.cell).load("content")
    );
  return probe;
}

export async function queueSheet(
  wb: Excel.Workbook,
  w: WriteBatch,
  sp: SheetPlan,
  existing: Excel.Worksheet | undefined,
  probe: SheetProbe | null,
  opts: SheetOptions
): Promise<void> {
  const ws = () => wb.worksheets.getItem(sp.name);
  await w.add(ACTION_BYTES * 8, () => {
    if (!existing) wb.worksheets.add(sp.name);
    else if (sp.mode === "replace") {
      // Cleared in place rather than deleted: formulas and dropdowns elsewhere keep pointing at it.
      // Contents, formats, links, dropdowns and conditional formats go; notes stay (they may be the user's).
      for (const c of probe?.charts?.items ?? []) c.delete();
      for (const t of probe?.tablesOnSheet ?? []) t.convertToRange();
      const all = ws().getRange();
      all.clear("Contents");
      all.clear("Formats");
      all.clear("Hyperlinks");
      all.dataValidation.clear();
      all.conditionalFormats.clearAll();
    }
    if (sp.hidden !== undefined) ws().visibility = sp.hidden ? "Hidden" : "Visible";
    if (sp.tabColour) ws().tabColor = sp.tabColour;
  });
  if (sp.table) await queueTable(wb, w, sp, probe, opts);
  for (const b of sp.blocks ?? []) await queueBlock(wb, w, sp.name, b, opts.maxCells);
  const widths = (sp.columnWidths ?? []).map((width, j) => ({ width, j })).filter((x) => x.width);
  if (widths.length || sp.freezeRows)
    await w.add(ACTION_BYTES * (widths.length + 1), () => {
      for (const { width, j } of widths)
        ws().getRangeByIndexes(0, j, 1, 1).format.columnWidth = points(width!);
      if (sp.freezeRows) ws().freezePanes.freezeRows(sp.freezeRows);
    });
  const existingCharts = sp.mode === "ensure" ? (probe?.charts?.items ?? []) : [];
  for (let i = 0; i < (sp.charts ?? []).length; i++)
    await queueChart(wb, w, sp.name, sp.charts![i], i, existingCharts);
  if (opts.notes)
    for (let i = 0; i < (sp.notes ?? []).length; i++) {
      const n = sp.notes![i];
      const there = probe?.planNotes[i];
      await w.add(ACTION_BYTES * 2 + textBytes(n.text), () => {
        if (there && !there.isNullObject) ws().notes.getItem(n.cell).content = n.text;
        else ws().notes.add(n.cell, n.text);
      });
    }
}
