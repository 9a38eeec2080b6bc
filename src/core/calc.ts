/**
 * Calculations controllers make: realisatiegraad, half-up rounding, totals and rates of beleidsruimte,
 * VAK and VEK per project, cluster, speerpunt and envelope. Pure functions on typed records.
 */
import { envelopeOf, ENVELOPES, RECOVERY_BUDGET_EUR, type Lang } from "./vocabulary";
import type { Financing, Project } from "./schema";

export type CalcError = "div0" | "value" | "na";
export type CalcResult =
  | { ok: true; value: number }
  | { ok: false; error: CalcError; message: { nl: string; en: string } };

export interface RealisatiegraadOptions {
  /** Starting value: progress is (realisatie − baseline) / (streefwaarde − baseline). Covers "lower is better". */
  baseline?: number | null;
  /** Cap the result at 100 %. */
  cap?: boolean;
}

/** Realisatiegraad as a fraction (0.072 for 7,2 %), unrounded. A target equal to the baseline (or 0) is an error. */
export function realisatiegraad(
  realisatie: number | null | undefined,
  streefwaarde: number | null | undefined,
  opts: RealisatiegraadOptions = {}
): CalcResult {
  if (realisatie === null || realisatie === undefined || !Number.isFinite(realisatie))
    return {
      ok: false,
      error: "na",
      message: { nl: "Geen realisatie ingevuld.", en: "No realised value." },
    };
  if (streefwaarde === null || streefwaarde === undefined || !Number.isFinite(streefwaarde))
    return {
      ok: false,
      error: "na",
      message: { nl: "Geen streefwaarde als getal.", en: "No numeric target." },
    };
  const base = opts.baseline ?? 0;
  if (!Number.isFinite(base))
    return {
      ok: false,
      error: "value",
      message: { nl: "De beginwaarde is geen getal.", en: "The baseline is not a number." },
    };
  const span = streefwaarde - base;
  if (span === 0)
    return {
      ok: false,
      error: "div0",
      message:
        base === 0
          ? {
              nl: "De streefwaarde is 0: de realisatiegraad kan niet berekend worden.",
              en: "The target is 0: no degree of realisation.",
            }
          : {
              nl: "De streefwaarde is gelijk aan de beginwaarde.",
              en: "The target equals the baseline.",
            },
    };
  let value = (realisatie - base) / span;
  if (opts.cap && value > 1) value = 1;
  return { ok: true, value };
}

/**
 * Half-up rounding to `decimals` places, as the report prints (7,25 → 7,3). Works on the decimal text
 * so that 1.005 rounds to 1.01 despite binary floating point.
 */
export function roundHalfUp(x: number, decimals = 0): number {
  if (!Number.isFinite(x)) return x;
  const d = Math.max(0, Math.min(15, Math.trunc(decimals)));
  const sign = x < 0 ? -1 : 1;
  const abs = Math.abs(x);
  const f = 10 ** d;
  const y = abs * f;
  // Fast path: far from a half, binary noise cannot change the result.
  if (Math.abs(y - Math.floor(y) - 0.5) > 1e-6) return (sign * Math.round(y)) / f;
  const shifted = Number(`${abs}e${d}`);
  const rounded = Math.floor(shifted + 0.5 + 1e-9);
  return sign * Number(`${rounded}e-${d}`);
}

/** A rate, or null when the base is 0 or missing (never Infinity). */
export function rate(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

export type GroupBy = "cluster" | "speerpunt" | "project" | "envelop";

/**
 * An amount that totals add up: beleidsruimte begroot, beleidsruimte update (the budget that counts: the
 * update where given, else begroot), VAK and VEK. The overview, the custom functions and their formulas
 * speak of these four.
 */
export type Measure = "begroot" | "update" | "vak" | "vek";
export const MEASURES: readonly Measure[] = ["begroot", "update", "vak", "vek"];

export interface TotalsRow {
  key: string;
  label: string;
  count: number;
  begroot: number;
  update: number;
  vak: number;
  vek: number;
  /** VAK / update, VEK / update, VEK / VAK: fractions, null when the base is 0. */
  vakRate: number | null;
  vekRate: number | null;
  vekOnVak: number | null;
}

export interface Totals {
  by: GroupBy;
  groups: TotalsRow[];
  total: TotalsRow;
  /**
   * For VV001–VV158: VAK and VEK against the 4.3 billion recovery budget; `beleidsruimte` is their own
   * beleidsruimte (update, else begroot), the base `kerncijfers` uses (4.303.972.320 EUR in June 2022).
   */
  recovery: {
    budget: number;
    vak: number;
    vek: number;
    vakRate: number;
    vekRate: number;
    beleidsruimte: number;
  };
}

/** The budget that counts: the update when filled in, else the original. */
export function effectiveBudget(f: Pick<Financing, "begroot" | "update">): number {
  return f.update ?? f.begroot ?? 0;
}

function row(key: string, label: string): TotalsRow {
  return {
    key,
    label,
    count: 0,
    begroot: 0,
    update: 0,
    vak: 0,
    vek: 0,
    vakRate: null,
    vekRate: null,
    vekOnVak: null,
  };
}
/** The financing fields totals read: hosts may pass lighter rows than whole records. */
export type FinancingAmounts = Pick<
  Financing,
  "projectCode" | "begroot" | "update" | "vak" | "vek"
>;

function add(r: TotalsRow, f: FinancingAmounts) {
  r.count++;
  r.begroot += f.begroot ?? 0;
  r.update += effectiveBudget(f);
  r.vak += f.vak ?? 0;
  r.vek += f.vek ?? 0;
}
function finish(r: TotalsRow): TotalsRow {
  r.vakRate = rate(r.vak, r.update);
  r.vekRate = rate(r.vek, r.update);
  r.vekOnVak = rate(r.vek, r.vak);
  return r;
}

const byKey = (a: TotalsRow, b: TotalsRow) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
/** Envelopes in the plan's order (relance, then regulier), as on the Overzicht; "?" last. */
const envelopeRank = (key: string) => {
  const i = ENVELOPES.findIndex((e) => e.key === key);
  return i < 0 ? ENVELOPES.length : i;
};
const byEnvelope = (a: TotalsRow, b: TotalsRow) => envelopeRank(a.key) - envelopeRank(b.key);

/**
 * Totals of the financing rows grouped by cluster, speerpunt, project or envelope. `update` is the
 * effective budget (update, or begroot where no update was given). Groups sort by key (envelopes in the
 * plan's order, as on the Overzicht); financing rows
 * whose project is unknown go to a group "?" so that no euro disappears from the total.
 */
export function totals(
  projects: readonly Pick<Project, "code" | "title" | "cluster" | "speerpunt">[],
  financing: readonly FinancingAmounts[],
  by: GroupBy,
  lang: Lang = "nl"
): Totals {
  const byCode = new Map(projects.map((p) => [p.code, p]));
  const groups = new Map<string, TotalsRow>();
  const total = row("totaal", lang === "nl" ? "Totaal" : "Total");
  const unknown = lang === "nl" ? "Onbekend project" : "Unknown project";
  let rvak = 0;
  let rbudgetCents = 0;
  let rvek = 0;
  for (const f of financing) {
    const p = byCode.get(f.projectCode);
    let key: string;
    let label: string;
    if (by === "project") {
      // The code is the key; the label the project's full title (a code not on Projecten says so).
      key = f.projectCode || "?";
      label = p?.title ?? unknown;
    } else if (by === "envelop") {
      const e = envelopeOf(f.projectCode);
      const def = ENVELOPES.find((x) => x.key === e);
      key = e ?? "?";
      label = def ? (lang === "nl" ? def.label : def.en) : "?";
    } else {
      // A project whose cluster or speerpunt could not be read goes to "?" too: its euros stay in the total.
      key = (p && (by === "cluster" ? p.cluster : p.speerpunt)) || "?";
      label = key === "?" ? unknown : key;
    }
    let g = groups.get(key);
    if (!g) groups.set(key, (g = row(key, label)));
    add(g, f);
    add(total, f);
    if (envelopeOf(f.projectCode) === "relance") {
      rvak += f.vak ?? 0;
      rvek += f.vek ?? 0;
      rbudgetCents += Math.round(effectiveBudget(f) * 100);
    }
  }
  const sorted = [...groups.values()].sort(by === "envelop" ? byEnvelope : byKey).map(finish);
  return {
    by,
    groups: sorted,
    total: finish(total),
    recovery: {
      budget: RECOVERY_BUDGET_EUR,
      vak: rvak,
      vek: rvek,
      vakRate: rvak / RECOVERY_BUDGET_EUR,
      vekRate: rvek / RECOVERY_BUDGET_EUR,
      beleidsruimte: rbudgetCents / 100,
    },
  };
}
