/**
 * The flows as the add-in runs them in Excel: the same flows as the command line (src/workbook/flows),
 * plus what only Excel can show: the overview's totals through the VV custom functions (or plain formulas,
 * so that a workbook sent to someone without the add-in still shows its totals), and native charts of the
 * projects and milestones per status, in the report's status colours.
 */
import { columnLetter } from "../core/cells";
import { SHEET_BY_KEY, SHEETS } from "../core/template";
import { MILESTONE_STATUSES, PROJECT_STATUSES, type Lang } from "../core/vocabulary";
import { functionFormula } from "../functions/formulas";
import { overviewPlan, sumifsFormula, type FormulaBuilder, type OverviewLayout } from "../workbook/flows";
import type { BlockPlan, ChartPlan, WorkbookPort } from "../workbook/port";

export type OverviewMode = "functions" | "formulas";

/** Totals through the custom functions, over the whole template tables (structured references). */
export const customFunctionFormula: FormulaBuilder = (measure, filter) =>
  functionFormula(measure, filter, { financiering: `${SHEET_BY_KEY.financing.tableName}[#All]`, projecten: `${SHEET_BY_KEY.projects.tableName}[#All]` });

const T = {
  nl: { projects: "Projecten per status", milestones: "Mijlpalen per status", status: "Status", count: "Aantal" },
  en: { projects: "Projects per status", milestones: "Milestones per status", status: "Status", count: "Count" },
} as const;

function statusColumn(key: "projects" | "milestones"): string {
  const spec = SHEET_BY_KEY[key];
  const i = spec.columns.findIndex((c) => c.key === "status");
  if (i < 0) throw new Error(`${spec.name} has no status column`);
  const l = columnLetter(i);
  return `${spec.name}!$${l}:$${l}`;
}

/** The Overzicht sheet plan for Excel: totals (custom functions or plain formulas), status counts, charts. */
export function excelOverviewPlan(opts: { lang?: Lang; mode?: OverviewMode; charts?: boolean } = {}) {
  const lang = opts.lang ?? "nl";
  const t = T[lang];
  const { sheet, layout } = overviewPlan({ lang, formula: opts.mode === "functions" ? customFunctionFormula : sumifsFormula, charts: opts.charts });
  const blocks: BlockPlan[] = [...(sheet.blocks ?? [])];
  const charts: ChartPlan[] = [...(sheet.charts ?? [])];
  let row = layout.recoveryRow + 3;
  const sections = [
    { key: "projects" as const, title: t.projects, statuses: PROJECT_STATUSES },
    { key: "milestones" as const, title: t.milestones, statuses: MILESTONE_STATUSES },
  ];
  const statusRows: { key: string; header: number; first: number; last: number }[] = [];
  for (const s of sections) {
    const col = statusColumn(s.key);
    const header = row;
    blocks.push({ row: header, column: 0, values: [[s.title, t.count]], bold: true, fill: "#DDEBF7" });
    blocks.push({
      row: header + 1, column: 0,
      values: s.statuses.map((st) => [lang === "nl" ? st.label : `${st.label} (${st.en})`, { formula: `COUNTIF(${col},"${st.label.replace(/"/g, '""')}")` }]),
    });
    s.statuses.forEach((st, i) => blocks.push({ row: header + 1 + i, column: 0, values: [[null]], fill: st.fill }));
    const last = header + s.statuses.length;
    statusRows.push({ key: s.key, header, first: header + 1, last });
    if (opts.charts !== false) charts.push({ kind: "pie", title: s.title, range: `A${header}:B${last}`, anchor: s.key === "projects" ? "K44" : "K64", colours: s.statuses.map((st) => st.fill) });
    row = last + 3;
  }
  return { sheet: { ...sheet, blocks, charts }, layout: { ...layout, statusRows } as OverviewLayout & { statusRows: typeof statusRows } };
}

/** Build or refresh the overview: one read-free apply. */
export async function excelOverview(port: WorkbookPort, opts: { lang?: Lang; mode?: OverviewMode; charts?: boolean } = {}) {
  const { sheet, layout } = excelOverviewPlan(opts);
  await port.apply({ sheets: [sheet], activate: sheet.name });
  return layout;
}

/** The names of the template's data tables, for live validation. */
export const TEMPLATE_TABLES = SHEETS.map((s) => s.tableName);
