/**
 * The comparison flow: what changed since the previous meetmoment, the public JSON, and the Vergelijking
 * sheet of the add-in (changes with links to their rows). The same code for the command line and the add-in.
 */
import { compareRecords, type Comparison, type MilestoneChange } from "../../core/compare";
import type { Finding } from "../../core/findings";
import type { Lang } from "../../core/vocabulary";
import type { WorkbookPort, WorkbookSnapshot } from "../port";
import { comparisonSheet, COMPARISON_TITLES } from "./compare-sheet";
import { gapsFor, readMeetmoment, type MeetmomentData } from "./meetmoment-data";
import { applyOwnSheet } from "./protect";

export interface ComparisonResult {
  comparison: Comparison;
  previous: MeetmomentData;
  current: MeetmomentData;
  /** Values the comparison could not read, in either meetmoment. */
  gaps: Finding[];
}

export function compareMeetmomenten(
  previous: MeetmomentData,
  current: MeetmomentData
): ComparisonResult {
  return {
    comparison: compareRecords(previous.records, current.records),
    previous,
    current,
    gaps: [...gapsFor(previous.errors, "comparison"), ...gapsFor(current.errors, "comparison")],
  };
}

const milestoneJson = (
  m: MilestoneChange,
  keys: readonly ("from" | "to" | "timing" | "status")[]
) => ({
  code: m.code,
  milestone: m.milestone,
  ...Object.fromEntries(keys.map((k) => [k, m[k] ?? null])),
});

/** The public JSON shape (docs/cli.md): no row indices. */
export function comparisonJson(r: ComparisonResult) {
  const c = r.comparison;
  return {
    previous: { meetmoment: r.previous.meetmoment },
    current: { meetmoment: r.current.meetmoment },
    projects: c.projects.map((p) => ({ code: p.code, status: p.status, vak: p.vak, vek: p.vek })),
    added: c.added.map((a) => a.code),
    removed: c.removed.map((a) => a.code),
    milestones: {
      completed: c.milestones.completed.map((m) => milestoneJson(m, ["from"])),
      delayed: c.milestones.delayed.map((m) => milestoneJson(m, ["from", "to"])),
      timingMoved: c.milestones.timingMoved.map((m) => milestoneJson(m, ["from", "to"])),
      added: c.milestones.added.map((m) => milestoneJson(m, ["timing", "status"])),
      removed: c.milestones.removed.map((m) => milestoneJson(m, ["timing", "status"])),
      matchedLoosely: c.milestones.matchedLoosely.map((m) => ({
        code: m.code,
        from: m.from ?? null,
        to: m.to ?? null,
      })),
    },
    totals: c.totals,
  };
}

/** Compare the open workbook with a previous one and write the Vergelijking sheet (a user's own sheet of that name is kept on Bewaard). */
export async function buildComparison(
  port: WorkbookPort,
  opts: {
    previous: { snapshot: WorkbookSnapshot; file: string };
    lang?: Lang;
    meetmoment?: string | null;
    activate?: boolean;
  }
): Promise<ComparisonResult> {
  const lang = opts.lang ?? "nl";
  const snapshot = await port.read();
  const current = readMeetmoment(snapshot, { meetmoment: opts.meetmoment, lang });
  const previous = readMeetmoment(opts.previous.snapshot, { file: opts.previous.file, lang });
  const result = compareMeetmomenten(previous, current);
  const sheet = comparisonSheet(result, lang, opts.previous.file);
  await applyOwnSheet(port, snapshot, sheet, {
    titles: COMPARISON_TITLES,
    lang,
    activate: opts.activate,
  });
  return result;
}
