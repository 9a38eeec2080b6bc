/**
 * The `Overzicht` sheet: beleidsruimte (begroot and update), VAK, VEK and rates per speerpunt, cluster
 * and envelope, as formulas over the Financiering table so that it recalculates when a number changes.
 * By default plain SUMIFS/COUNTIFS over the computed columns "Cluster (berekend)", "Speerpunt (berekend)"
 * and "Envelop (berekend)" (they work in any spreadsheet program); the add-in passes its own formula
 * builder (custom functions). Charts are planned; hosts that cannot draw them (exceljs) skip them.
 */
import type { Measure } from "../../core/calc";
import { KEPT_SHEET, OVERVIEW_SHEET } from "../../core/template";
import {
  CLUSTER_LABELS,
  ENVELOPES,
  MILESTONE_STATUSES,
  PROJECT_STATUSES,
  SPEERPUNTEN,
  type Lang,
} from "../../core/vocabulary";
import { applyOwnSheet } from "./protect";
import type { ChartPlan, SheetPlan, WorkbookPort } from "../port";
import { planGroup, planning, planRecovery, planStatuses, T } from "./overview-parts";
import { SheetValues } from "./values";

export { sumifsFormula, sumifsResult } from "./overview-formulas";

export type OverviewFilter = { by: "cluster" | "speerpunt" | "envelop"; value: string } | null;
export type FormulaBuilder = (measure: Measure, filter: OverviewFilter) => string;

export interface OverviewOptions {
  lang?: Lang;
  formula?: FormulaBuilder;
  charts?: boolean;
  /**
   * The workbook's cells as they will be: with them, the plain formulas get their stored results (what
   * Excel will compute), for readers that do not calculate. Not used with another formula builder.
   */
  values?: SheetValues;
}

export interface OverviewLayout {
  /** Where each section's rows are: first data row, last data row and the total row (1-based). */
  sections: {
    by: "speerpunt" | "cluster" | "envelop";
    header: number;
    first: number;
    last: number;
    total: number;
    keys: string[];
  }[];
  recoveryRow: number;
  /** The counts of projects and milestones per status, in the status colours. */
  statusRows: { key: "projects" | "milestones"; header: number; first: number; last: number }[];
}

/** The titles our Overzicht sheet carries in A1: a sheet with another A1 is the user's own. */
export const OVERVIEW_TITLES: readonly string[] = [T.nl.title, T.en.title];

/** The Overzicht sheet plan and where things are. Columns: A label, B count, C–F amounts, G–I rates. */
export function overviewPlan(opts: OverviewOptions = {}): {
  sheet: SheetPlan;
  layout: OverviewLayout;
} {
  const p = planning(opts);
  const { t, lang, layout } = p;
  let row = 4;
  row = planGroup(p, row, {
    by: "speerpunt",
    title: t.speerpunt,
    items: SPEERPUNTEN.map((s) => ({ value: s, label: s })),
  });
  row = planGroup(p, row, {
    by: "cluster",
    title: t.cluster,
    items: CLUSTER_LABELS.map((c) => ({ value: c, label: c })),
  });
  row = planGroup(p, row, {
    by: "envelop",
    title: t.envelop,
    items: ENVELOPES.map((e) => ({ value: e.key, label: lang === "nl" ? e.label : e.en })),
  });
  row = planRecovery(p, row) + 3;
  const statusCharts: ChartPlan[] = [];
  for (const sec of [
    { key: "projects" as const, title: t.projects, statuses: PROJECT_STATUSES },
    { key: "milestones" as const, title: t.milestones, statuses: MILESTONE_STATUSES },
  ]) {
    statusCharts.push(planStatuses(p, row, sec));
    row = layout.statusRows[layout.statusRows.length - 1].last + 3;
  }
  const sp = layout.sections[0];
  const env = layout.sections[2];
  const charts: ChartPlan[] =
    opts.charts === false
      ? []
      : [
          { kind: "bar", title: t.chart1, range: `A${sp.header}:F${sp.last}`, anchor: "K4" },
          {
            kind: "pie",
            title: t.chart2,
            range: `A${env.header}:D${env.last}`,
            anchor: "K24",
            colours: ["#1F4E79", "#9DC3E6"],
          },
          ...statusCharts,
        ];
  return {
    sheet: {
      name: OVERVIEW_SHEET,
      mode: "replace",
      blocks: p.blocks,
      columnWidths: [60, 16, 22, 22, 22, 22, 14, 14, 14],
      freezeRows: 3,
      charts,
      tabColour: "#00B050",
    },
    layout,
  };
}

/** Build (or rebuild) the Overzicht sheet; a user's own sheet of that name is kept on Bewaard first. */
export async function buildOverview(
  port: WorkbookPort,
  opts: OverviewOptions & { activate?: boolean } = {}
): Promise<OverviewLayout> {
  // A host that stores results reads the whole workbook, so the formulas carry what they compute.
  const snapshot = await port.read(
    port.storesResults ? undefined : { sheets: [OVERVIEW_SHEET, KEPT_SHEET] }
  );
  const values = port.storesResults ? SheetValues.of(snapshot, null) : undefined;
  const { sheet, layout } = overviewPlan({ ...opts, values });
  await applyOwnSheet(port, snapshot, sheet, {
    titles: OVERVIEW_TITLES,
    lang: opts.lang ?? "nl",
    activate: opts.activate,
  });
  return layout;
}
