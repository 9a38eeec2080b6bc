/** Human output of `compare`: the totals' deltas, then every change, section by section. */
import type { Amounts, MilestoneChange } from "../core/compare";
import { formatMeetmoment } from "../core/meetmoment";
import type { Lang } from "../core/vocabulary";
import type { ComparisonResult } from "../workbook/flows";
import { eur, num } from "./format";
import { gapLines } from "./key-figures-format";

const T = {
  nl: {
    head: (a: string, am: string, b: string, bm: string) =>
      `Vergelijking: ${a} (meetmoment ${am}) → ${b} (meetmoment ${bm})`,
    none: "niet ingesteld",
    totals: "Totalen",
    projects: "Projecten met wijzigingen",
    added: "Nieuwe projecten",
    removed: "Verdwenen projecten",
    completed: "Gerealiseerde mijlpalen",
    delayed: "Nieuw vertraagde mijlpalen",
    moved: "Verschoven mijlpalen",
    mAdded: "Nieuwe mijlpalen",
    mRemoved: "Verdwenen mijlpalen",
    loose: "Mijlpalen met gewijzigde tekst (los gekoppeld)",
    was: "was",
    status: "status",
    gaps: (n: number) =>
      `Niet gelezen (${num(n, "nl")}): deze waarden konden niet gelezen worden en zijn niet vergeleken.`,
  },
  en: {
    head: (a: string, am: string, b: string, bm: string) =>
      `Comparison: ${a} (measurement date ${am}) → ${b} (measurement date ${bm})`,
    none: "not set",
    totals: "Totals",
    projects: "Projects with changes",
    added: "New projects",
    removed: "Projects gone",
    completed: "Completed milestones",
    delayed: "Newly delayed milestones",
    moved: "Milestones moved in time",
    mAdded: "New milestones",
    mRemoved: "Milestones gone",
    loose: "Milestones with a changed text (matched loosely)",
    was: "was",
    status: "status",
    gaps: (n: number) =>
      `Not read (${num(n, "en")}): these values could not be read and were not compared.`,
  },
} as const;

const short = (s: string) => (s.length > 90 ? `${s.slice(0, 89)}…` : s);

function amounts(a: Amounts, lang: Lang): string {
  const sign = a.delta > 0 ? "+" : a.delta < 0 ? "-" : "±";
  return `${eur(a.from ?? 0, lang)} → ${eur(a.to ?? 0, lang)} (${sign}${eur(Math.abs(a.delta), lang)})`;
}

/** A titled list with its count (`count` when the lines are not one per item: codes joined on one line). */
function section(title: string, lines: string[], lang: Lang, count = lines.length): string {
  return lines.length
    ? `${title} (${num(count, lang)})\n${lines.map((l) => `  ${l}\n`).join("")}\n`
    : "";
}

export function formatComparison(
  r: ComparisonResult,
  files: { previous: string; current: string },
  lang: Lang
): string {
  const t = T[lang];
  const c = r.comparison;
  const m = c.milestones;
  const when = (x: string | null) => (x ? formatMeetmoment(x, lang) : t.none);
  const ms = (x: MilestoneChange, rest: string) => `${x.code}  ${short(x.milestone)}${rest}`;
  let s = `${t.head(files.previous, when(r.previous.meetmoment), files.current, when(r.current.meetmoment))}\n\n`;
  s += `${t.totals}\n  VAK  ${amounts(c.totals.vak, lang)}\n  VEK  ${amounts(c.totals.vek, lang)}\n\n`;
  s += section(
    t.projects,
    c.projects.map((p) =>
      [
        p.code,
        p.status ? `${t.status}: ${p.status.from ?? "-"} → ${p.status.to ?? "-"}` : null,
        p.vak.delta ? `VAK ${amounts(p.vak, lang)}` : null,
        p.vek.delta ? `VEK ${amounts(p.vek, lang)}` : null,
      ]
        .filter(Boolean)
        .join("  ")
    ),
    lang
  );
  s += section(
    t.added,
    c.added.length ? [c.added.map((a) => a.code).join(", ")] : [],
    lang,
    c.added.length
  );
  s += section(
    t.removed,
    c.removed.length ? [c.removed.map((a) => a.code).join(", ")] : [],
    lang,
    c.removed.length
  );
  s += section(
    t.completed,
    m.completed.map((x) => ms(x, ` (${t.was} ${x.from ?? "-"})`)),
    lang
  );
  s += section(
    t.delayed,
    m.delayed.map((x) => ms(x, `: ${x.from ?? "-"} → ${x.to}`)),
    lang
  );
  s += section(
    t.moved,
    m.timingMoved.map((x) => ms(x, `: ${x.from} → ${x.to}`)),
    lang
  );
  s += section(
    t.mAdded,
    m.added.map((x) => ms(x, ` (${x.timing ?? "-"}, ${x.status ?? "-"})`)),
    lang
  );
  s += section(
    t.mRemoved,
    m.removed.map((x) => ms(x, ` (${x.timing ?? "-"}, ${x.status ?? "-"})`)),
    lang
  );
  s += section(
    t.loose,
    m.matchedLoosely.map((x) => `${x.code}  '${short(x.from ?? "")}' → '${short(x.to ?? "")}'`),
    lang
  );
  if (r.gaps.length) s += `${t.gaps(r.gaps.length)}\n${gapLines(r.gaps)}`;
  return s;
}

export const COMPARE_MESSAGES = T;
