/**
 * The `Overzicht` sheet: beleidsruimte (begroot and update), VAK, VEK and rates per speerpunt, cluster
 * and envelope, as formulas over the Financiering table so that it recalculates when a number changes.
 * By default plain SUMIFS/COUNTIFS over the computed columns "Cluster (berekend)", "Speerpunt (berekend)"
 * and "Envelop (berekend)" (they work in any spreadsheet program); the add-in passes its own formula
 * builder (custom functions). Charts are planned; hosts that cannot draw them (exceljs) skip them.
 */
import type { Measure } from "../../core/calc";
import { columnLetter } from "../../core/cells";
import { KEPT_SHEET, OVERVIEW_SHEET, SHEET_BY_KEY } from "../../core/template";
import {
  CLUSTER_LABELS,
  ENVELOPES,
  MILESTONE_STATUSES,
  PROJECT_STATUSES,
  RECOVERY_BUDGET_EUR,
  SPEERPUNTEN,
  type Lang,
} from "../../core/vocabulary";
import { protectUserSheets } from "./protect";
import type { BlockPlan, ChartPlan, SheetPlan, WorkbookPort, WriteValue } from "../port";
import { countIfs, criterion, rateResult, sumIfs } from "./results";
import { columnRef, SheetValues, UNKNOWN, type Unknown } from "./values";

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

const EUR = '#,##0 "EUR"';
const PCT = "0.0%";

const fin = SHEET_BY_KEY.financing;
function finColumn(key: string): string {
  const i = fin.columns.findIndex((c) => c.key === key);
  if (i < 0) throw new Error(`Financiering has no column ${key}`);
  const l = columnLetter(i);
  return `${fin.name}!$${l}:$${l}`;
}
const q = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** SUMIFS over the Financiering sheet. `update` is the effective budget: the update where filled in, else begroot. */
export const sumifsFormula: FormulaBuilder = (measure, filter) => {
  const crit = filter ? `,${finColumn(filter.by)},${q(filter.value)}` : "";
  const sum = (key: string, extra = "") =>
    crit || extra ? `SUMIFS(${finColumn(key)}${crit}${extra})` : `SUM(${finColumn(key)})`;
  if (measure === "update")
    return `${sum("update")}+${sum("begroot")}-${sum("begroot", `,${finColumn("update")},"<>"`)}`;
  return sum(measure);
};

const finRef = (key: string) => columnRef(finColumn(key));
const filterCriteria = (filter: OverviewFilter) =>
  filter ? [{ range: finRef(filter.by), criterion: criterion(filter.value) }] : [];

/** What `sumifsFormula` computes, on the workbook's cells. */
export function sumifsResult(
  measure: Measure,
  filter: OverviewFilter,
  values: SheetValues
): number | Unknown {
  const crit = filterCriteria(filter);
  const sum = (key: string, extra: Parameters<typeof sumIfs>[2] = []) =>
    sumIfs(values, finRef(key), [...crit, ...extra]);
  if (measure !== "update") return sum(measure);
  const parts = [
    sum("update"),
    sum("begroot"),
    sum("begroot", [{ range: finRef("update"), criterion: criterion("<>") }]),
  ];
  if (parts.includes(UNKNOWN)) return UNKNOWN;
  const [u, b, replaced] = parts as number[];
  return u + b - replaced;
}

function countResult(filter: OverviewFilter, values: SheetValues): number | Unknown {
  return filter
    ? countIfs(values, filterCriteria(filter))
    : countIfs(values, [{ range: finRef("projectCode"), criterion: criterion("VV*") }]);
}

/** A formula cell, with its stored result when it is known. */
function cell(formula: string, result: string | number | Unknown | undefined): WriteValue {
  return result === undefined || result === UNKNOWN ? { formula } : { formula, result };
}

function countFormula(filter: OverviewFilter): string {
  return filter
    ? `COUNTIFS(${finColumn(filter.by)},${q(filter.value)})`
    : `COUNTIFS(${finColumn("projectCode")},"VV*")`;
}

const T = {
  nl: {
    title: "Overzicht: beleidsruimte, vastleggingen (VAK) en vereffeningen (VEK)",
    sub: "Formules over het tabblad Financiering: ze rekenen mee als een bedrag wijzigt. Beleidsruimte (update) is de bijgestelde beleidsruimte, of de begrote waar er geen bijstelling is.",
    cols: [
      "Aantal projecten",
      "Beleidsruimte (begroot)",
      "Beleidsruimte (update)",
      "Uitvoering VAK",
      "Uitvoering VEK",
      "VAK / update",
      "VEK / update",
      "VEK / VAK",
    ],
    speerpunt: "Speerpunt",
    cluster: "Cluster",
    envelop: "Envelop",
    total: "Totaal",
    recovery: "VV001–VV158 tegenover het relancebudget van 4,3 miljard",
    recoveryCols: ["Relancebudget", "VAK", "VEK", "VAK / budget", "VEK / budget"],
    chart1: "VAK en VEK per speerpunt",
    chart2: "Beleidsruimte per envelop",
    projects: "Projecten per status",
    milestones: "Mijlpalen per status",
    count: "Aantal",
  },
  en: {
    title: "Overview: budget, commitments (VAK) and payments (VEK)",
    sub: "Formulas over the Financiering sheet: they recalculate when an amount changes. Budget (update) is the revised budget, or the original where none was revised.",
    cols: [
      "Projects",
      "Budget",
      "Budget (update)",
      "Commitments (VAK)",
      "Payments (VEK)",
      "VAK / update",
      "VEK / update",
      "VEK / VAK",
    ],
    speerpunt: "Spearhead",
    cluster: "Cluster",
    envelop: "Envelope",
    total: "Total",
    recovery: "VV001–VV158 against the 4.3 billion recovery budget",
    recoveryCols: ["Recovery budget", "VAK", "VEK", "VAK / budget", "VEK / budget"],
    chart1: "VAK and VEK per spearhead",
    chart2: "Budget per envelope",
    projects: "Projects per status",
    milestones: "Milestones per status",
    count: "Count",
  },
} as const;

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

/** A whole status column of a template sheet, for COUNTIF: `Mijlpalen!$D:$D`. */
function statusColumn(key: "projects" | "milestones"): string {
  const spec = SHEET_BY_KEY[key];
  const i = spec.columns.findIndex((c) => c.key === "status");
  if (i < 0) throw new Error(`${spec.name} has no status column`);
  const l = columnLetter(i);
  return `${spec.name}!$${l}:$${l}`;
}

/** The Overzicht sheet plan and where things are. Columns: A label, B count, C–F amounts, G–I rates. */
/** What the parts of the sheet share while it is planned: texts, formulas, stored results, the plan so far. */
interface Planning {
  lang: Lang;
  t: (typeof T)[Lang];
  f: FormulaBuilder;
  values: SheetValues | undefined;
  sumOf: (m: Measure, fl: OverviewFilter) => number | Unknown | undefined;
  blocks: BlockPlan[];
  layout: OverviewLayout;
}

const MEASURES: Measure[] = ["begroot", "update", "vak", "vek"];

function planning(opts: OverviewOptions): Planning {
  const lang = opts.lang ?? "nl";
  const f = opts.formula ?? sumifsFormula;
  // Stored results only for the plain formulas, whose semantics results.ts follows.
  const values = f === sumifsFormula ? opts.values : undefined;
  // Each sum is used by its cell and by the rates of its row: computed once.
  const sums = new Map<string, number | Unknown>();
  const sumOf = (m: Measure, fl: OverviewFilter) => {
    if (!values) return undefined;
    const key = `${m}|${fl?.by ?? ""}|${fl?.value ?? ""}`;
    if (!sums.has(key)) sums.set(key, sumifsResult(m, fl, values));
    return sums.get(key);
  };
  const t = T[lang];
  return {
    lang,
    t,
    f,
    values,
    sumOf,
    blocks: [
      { row: 1, column: 0, values: [[t.title]], bold: true },
      { row: 2, column: 0, values: [[t.sub]] },
    ],
    layout: { sections: [], recoveryRow: 0, statusRows: [] },
  };
}

/** G, H and I of a row: VAK/update, VEK/update, VEK/VAK, from the row's sums. */
function rateCells(p: Planning, r: number, fl: OverviewFilter): WriteValue[] {
  const [update, vak, vek] = (["update", "vak", "vek"] as const).map(
    (m) => p.sumOf(m, fl) ?? UNKNOWN
  );
  return [
    cell(`IF(D${r}>0,E${r}/D${r},"")`, p.values && rateResult(vak, update)),
    cell(`IF(D${r}>0,F${r}/D${r},"")`, p.values && rateResult(vek, update)),
    cell(`IF(E${r}>0,F${r}/E${r},"")`, p.values && rateResult(vek, vak)),
  ];
}

/** One section (per speerpunt, cluster or envelope) from `row`: count, amounts and rates per item, a total. */
function planGroup(
  p: Planning,
  row: number,
  g: {
    by: "speerpunt" | "cluster" | "envelop";
    title: string;
    items: { value: string; label: string }[];
  }
): number {
  const { t, values, blocks } = p;
  const header = row;
  blocks.push({
    row: header,
    column: 0,
    values: [[g.title, ...t.cols]],
    bold: true,
    fill: "#DDEBF7",
  });
  const first = header + 1;
  const filters: OverviewFilter[] = [...g.items.map((it) => ({ by: g.by, value: it.value })), null];
  const labels = [...g.items.map((it) => it.label), t.total];
  const last = first + g.items.length - 1;
  const total = last + 1;
  blocks.push({ row: first, column: 0, values: labels.map((l) => [l]) });
  blocks.push({
    row: first,
    column: 1,
    values: filters.map((fl) => [cell(countFormula(fl), values && countResult(fl, values))]),
  });
  blocks.push({
    row: first,
    column: 2,
    values: filters.map((fl) => MEASURES.map((m) => cell(p.f(m, fl), p.sumOf(m, fl)))),
    numFmt: EUR,
  });
  blocks.push({
    row: first,
    column: 6,
    values: filters.map((fl, i) => rateCells(p, first + i, fl)),
    numFmt: PCT,
  });
  blocks.push({ row: total, column: 0, values: [[t.total]], bold: true });
  p.layout.sections.push({
    by: g.by,
    header,
    first,
    last,
    total,
    keys: g.items.map((it) => it.value),
  });
  return total + 2;
}

/** The recovery budget against the VAK and VEK of the relance envelope, from `row`. */
function planRecovery(p: Planning, row: number): number {
  const { t, lang, values, blocks, sumOf } = p;
  const rr = row + 1;
  blocks.push({
    row,
    column: 0,
    values: [[t.recovery, ...t.recoveryCols]],
    bold: true,
    fill: "#DDEBF7",
  });
  const relance: OverviewFilter = { by: "envelop", value: "relance" };
  blocks.push({ row: rr, column: 0, values: [[ENVELOPES[0][lang === "nl" ? "label" : "en"]]] });
  blocks.push({
    row: rr,
    column: 1,
    values: [
      [
        RECOVERY_BUDGET_EUR,
        cell(p.f("vak", relance), sumOf("vak", relance)),
        cell(p.f("vek", relance), sumOf("vek", relance)),
      ],
    ],
    numFmt: EUR,
  });
  blocks.push({
    row: rr,
    column: 4,
    values: [
      [
        cell(
          `IF(B${rr}>0,C${rr}/B${rr},"")`,
          values && rateResult(sumOf("vak", relance) ?? UNKNOWN, RECOVERY_BUDGET_EUR)
        ),
        cell(
          `IF(B${rr}>0,D${rr}/B${rr},"")`,
          values && rateResult(sumOf("vek", relance) ?? UNKNOWN, RECOVERY_BUDGET_EUR)
        ),
      ],
    ],
    numFmt: PCT,
  });
  p.layout.recoveryRow = rr;
  return rr;
}

/** Projects or milestones counted per status from `row`, each label in its colours; returns its pie chart. */
function planStatuses(
  p: Planning,
  row: number,
  sec: {
    key: "projects" | "milestones";
    title: string;
    statuses: typeof PROJECT_STATUSES | typeof MILESTONE_STATUSES;
  }
): ChartPlan {
  const { t, lang, values, blocks } = p;
  const col = statusColumn(sec.key);
  const header = row;
  blocks.push({
    row: header,
    column: 0,
    values: [[sec.title, t.count]],
    bold: true,
    fill: "#DDEBF7",
  });
  blocks.push({
    row: header + 1,
    column: 1,
    values: sec.statuses.map((st) => [
      cell(
        `COUNTIF(${col},"${st.label.replace(/"/g, '""')}")`,
        values && countIfs(values, [{ range: columnRef(col), criterion: criterion(st.label) }])
      ),
    ]),
  });
  // Each status label in its own colours, as in the report.
  sec.statuses.forEach((st, i) =>
    blocks.push({
      row: header + 1 + i,
      column: 0,
      values: [[lang === "nl" ? st.label : `${st.label} (${st.en})`]],
      fill: st.fill,
      font: st.font,
    })
  );
  const last = header + sec.statuses.length;
  p.layout.statusRows.push({ key: sec.key, header, first: header + 1, last });
  return {
    kind: "pie",
    title: sec.title,
    range: `A${header}:B${last}`,
    anchor: sec.key === "projects" ? "K44" : "K64",
    colours: sec.statuses.map((st) => st.fill),
  };
}

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
  await port.apply(
    protectUserSheets(
      snapshot,
      { sheets: [sheet], activate: opts.activate ? sheet.name : undefined },
      OVERVIEW_TITLES,
      opts.lang ?? "nl"
    )
  );
  return layout;
}
