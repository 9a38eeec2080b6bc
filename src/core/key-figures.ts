/**
 * The key figures of one meetmoment, as section 3 of the Mededeling aan de Vlaamse Regering gives them
 * (docs/kerncijfers.md): projects per status, milestones per status, and the commitments (VAK) and
 * payments (VEK) of VV001–VV158 against their beleidsruimte. Shares are unrounded fractions; rounding
 * is for the text (report-numbers.ts).
 */
import { effectiveBudget } from "./calc";
import type { Records } from "./records";
import {
  envelopeOf,
  LAST_RECOVERY_PROJECT,
  MILESTONE_STATUS_LABELS,
  PROJECT_STATUS_LABELS,
  type MilestoneStatus,
  type ProjectStatus,
} from "./vocabulary";

export interface StatusCount {
  /** The Dutch label; null for rows without a (readable) status. */
  status: string | null;
  count: number;
  /** count / total, unrounded; null when there is nothing to count. */
  share: number | null;
}

export interface KeyFigures {
  meetmoment: string | null;
  projects: {
    total: number;
    byStatus: StatusCount[];
    started: { count: number; share: number | null };
  };
  milestones: {
    total: number;
    byStatus: StatusCount[];
    started: { count: number; onScheduleOrCompleted: number; share: number | null };
  };
  finance: {
    codes: "VV001-VV158";
    budget: number;
    vak: number;
    vakShare: number | null;
    vek: number;
    vekShare: number | null;
  };
}

/** What the sentences need besides the figures; not part of the public JSON. */
export interface KeyFigureDetails {
  /** Projects per status, in row order: the Mededeling names the few orange, red, grey and yellow ones. */
  projectsByStatus: Map<string, { code: string; title: string | null }[]>;
  /** Codes of the projects with a milestone on Bijsturen, once each. */
  bijsturenProjects: string[];
  /** VV159–VV180: financed from regular budgets, reported apart. */
  regular: { projects: number; budget: number; vak: number; vek: number };
  /** Rows not counted because their project code came earlier on the same sheet (0-based record index). */
  duplicates: { sheet: "projects" | "financing"; index: number; code: string }[];
}

/** Project statuses that count as started in "171 van de 180 relanceprojecten (95%) zijn opgestart". */
export const STARTED_PROJECT_STATUSES: readonly ProjectStatus[] = [
  "Opgestart",
  "In uitvoering na agendering VR",
  "Gerealiseerd",
];
/** Milestones whose work has started. */
export const STARTED_MILESTONE_STATUSES: readonly MilestoneStatus[] = [
  "Op schema",
  "Vertraging",
  "Bijsturen",
  "Gerealiseerd",
];
/** Started milestones that are on schedule or done. */
export const ON_SCHEDULE_STATUSES: readonly MilestoneStatus[] = ["Op schema", "Gerealiseerd"];

const share = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

/** Counts per status in the vocabulary's order (zeros included), then rows without a status, if any. */
function byStatus(statuses: readonly (string | null)[], labels: readonly string[]): StatusCount[] {
  const counts = new Map<string | null, number>(labels.map((l) => [l, 0]));
  let none = 0;
  for (const s of statuses) {
    if (s && counts.has(s)) counts.set(s, counts.get(s)! + 1);
    else none++;
  }
  const out: StatusCount[] = labels.map((l) => ({
    status: l,
    count: counts.get(l)!,
    share: share(counts.get(l)!, statuses.length),
  }));
  if (none) out.push({ status: null, count: none, share: share(none, statuses.length) });
  return out;
}

const countOf = (list: readonly StatusCount[], wanted: readonly string[]) =>
  list
    .filter((s) => s.status !== null && wanted.includes(s.status))
    .reduce((n, s) => n + s.count, 0);

/** Keep the first row of every project code; later rows with the same code are reported, not counted. */
function firstPerCode<T>(
  rows: readonly T[],
  code: (r: T) => string,
  sheet: "projects" | "financing",
  duplicates: KeyFigureDetails["duplicates"]
): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  rows.forEach((r, index) => {
    const c = code(r);
    if (c && seen.has(c)) duplicates.push({ sheet, index, code: c });
    else {
      if (c) seen.add(c);
      out.push(r);
    }
  });
  return out;
}

/** The key figures of the records of one meetmoment. */
// Kept whole (about 80 lines): the Mededeling's key figures in the order it prints them, each a few
// lines over the same first-per-code records and status counts.
export function keyFigures(
  records: Pick<Records, "projects" | "milestones" | "financing">,
  meetmoment: string | null
): { figures: KeyFigures; details: KeyFigureDetails } {
  const duplicates: KeyFigureDetails["duplicates"] = [];
  const projects = firstPerCode(records.projects, (p) => p.code, "projects", duplicates);
  const financing = firstPerCode(records.financing, (f) => f.projectCode, "financing", duplicates);

  const pStatus = byStatus(
    projects.map((p) => p.status ?? null),
    PROJECT_STATUS_LABELS
  );
  const pStarted = countOf(pStatus, STARTED_PROJECT_STATUSES);
  const mStatus = byStatus(
    records.milestones.map((m) => m.status ?? null),
    MILESTONE_STATUS_LABELS
  );
  const mStarted = countOf(mStatus, STARTED_MILESTONE_STATUSES);
  const mOnSchedule = countOf(mStatus, ON_SCHEDULE_STATUSES);

  // Summed in cents: no float noise in the printed amounts (1524000000, not 1524000000.0000002).
  const cents = (x: number | null | undefined) => Math.round((x ?? 0) * 100);
  const sums = { relance: { budget: 0, vak: 0, vek: 0 }, regulier: { budget: 0, vak: 0, vek: 0 } };
  let regularProjects = 0;
  for (const f of financing) {
    const env = envelopeOf(f.projectCode);
    if (!env) continue; // a malformed code: validation names the cell, the flow reports it
    sums[env].budget += cents(effectiveBudget(f));
    sums[env].vak += cents(f.vak);
    sums[env].vek += cents(f.vek);
    if (env === "regulier") regularProjects++;
  }
  const euro = (s: { budget: number; vak: number; vek: number }) => ({
    budget: s.budget / 100,
    vak: s.vak / 100,
    vek: s.vek / 100,
  });
  const recovery = euro(sums.relance);
  const regular = { projects: regularProjects, ...euro(sums.regulier) };

  const projectsByStatus = new Map<string, { code: string; title: string | null }[]>();
  for (const p of projects)
    if (p.status)
      projectsByStatus.set(p.status, [
        ...(projectsByStatus.get(p.status) ?? []),
        { code: p.code, title: p.title ?? null },
      ]);
  const bijsturenProjects = [
    ...new Set(
      records.milestones.filter((m) => m.status === "Bijsturen").map((m) => m.projectCode)
    ),
  ];

  return {
    figures: {
      meetmoment,
      projects: {
        total: projects.length,
        byStatus: pStatus,
        started: { count: pStarted, share: share(pStarted, projects.length) },
      },
      milestones: {
        total: records.milestones.length,
        byStatus: mStatus,
        started: {
          count: mStarted,
          onScheduleOrCompleted: mOnSchedule,
          share: share(mOnSchedule, mStarted),
        },
      },
      finance: {
        codes: `VV001-VV${LAST_RECOVERY_PROJECT}` as "VV001-VV158",
        budget: recovery.budget,
        vak: recovery.vak,
        vakShare: share(recovery.vak, recovery.budget),
        vek: recovery.vek,
        vekShare: share(recovery.vek, recovery.budget),
      },
    },
    details: { projectsByStatus, bijsturenProjects, regular, duplicates },
  };
}

/** The count of one status in a list of status counts (0 when absent). */
export function statusCount(list: readonly StatusCount[], status: string | null): StatusCount {
  return (
    list.find((s) => s.status === status) ?? { status, count: 0, share: list.length ? 0 : null }
  );
}
