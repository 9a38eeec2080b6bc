/**
 * The parts of the Overzicht sheet, planned one after the other from a row: a section per speerpunt,
 * cluster or envelope (counts, amounts, rates, a total), the recovery budget row, and the counts per
 * status in the status colours. Their texts in Dutch and English.
 */
import {
  ENVELOPES,
  MILESTONE_STATUSES,
  PROJECT_STATUSES,
  RECOVERY_BUDGET_EUR,
  type Lang,
} from "../../core/vocabulary";
import type { BlockPlan, ChartPlan, WriteValue } from "../port";
import { MEASURES, type Measure } from "../../core/calc";
import type { FormulaBuilder, OverviewFilter, OverviewLayout, OverviewOptions } from "./overview";
import {
  cell,
  countFormula,
  countResult,
  statusColumn,
  sumifsFormula,
  sumifsResult,
} from "./overview-formulas";
import { countIfs, criterion, rateResult } from "./results";
import { columnRef, SheetValues, UNKNOWN, type Unknown } from "./values";

const EUR = '#,##0 "EUR"';
const PCT = "0.0%";

export const T = {
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

export function planning(opts: OverviewOptions): Planning {
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
export function planGroup(
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
export function planRecovery(p: Planning, row: number): number {
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
export function planStatuses(
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
