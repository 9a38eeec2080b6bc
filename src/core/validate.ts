/**
 * Validation: the read step's cell findings plus the rules across rows and sheets: unique codes,
 * references, cluster/speerpunt pairs, financial coherence, time against the meetmoment, indicators.
 */
import { effectiveBudget, realisatiegraad, roundHalfUp } from "./calc";
import { countBySeverity, type Finding } from "./findings";
import { FindingSink, isCanonicalQuarter, readRecords, yearOfQuarter, type RecordRef, type RecordRefs } from "./read";
import type { Records } from "./records";
import { ORIGINS, OPEN_MILESTONE_STATUSES, CLOSED_MILESTONE_STATUSES, isValidClusterSpeerpunt, speerpuntOfCluster, type Lang } from "./vocabulary";
import type { TableData } from "./table";
import { SHEET_BY_KEY } from "./template";

export interface ValidateOptions {
  /** ISO date of the measurement moment; without it the time rules are skipped (and a warning says so). */
  meetmoment?: string | null;
  lang?: Lang;
}

export interface ValidationResult {
  findings: Finding[];
  records: Records;
  errors: number;
  warnings: number;
}

/** Tolerance for euro comparisons: amounts are typed to the cent, sums may carry float noise. */
const EUR_TOLERANCE = 0.5;

export function validateTables(tables: readonly TableData[], opts: ValidateOptions = {}): ValidationResult {
  const sink = new FindingSink(opts.lang ?? "nl");
  const read = readRecords(tables, { sink });
  // A meetmoment that is not an ISO date counts as none (and the warning says the time rules were skipped).
  const meetmoment = opts.meetmoment && /^\d{4}-\d{2}-\d{2}$/.test(opts.meetmoment) ? opts.meetmoment : null;
  crossRules(read.records, read.refs, read.found, sink, meetmoment);
  const findings = sink.findings;
  return { findings, records: read.records, ...countBySeverity(findings) };
}

const HEADERS = Object.fromEntries(
  Object.entries(SHEET_BY_KEY).map(([k, spec]) => [k, Object.fromEntries(spec.columns.map((c) => [c.key, c.header]))]),
) as Record<keyof typeof SHEET_BY_KEY, Record<string, string>>;

function at(ref: RecordRef, key: string, sheet: keyof typeof SHEET_BY_KEY) {
  return { sheet: ref.sheet, row: ref.row, letter: ref.letters[key] ?? null, column: HEADERS[sheet][key] };
}

// Module-level copies of imported lists as sets: checked once per milestone row.
const OPEN = new Set<string>(OPEN_MILESTONE_STATUSES);
const CLOSED = new Set<string>(CLOSED_MILESTONE_STATUSES);
const QUARTER_END_MMDD = [0, 331, 630, 930, 1231];

/** "2022-06-01" → 20220601, for comparing with quarter ends without building strings. */
function dateNumber(iso: string): number {
  return Number(iso.slice(0, 4)) * 10000 + Number(iso.slice(5, 7)) * 100 + Number(iso.slice(8, 10));
}

function crossRules(
  rec: Records,
  refs: Record<keyof Records, RecordRefs>,
  found: Partial<Record<keyof Records, Set<string>>>,
  sink: FindingSink,
  meetmoment: string | null,
): void {
  // Projects: unique codes, cluster/speerpunt pairs, links.
  const firstRow = new Map<string, number>();
  for (let i = 0; i < rec.projects.length; i++) {
    const p = rec.projects[i];
    const ref = refs.projects;
    if (p.code) {
      const seen = firstRow.get(p.code);
      if (seen !== undefined) sink.add("code-duplicate", at(ref.get(i), "code", "projects"), p.code, p.code, { firstRow: seen });
      else firstRow.set(p.code, ref.row(i));
    }
    if (p.cluster && p.speerpunt && !isValidClusterSpeerpunt(p.cluster, p.speerpunt))
      sink.add("cluster-speerpunt", at(ref.get(i), "speerpunt", "projects"), p.code || null, p.speerpunt, { cluster: p.cluster, expected: speerpuntOfCluster(p.cluster) ?? "?" });
  }
  const projectsKnown = found.projects !== undefined;
  const known = (code: string) => !projectsKnown || firstRow.has(code);
  for (let i = 0; i < rec.projects.length; i++) {
    const k = rec.projects[i].koppeling;
    if (!k || !projectsKnown) continue;
    for (const m of k.matchAll(/\bVV\s?(\d{3})\b/gi)) {
      const code = "VV" + m[1];
      if (!firstRow.has(code)) sink.add("koppeling-unknown", at(refs.projects.get(i), "koppeling", "projects"), rec.projects[i].code || null, k, { code });
    }
  }

  // References from the other sheets.
  const refCheck = (sheet: "milestones" | "indicators" | "financing") => {
    const rows = rec[sheet] as { projectCode: string }[];
    for (let i = 0; i < rows.length; i++) {
      const code = rows[i].projectCode;
      if (code && !known(code)) sink.add("project-unknown", at(refs[sheet].get(i), "projectCode", sheet), code, code);
    }
  };
  refCheck("milestones");
  refCheck("indicators");
  refCheck("financing");

  // Financing: one row per project, coherence of the amounts.
  const finRow = new Map<string, number>();
  for (let i = 0; i < rec.financing.length; i++) {
    const f = rec.financing[i];
    const ref = refs.financing;
    if (f.projectCode) {
      const seen = finRow.get(f.projectCode);
      if (seen !== undefined) sink.add("financing-duplicate", at(ref.get(i), "projectCode", "financing"), f.projectCode, f.projectCode, { firstRow: seen });
      else finRow.set(f.projectCode, ref.row(i));
    }
    const code = f.projectCode || null;
    const budget = effectiveBudget(f);
    const budgetKnown = f.update !== null || f.begroot !== null;
    const vak = f.vak ?? 0;
    const vek = f.vek ?? 0;
    if (f.vek !== null && f.vak !== null && vek > vak + EUR_TOLERANCE) sink.add("vek-above-vak", at(ref.get(i), "vek", "financing"), code, vek, { vak });
    if (budgetKnown && budget > 0 && vak > budget + EUR_TOLERANCE) sink.add("vak-above-budget", at(ref.get(i), "vak", "financing"), code, vak, { budget });
    if (budgetKnown && budget === 0 && (vak > 0 || vek > 0))
      sink.add("spending-zero-budget", at(ref.get(i), f.vak ? "vak" : "vek", "financing"), code, Math.max(vak, vek));
    let sum = 0;
    let anyOrigin = false;
    for (const o of ORIGINS) {
      const x = f[o.key];
      if (x !== null && x !== undefined) {
        anyOrigin = true;
        sum += x;
      }
    }
    if (budgetKnown && anyOrigin && Math.abs(sum - budget) > EUR_TOLERANCE)
      sink.add("origins-sum", at(ref.get(i), ORIGINS[0].key, "financing"), code, sum, { budget, diff: sum - budget });
  }
  if (found.financing && projectsKnown) {
    for (let i = 0; i < rec.projects.length; i++) {
      const code = rec.projects[i].code;
      if (code && !finRow.has(code) && firstRow.get(code) === refs.projects.row(i))
        sink.add("financing-missing", at(refs.projects.get(i), "code", "projects"), code, code);
    }
  }

  // Milestones against the meetmoment; completed projects with open milestones.
  if (!meetmoment) sink.add("meetmoment-missing", { sheet: SHEET_BY_KEY.milestones.name }, null, null);
  const meetmomentNr = meetmoment ? dateNumber(meetmoment) : 0;
  const openByProject = new Map<string, { count: number; row: number }>();
  for (let i = 0; i < rec.milestones.length; i++) {
    const m = rec.milestones[i];
    const ref = refs.milestones;
    if (m.status && !CLOSED.has(m.status) && m.projectCode) {
      const o = openByProject.get(m.projectCode);
      if (o) o.count++;
      else openByProject.set(m.projectCode, { count: 1, row: ref.row(i) });
    }
    if (!meetmoment || !m.timing || !m.status) continue;
    if (!OPEN.has(m.status)) continue;
    // Timings in records are canonical ("2022 Q1"): does the quarter end before the meetmoment?
    if (isCanonicalQuarter(m.timing) && yearOfQuarter(m.timing) * 10000 + QUARTER_END_MMDD[m.timing.charCodeAt(6) - 48] < meetmomentNr)
      sink.add("milestone-overdue", at(ref.get(i), "status", "milestones"), m.projectCode || null, m.status, { timing: m.timing, meetmoment });
  }
  for (let i = 0; i < rec.projects.length; i++) {
    const p = rec.projects[i];
    if (p.status !== "Gerealiseerd" || !p.code) continue;
    const open = openByProject.get(p.code);
    if (open) sink.add("realised-open-milestones", at(refs.projects.get(i), "status", "projects"), p.code, p.status, { open: open.count, exampleRow: open.row });
  }

  // Indicators: targets, typed against computed realisatiegraad.
  for (let i = 0; i < rec.indicators.length; i++) {
    const ind = rec.indicators[i];
    const ref = refs.indicators;
    const code = ind.projectCode || null;
    const target = ind.streefwaarde;
    const real = ind.realisatie;
    const typed = ind.realisatiegraad;
    if (typeof target === "string") sink.add("target-not-number", at(ref.get(i), "streefwaarde", "indicators"), code, target);
    else if (target === 0 && real !== null) sink.add("target-zero", at(ref.get(i), "streefwaarde", "indicators"), code, target);
    if (typed === null) continue;
    if (typed < 0 || typed > 10) sink.add("percent-range", at(ref.get(i), "realisatiegraad", "indicators"), code, typed);
    if (real === null) {
      sink.add("realisatiegraad-without-realisatie", at(ref.get(i), "realisatiegraad", "indicators"), code, typed);
      continue;
    }
    if (typeof real !== "number" || typeof target !== "number") continue;
    const computed = realisatiegraad(real, target);
    if (!computed.ok) continue;
    if (!matchesTyped(typed, computed.value))
      sink.add("realisatiegraad-mismatch", at(ref.get(i), "realisatiegraad", "indicators"), code, typed, { computed: computed.value, expected: roundHalfUp(computed.value * 100, decimalsOf(typed)) / 100 });
  }
}

/** Decimals of a typed percentage (0.072 → 1, as in 7,2 %), at most 4. */
export function decimalsOf(fraction: number): number {
  const pctText = String(Number((fraction * 100).toPrecision(12)));
  const dot = pctText.indexOf(".");
  return dot < 0 ? 0 : Math.min(4, pctText.length - dot - 1);
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
