/**
 * What changed between two meetmomenten: per project its status, VAK and VEK; projects added and
 * removed; milestones completed, newly delayed (to Vertraging or Bijsturen), moved in time, added and
 * removed (matched by project and text: milestone-match.ts); and the totals' deltas. Items carry the
 * indices of their records so that hosts can link to the rows; the public JSON leaves them out.
 */
import type { Records } from "./records";
import { matchMilestones } from "./milestone-match";
import type { Financing, Project } from "./schema";

export interface Amounts {
  from: number | null;
  to: number | null;
  /** to − from, a blank amount counting as 0. */
  delta: number;
}

/** Indices of the records an item comes from: into the previous and the current lists. */
export interface Origin {
  previous: number | null;
  current: number | null;
}

export interface ProjectChange {
  code: string;
  status: { from: string | null; to: string | null } | null;
  vak: Amounts;
  vek: Amounts;
  /** Projecten rows, and the Financiering rows of the amounts. */
  at: Origin;
  financingAt: Origin;
}

export interface MilestoneChange {
  code: string;
  /** The milestone's text now (for removed milestones: as it was). */
  milestone: string;
  from?: string | null;
  to?: string | null;
  timing?: string | null;
  status?: string | null;
  /** The previous text, when it was matched loosely (renamed). */
  previousText?: string;
  at: Origin;
}

export interface Comparison {
  projects: ProjectChange[];
  added: { code: string; at: Origin }[];
  removed: { code: string; at: Origin }[];
  milestones: {
    completed: MilestoneChange[];
    delayed: MilestoneChange[];
    timingMoved: MilestoneChange[];
    added: MilestoneChange[];
    removed: MilestoneChange[];
    /** Pairs whose texts differ: matched by likeness (from: previous text, to: current text). */
    matchedLoosely: MilestoneChange[];
  };
  totals: { vak: Amounts; vek: Amounts };
}

type CompareRecords = Pick<Records, "projects" | "milestones" | "financing">;

/** First row index per code; later rows with the same code are duplicates (reported by validation). */
function firstIndex<T>(rows: readonly T[], code: (r: T) => string): Map<string, number> {
  const out = new Map<string, number>();
  rows.forEach((r, i) => {
    const c = code(r);
    if (c && !out.has(c)) out.set(c, i);
  });
  return out;
}

const cents = (x: number | null | undefined) => Math.round((x ?? 0) * 100);
function amounts(from: number | null, to: number | null): Amounts {
  return { from, to, delta: (cents(to) - cents(from)) / 100 };
}

function amountOf(f: Financing | undefined, key: "vak" | "vek"): number | null {
  return f ? (f[key] ?? null) : null;
}

function compareProjects(
  prev: CompareRecords,
  cur: CompareRecords
): Omit<Comparison, "milestones" | "totals"> {
  const pp = firstIndex(prev.projects, (p: Project) => p.code);
  const cp = firstIndex(cur.projects, (p: Project) => p.code);
  const pf = firstIndex(prev.financing, (f: Financing) => f.projectCode);
  const cf = firstIndex(cur.financing, (f: Financing) => f.projectCode);
  const projects: ProjectChange[] = [];
  for (const [code, ci] of cp) {
    const pi = pp.get(code);
    if (pi === undefined) continue;
    const [pfi, cfi] = [pf.get(code), cf.get(code)];
    const fin = (r: CompareRecords, i: number | undefined) =>
      i === undefined ? undefined : r.financing[i];
    const from = prev.projects[pi].status ?? null;
    const to = cur.projects[ci].status ?? null;
    const vak = amounts(amountOf(fin(prev, pfi), "vak"), amountOf(fin(cur, cfi), "vak"));
    const vek = amounts(amountOf(fin(prev, pfi), "vek"), amountOf(fin(cur, cfi), "vek"));
    if (from === to && vak.delta === 0 && vek.delta === 0) continue;
    projects.push({
      code,
      status: from === to ? null : { from, to },
      vak,
      vek,
      at: { previous: pi, current: ci },
      financingAt: { previous: pfi ?? null, current: cfi ?? null },
    });
  }
  const added = [...cp]
    .filter(([c]) => !pp.has(c))
    .map(([code, i]) => ({ code, at: { previous: null, current: i } }));
  const removed = [...pp]
    .filter(([c]) => !cp.has(c))
    .map(([code, i]) => ({ code, at: { previous: i, current: null } }));
  return { projects, added, removed };
}

const DELAYED = new Set(["Vertraging", "Bijsturen"]);
const blank = (s: string | null | undefined) => (s ?? "").trim() === "";

function compareMilestones(prev: CompareRecords, cur: CompareRecords): Comparison["milestones"] {
  const m = matchMilestones(prev.milestones, cur.milestones);
  const out: Comparison["milestones"] = {
    completed: [],
    delayed: [],
    timingMoved: [],
    added: [],
    removed: [],
    matchedLoosely: [],
  };
  for (const pair of m.pairs) {
    const a = prev.milestones[pair.previous];
    const b = cur.milestones[pair.current];
    const base = {
      code: b.projectCode,
      milestone: b.name,
      ...(pair.loose ? { previousText: a.name } : {}),
      at: { previous: pair.previous, current: pair.current },
    };
    if (b.status === "Gerealiseerd" && a.status !== "Gerealiseerd")
      out.completed.push({ ...base, from: a.status ?? null });
    if (b.status && DELAYED.has(b.status) && a.status !== b.status)
      out.delayed.push({ ...base, from: a.status ?? null, to: b.status });
    if (!blank(a.timing) && !blank(b.timing) && a.timing !== b.timing)
      out.timingMoved.push({ ...base, from: a.timing, to: b.timing });
    if (pair.loose) out.matchedLoosely.push({ ...base, from: a.name, to: b.name });
  }
  const item = (r: CompareRecords, i: number, side: "previous" | "current"): MilestoneChange => {
    const x = r.milestones[i];
    return {
      code: x.projectCode,
      milestone: x.name,
      timing: x.timing || null,
      status: x.status ?? null,
      at: side === "previous" ? { previous: i, current: null } : { previous: null, current: i },
    };
  };
  out.added = m.added.map((i) => item(cur, i, "current"));
  out.removed = m.removed.map((i) => item(prev, i, "previous"));
  return out;
}

function total(r: CompareRecords, key: "vak" | "vek"): number {
  const first = firstIndex(r.financing, (f: Financing) => f.projectCode);
  let sum = 0;
  r.financing.forEach((f, i) => {
    if (!f.projectCode || first.get(f.projectCode) === i) sum += cents(f[key]);
  });
  return sum / 100;
}

/** Compare the records of the previous meetmoment with the current ones. */
export function compareRecords(prev: CompareRecords, cur: CompareRecords): Comparison {
  return {
    ...compareProjects(prev, cur),
    milestones: compareMilestones(prev, cur),
    totals: {
      vak: amounts(total(prev, "vak"), total(cur, "vak")),
      vek: amounts(total(prev, "vek"), total(cur, "vek")),
    },
  };
}
