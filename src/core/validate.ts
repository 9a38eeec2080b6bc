/**
 * Validation: the read step's cell findings plus the rules across rows and sheets: unique codes,
 * references, cluster/speerpunt pairs, financial coherence, time against the meetmoment, indicators.
 */
import { effectiveBudget, realisatiegraad, roundHalfUp } from "./calc";
import { countBySeverity, type Finding } from "./findings";
import {
  FindingSink,
  isCanonicalQuarter,
  readColumns,
  recordsOf,
  yearOfQuarter,
  type ReadResult,
  type RecordRef,
  type RecordRefs,
  type SheetColumns,
} from "./read";
import type { Financing, Indicator, Milestone, Project, SheetKey } from "./schema";
import type { Records } from "./records";
import {
  ORIGINS,
  OPEN_MILESTONE_STATUSES,
  CLOSED_MILESTONE_STATUSES,
  isValidClusterSpeerpunt,
  speerpuntOfCluster,
  type Lang,
} from "./vocabulary";
import type { TableData } from "./table";
import { SHEET_BY_KEY } from "./template";

export interface ValidateOptions {
  /** ISO date of the measurement moment; without it the time rules are skipped (and a warning says so). */
  meetmoment?: string | null;
  lang?: Lang;
}

export interface ValidationResult {
  findings: Finding[];
  /** The typed records, built on first use (validation itself works on columns). */
  readonly records: Records;
  errors: number;
  warnings: number;
  /** What was read, as columns with where each record came from, and per table the rows left out. */
  reading: Pick<ReadResult, "columns" | "refs" | "found" | "tables">;
}

/** Tolerance for euro comparisons: amounts are typed to the cent, sums may carry float noise. */
const EUR_TOLERANCE = 0.5;

export function validateTables(
  tables: readonly TableData[],
  opts: ValidateOptions = {}
): ValidationResult {
  const sink = new FindingSink(opts.lang ?? "nl");
  const read = readColumns(tables, { sink });
  // A meetmoment that is not an ISO date counts as none (and the warning says the time rules were skipped).
  const meetmoment =
    opts.meetmoment && /^\d{4}-\d{2}-\d{2}$/.test(opts.meetmoment) ? opts.meetmoment : null;
  crossRules(read.columns, read.refs, read.found, sink, meetmoment);
  const findings = sink.findings;
  let records: Records | undefined;
  return {
    findings,
    ...countBySeverity(findings),
    reading: { columns: read.columns, refs: read.refs, found: read.found, tables: read.tables },
    get records() {
      return (records ??= recordsOf(read.columns));
    },
  };
}

const HEADERS = Object.fromEntries(
  Object.entries(SHEET_BY_KEY).map(([k, spec]) => [
    k,
    Object.fromEntries(spec.columns.map((c) => [c.key, c.header])),
  ])
) as Record<keyof typeof SHEET_BY_KEY, Record<string, string>>;

function at(ref: RecordRef, key: string, sheet: keyof typeof SHEET_BY_KEY) {
  return {
    sheet: ref.sheet,
    row: ref.row,
    letter: ref.letters[key] ?? null,
    column: HEADERS[sheet][key],
    target: sheet,
  };
}

// Module-level copies of imported lists as sets: checked once per milestone row.
const OPEN = new Set<string>(OPEN_MILESTONE_STATUSES);
const CLOSED = new Set<string>(CLOSED_MILESTONE_STATUSES);
const QUARTER_END_MMDD = [0, 331, 630, 930, 1231];

/** "2022-06-01" → 20220601, for comparing with quarter ends without building strings. */
function dateNumber(iso: string): number {
  return Number(iso.slice(0, 4)) * 10000 + Number(iso.slice(5, 7)) * 100 + Number(iso.slice(8, 10));
}

/** A sheet's columns typed after its record type (Project → code: string[], ...). */
type ColumnsOf<T> = { readonly [K in keyof T]-?: readonly T[K][] };
const typed = <T>(c: SheetColumns) => c.cols as unknown as ColumnsOf<T>;

function crossRules(
  cols: Record<SheetKey, SheetColumns>,
  refs: Record<SheetKey, RecordRefs>,
  found: Partial<Record<SheetKey, Set<string>>>,
  sink: FindingSink,
  meetmoment: string | null
): void {
  const P = typed<Project>(cols.projects);
  const nP = cols.projects.length;
  // Projects: unique codes, cluster/speerpunt pairs, links.
  const firstRow = new Map<string, number>();
  for (let i = 0; i < nP; i++) {
    const code = P.code[i];
    if (code) {
      const seen = firstRow.get(code);
      if (seen !== undefined)
        sink.add("code-duplicate", at(refs.projects.get(i), "code", "projects"), code, code, {
          firstRow: seen,
        });
      else firstRow.set(code, refs.projects.row(i));
    }
    const cluster = P.cluster[i];
    const speerpunt = P.speerpunt[i];
    if (cluster && speerpunt && !isValidClusterSpeerpunt(cluster, speerpunt))
      sink.add(
        "cluster-speerpunt",
        at(refs.projects.get(i), "speerpunt", "projects"),
        code || null,
        speerpunt,
        { cluster, expected: speerpuntOfCluster(cluster) ?? "?" }
      );
  }
  const projectsKnown = found.projects !== undefined;
  for (let i = 0; i < nP; i++) {
    const k = P.koppeling[i];
    if (!k || !projectsKnown) continue;
    for (const m of k.matchAll(/\bVV\s?(\d{3})\b/gi)) {
      const code = "VV" + m[1];
      if (!firstRow.has(code))
        sink.add(
          "koppeling-unknown",
          at(refs.projects.get(i), "koppeling", "projects"),
          P.code[i] || null,
          k,
          { code }
        );
    }
  }

  // References from the other sheets.
  if (projectsKnown)
    for (const sheet of ["milestones", "indicators", "financing"] as const) {
      const codes = typed<{ projectCode: string }>(cols[sheet]).projectCode;
      for (let i = 0; i < codes.length; i++) {
        const code = codes[i];
        if (code && !firstRow.has(code))
          sink.add("project-unknown", at(refs[sheet].get(i), "projectCode", sheet), code, code);
      }
    }

  // Financing: one row per project, coherence of the amounts.
  const F = typed<Financing>(cols.financing);
  const origins = ORIGINS.map((o) => F[o.key]);
  const finRow = new Map<string, number>();
  for (let i = 0; i < cols.financing.length; i++) {
    const projectCode = F.projectCode[i];
    if (projectCode) {
      const seen = finRow.get(projectCode);
      if (seen !== undefined)
        sink.add(
          "financing-duplicate",
          at(refs.financing.get(i), "projectCode", "financing"),
          projectCode,
          projectCode,
          { firstRow: seen }
        );
      else finRow.set(projectCode, refs.financing.row(i));
    }
    const code = projectCode || null;
    const fv = F.vak[i];
    const fe = F.vek[i];
    const budget = effectiveBudget({ begroot: F.begroot[i], update: F.update[i] });
    const budgetKnown = F.update[i] !== null || F.begroot[i] !== null;
    const vak = fv ?? 0;
    const vek = fe ?? 0;
    if (fe !== null && fv !== null && vek > vak + EUR_TOLERANCE)
      sink.add("vek-above-vak", at(refs.financing.get(i), "vek", "financing"), code, vek, { vak });
    if (budgetKnown && budget > 0 && vak > budget + EUR_TOLERANCE)
      sink.add("vak-above-budget", at(refs.financing.get(i), "vak", "financing"), code, vak, {
        budget,
      });
    if (budgetKnown && budget === 0 && (vak > 0 || vek > 0))
      sink.add(
        "spending-zero-budget",
        at(refs.financing.get(i), fv ? "vak" : "vek", "financing"),
        code,
        Math.max(vak, vek)
      );
    let sum = 0;
    let anyOrigin = false;
    for (let o = 0; o < origins.length; o++) {
      const x = origins[o][i];
      if (x !== null && x !== undefined) {
        anyOrigin = true;
        sum += x;
      }
    }
    if (budgetKnown && anyOrigin && Math.abs(sum - budget) > EUR_TOLERANCE)
      sink.add("origins-sum", at(refs.financing.get(i), ORIGINS[0].key, "financing"), code, sum, {
        budget,
        diff: sum - budget,
      });
  }
  if (found.financing && projectsKnown) {
    for (let i = 0; i < nP; i++) {
      const code = P.code[i];
      if (code && !finRow.has(code) && firstRow.get(code) === refs.projects.row(i))
        sink.add("financing-missing", at(refs.projects.get(i), "code", "projects"), code, code);
    }
  }

  // Milestones against the meetmoment; completed projects with open milestones.
  if (!meetmoment)
    sink.add(
      "meetmoment-missing",
      { sheet: SHEET_BY_KEY.milestones.name, target: "milestones" },
      null,
      null
    );
  const meetmomentNr = meetmoment ? dateNumber(meetmoment) : 0;
  // Open milestones are counted only for completed projects: the only ones the rule looks at.
  const realised = new Set<string>();
  for (let i = 0; i < nP; i++)
    if (P.status[i] === "Gerealiseerd" && P.code[i]) realised.add(P.code[i]);
  const M = typed<Milestone>(cols.milestones);
  const openByProject = new Map<string, { count: number; row: number }>();
  for (let i = 0; i < cols.milestones.length; i++) {
    const status = M.status[i];
    const projectCode = M.projectCode[i];
    if (realised.size && status && !CLOSED.has(status) && realised.has(projectCode)) {
      const o = openByProject.get(projectCode);
      if (o) o.count++;
      else openByProject.set(projectCode, { count: 1, row: refs.milestones.row(i) });
    }
    const timing = M.timing[i];
    if (!meetmoment || !timing || !status) continue;
    if (!OPEN.has(status)) continue;
    // Timings in records are canonical ("2022 Q1"): does the quarter end before the meetmoment?
    if (
      isCanonicalQuarter(timing) &&
      yearOfQuarter(timing) * 10000 + QUARTER_END_MMDD[timing.charCodeAt(6) - 48] < meetmomentNr
    )
      sink.add(
        "milestone-overdue",
        at(refs.milestones.get(i), "status", "milestones"),
        projectCode || null,
        status,
        { timing, meetmoment }
      );
  }
  for (let i = 0; i < nP; i++) {
    const code = P.code[i];
    if (P.status[i] !== "Gerealiseerd" || !code) continue;
    const open = openByProject.get(code);
    if (open)
      sink.add(
        "realised-open-milestones",
        at(refs.projects.get(i), "status", "projects"),
        code,
        P.status[i],
        { open: open.count, exampleRow: open.row }
      );
  }

  // Indicators: targets, typed against computed realisatiegraad.
  const I = typed<Indicator>(cols.indicators);
  for (let i = 0; i < cols.indicators.length; i++) {
    const code = I.projectCode[i] || null;
    const target = I.streefwaarde[i];
    const real = I.realisatie[i];
    const typed = I.realisatiegraad[i];
    if (typeof target === "string")
      sink.add(
        "target-not-number",
        at(refs.indicators.get(i), "streefwaarde", "indicators"),
        code,
        target
      );
    else if (target === 0 && real !== null)
      sink.add(
        "target-zero",
        at(refs.indicators.get(i), "streefwaarde", "indicators"),
        code,
        target
      );
    if (typed === null) continue;
    if (typed < 0 || typed > 10)
      sink.add(
        "percent-range",
        at(refs.indicators.get(i), "realisatiegraad", "indicators"),
        code,
        typed
      );
    if (real === null) {
      sink.add(
        "realisatiegraad-without-realisatie",
        at(refs.indicators.get(i), "realisatiegraad", "indicators"),
        code,
        typed
      );
      continue;
    }
    if (typeof real !== "number" || typeof target !== "number") continue;
    const computed = realisatiegraad(real, target);
    if (!computed.ok) continue;
    if (!matchesTyped(typed, computed.value))
      sink.add(
        "realisatiegraad-mismatch",
        at(refs.indicators.get(i), "realisatiegraad", "indicators"),
        code,
        typed,
        {
          computed: computed.value,
          expected: roundHalfUp(computed.value * 100, decimalsOf(typed)) / 100,
        }
      );
  }
}

/** Decimals of a typed percentage (0.072 → 1, as in 7,2 %), at most 4. */
export function decimalsOf(fraction: number): number {
  let x = fraction * 100;
  for (let d = 0; d < 4; d++, x *= 10)
    if (Math.abs(x - Math.round(x)) < 1e-7 * Math.max(1, Math.abs(x))) return d;
  return 4;
}

/**
 * A typed realisatiegraad matches the computed one when it equals the computed value rounded half-up to
 * the typed number of decimals, or when it is 100 % for a computed value above 100 % (capped).
 */
export function matchesTyped(typed: number, computed: number): boolean {
  const d = decimalsOf(typed);
  const a = roundHalfUp(typed * 100, d);
  const b = roundHalfUp(computed * 100, d);
  if (Math.abs(a - b) < 1e-9) return true;
  return Math.abs(typed - 1) < 1e-12 && computed > 1;
}
