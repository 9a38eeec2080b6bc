/**
 * Writing a template table on Office.js: number formats before values (text columns take "VV001" as
 * text), values, the table, and per column width, wrapping, dropdown with its help and status colours,
 * and the help note on each header cell. Every unit gets its objects from the workbook by name, so the
 * batch can send it again after a refused request.
 */
import {
  cellA1,
  intersects,
  parseRange,
  quoteSheet,
  rectA1,
  splitAddress,
  type Rect,
} from "../workbook/address";
import type { SheetPlan, TablePlan } from "../workbook/port";
import { ACTION_BYTES, textBytes, type WriteBatch } from "./batch";
import { queueGrid } from "./grid";
import type { SheetProbe } from "./sheets";
import { isFormula, points, sameName, toOffice } from "./values";

/** Excel's limits on data validation texts (characters): titles 32, input message 255, error message 225. */
export const DV_LIMITS = { title: 32, prompt: 255, error: 225 } as const;

export async function queueTable(
  wb: Excel.Workbook,
  w: WriteBatch,
  sp: SheetPlan,
  probe: SheetProbe | null,
  opts: { maxCells: number; notes: boolean }
): Promise<void> {
  const t = sp.table as TablePlan;
  const ws = () => wb.worksheets.getItem(sp.name);
  const rect: Rect = {
    row: t.headerRow - 1,
    column: 0,
    rows: 1 + Math.max(1, t.rows.length),
    columns: t.headers.length,
  };
  // Tables in the way become plain ranges first: their values stay where they are.
  const inTheWay = (probe?.tableRanges ?? []).filter((tr) => {
    const { sheet, range } = splitAddress(tr.range.address);
    return (
      sameName(tr.table.name, t.name) ||
      (sheet !== null && sameName(sheet, sp.name) && intersects(parseRange(range), rect))
    );
  });
  if (inTheWay.length)
    await w.add(ACTION_BYTES * inTheWay.length, () => {
      for (const tr of inTheWay) tr.table.convertToRange();
    });
  const rows = t.rows.length ? t.rows : [t.headers.map(() => null)];
  const fmts = t.columns.map((c) => c.numFmt ?? "General");
  const isText = fmts.map((f) => f === "@");
  // Number formats first (so text columns take text as text); formula cells get General so they compute.
  const numberFormat = [
    t.headers.map(() => "General"),
    ...rows.map((r) => fmts.map((f, j) => (isFormula(r[j]) ? "General" : f))),
  ];
  const values = [
    t.headers.map((h) => toOffice(h, true)),
    ...rows.map((r) => t.headers.map((_, j) => toOffice(r[j], isText[j] && !isFormula(r[j])))),
  ];
  await queueGrid(wb, w, sp.name, rect, "numberFormat", numberFormat, opts.maxCells);
  await queueGrid(wb, w, sp.name, rect, "values", values, opts.maxCells);
  await w.add(ACTION_BYTES * 4 + textBytes(t.name), () => {
    const table = ws().tables.add(`${quoteSheet(sp.name)}!${rectA1(rect)}`, true);
    table.name = t.name;
    table.style = "TableStyleMedium2";
    ws().getRangeByIndexes(rect.row, 0, 1, rect.columns).format.wrapText = true;
  });
  for (let j = 0; j < t.columns.length; j++) await queueColumn(wb, w, sp.name, t, rect, j, probe);
  if (opts.notes) {
    for (let j = 0; j < t.headers.length; j++) {
      const text = t.headerNotes?.[j];
      if (!text) continue;
      const existing = probe?.headerNotes[j];
      if (existing && !existing.isNullObject) continue; // a note is there already (the user's or ours): keep it
      await w.add(ACTION_BYTES * 2 + textBytes(text), () =>
        ws().notes.add(cellA1(rect.row, j), text)
      );
    }
  }
}

/** Width, wrapping, dropdown with help, status colours of column `j`. */
async function queueColumn(
  wb: Excel.Workbook,
  w: WriteBatch,
  sheet: string,
  t: TablePlan,
  rect: Rect,
  j: number,
  probe: SheetProbe | null
): Promise<void> {
  const c = t.columns[j];
  const body = () =>
    wb.worksheets.getItem(sheet).getRangeByIndexes(rect.row + 1, j, rect.rows - 1, 1);
  const title = (c.help?.title ?? t.headers[j]).slice(0, DV_LIMITS.title);
  const help = c.help?.text ?? "";
  const present = new Set<string>();
  for (const cf of probe?.condFormats[j]?.items ?? []) {
    const rule = cf.type === "CellValue" ? cf.cellValueOrNullObject.rule : null;
    if (rule?.formula1) present.add(rule.formula1);
  }
  const colours = (c.colours ?? [])
    .map((col) => ({ ...col, formula1: `="${col.value.replace(/"/g, '""')}"` }))
    .filter((col) => !present.has(col.formula1));
  const bytes = ACTION_BYTES * (4 + 4 * colours.length) + 2 * textBytes(help);
  await w.add(bytes, () => {
    if (c.width)
      wb.worksheets.getItem(sheet).getRangeByIndexes(0, j, 1, 1).format.columnWidth = points(
        c.width
      );
    if (c.wrap) body().format.wrapText = true;
    if (c.listRange) {
      const dv = body().dataValidation;
      dv.clear();
      dv.rule = { list: { inCellDropDown: true, source: `=${c.listRange}` } };
      dv.errorAlert = {
        showAlert: true,
        style: "Stop",
        title,
        message: help.slice(0, DV_LIMITS.error) || "Kies een waarde uit de lijst.",
      };
      if (c.help) dv.prompt = { showPrompt: true, title, message: help.slice(0, DV_LIMITS.prompt) };
    }
    for (const col of colours) {
      const cf = body().conditionalFormats.add("CellValue");
      cf.cellValue.format.fill.color = col.fill;
      cf.cellValue.format.font.color = col.font;
      cf.cellValue.rule = { formula1: col.formula1, operator: "EqualTo" };
    }
  });
}
