/**
 * The Vergelijking sheet: what changed since the previous meetmoment, section by section, each change
 * with a link to its row in this workbook (rows of the previous workbook are named by their row number).
 */
import type { MilestoneChange, Origin } from "../../core/compare";
import { formatMeetmoment } from "../../core/meetmoment";
import { COMPARISON_SHEET } from "../../core/template";
import type { Lang } from "../../core/vocabulary";
import type { BlockPlan, SheetPlan, WriteValue } from "../port";
import type { ComparisonResult } from "./compare";
import type { CountedSheet, RecordAt } from "./meetmoment-data";

const T = {
  nl: {
    title: "Vergelijking met de vorige meting",
    sub: (file: string, prev: string, cur: string) =>
      `Vorige meting: ${file} (meetmoment ${prev}). Deze werkmap: meetmoment ${cur}. Een link gaat naar de rij in deze werkmap.`,
    none: "niet ingesteld",
    nothing: "geen",
    totals: ["Totalen", "Vorige meting", "Nu", "Verschil"],
    vak: "Uitvoering VAK",
    vek: "Uitvoering VEK",
    projects: [
      "Projecten met wijzigingen",
      "Status vorige",
      "Status nu",
      "VAK vorige",
      "VAK nu",
      "Verschil VAK",
      "VEK vorige",
      "VEK nu",
      "Verschil VEK",
    ],
    added: ["Nieuwe projecten"],
    removed: ["Verdwenen projecten", "Rij in de vorige werkmap"],
    completed: ["Gerealiseerde mijlpalen", "Mijlpaal", "Status vorige"],
    delayed: ["Nieuw vertraagde mijlpalen", "Mijlpaal", "Status vorige", "Status nu"],
    moved: ["Verschoven mijlpalen", "Mijlpaal", "Timing vorige", "Timing nu"],
    mAdded: ["Nieuwe mijlpalen", "Mijlpaal", "Timing", "Status"],
    mRemoved: ["Verdwenen mijlpalen", "Mijlpaal", "Timing", "Status", "Rij in de vorige werkmap"],
    loose: ["Mijlpalen met gewijzigde tekst (los gekoppeld)", "Tekst vorige", "Tekst nu"],
    gaps: ["Niet gelezen: waarden die de vergelijking niet kon lezen", "Melding"],
  },
  en: {
    title: "Comparison with the previous measurement",
    sub: (file: string, prev: string, cur: string) =>
      `Previous measurement: ${file} (date ${prev}). This workbook: date ${cur}. A link goes to the row in this workbook.`,
    none: "not set",
    nothing: "none",
    totals: ["Totals", "Previous", "Now", "Change"],
    vak: "Commitments (VAK)",
    vek: "Payments (VEK)",
    projects: [
      "Projects with changes",
      "Status before",
      "Status now",
      "VAK before",
      "VAK now",
      "VAK change",
      "VEK before",
      "VEK now",
      "VEK change",
    ],
    added: ["New projects"],
    removed: ["Projects gone", "Row in the previous workbook"],
    completed: ["Completed milestones", "Milestone", "Status before"],
    delayed: ["Newly delayed milestones", "Milestone", "Status before", "Status now"],
    moved: ["Milestones moved in time", "Milestone", "Timing before", "Timing now"],
    mAdded: ["New milestones", "Milestone", "Timing", "Status"],
    mRemoved: ["Milestones gone", "Milestone", "Timing", "Status", "Row in the previous workbook"],
    loose: ["Milestones with a changed text (matched loosely)", "Text before", "Text now"],
    gaps: ["Not read: values the comparison could not read", "Message"],
  },
} as const;

/** The titles our Vergelijking sheet carries in A1: a sheet with another A1 is the user's own. */
export const COMPARISON_TITLES: readonly string[] = [T.nl.title, T.en.title];

const EUR = '#,##0 "EUR"';

interface Section {
  header: readonly string[];
  rows: WriteValue[][];
  /** Per row, the link of its first cell. */
  links: (string | null)[];
  /** Columns (0-based) holding amounts. */
  amounts?: number[];
}

function link(at: RecordAt | undefined): string | null {
  return at && !at.file ? `${at.sheet}!A${at.row}` : null;
}

function writeSections(sections: Section[], lang: Lang, start: number): BlockPlan[] {
  const blocks: BlockPlan[] = [];
  let row = start;
  for (const s of sections) {
    blocks.push({ row: row++, column: 0, values: [[...s.header]], bold: true, fill: "#DDEBF7" });
    if (!s.rows.length) {
      blocks.push({ row: row++, column: 0, values: [[T[lang].nothing]] });
    } else {
      blocks.push({ row, column: 0, values: s.rows, links: s.links.map((l) => [l]) });
      for (const col of s.amounts ?? [])
        blocks.push({ row, column: col, values: s.rows.map((r) => [r[col] ?? null]), numFmt: EUR });
      row += s.rows.length;
    }
    row++;
  }
  return blocks;
}

/** Where a change's rows are: the current row to link to, the previous row to name. */
function locator(r: ComparisonResult) {
  return {
    at: (sheet: CountedSheet, o: Origin) =>
      o.current === null ? undefined : r.current.at[sheet][o.current],
    prevRow: (sheet: CountedSheet, o: Origin) =>
      o.previous === null
        ? null
        : `${r.previous.at[sheet][o.previous].sheet} ${r.previous.at[sheet][o.previous].row}`,
  };
}

/** Totals, projects changed, added and removed. */
function projectSections(r: ComparisonResult, lang: Lang): Section[] {
  const t = T[lang];
  const c = r.comparison;
  const { at, prevRow } = locator(r);
  return [
    {
      header: t.totals,
      rows: [
        [t.vak, c.totals.vak.from, c.totals.vak.to, c.totals.vak.delta],
        [t.vek, c.totals.vek.from, c.totals.vek.to, c.totals.vek.delta],
      ],
      links: [null, null],
      amounts: [1, 2, 3],
    },
    {
      header: t.projects,
      rows: c.projects.map((p) => [
        p.code,
        p.status?.from ?? null,
        p.status?.to ?? null,
        p.vak.from,
        p.vak.to,
        p.vak.delta,
        p.vek.from,
        p.vek.to,
        p.vek.delta,
      ]),
      links: c.projects.map((p) => link(at("projects", p.at))),
      amounts: [3, 4, 5, 6, 7, 8],
    },
    {
      header: t.added,
      rows: c.added.map((a) => [a.code]),
      links: c.added.map((a) => link(at("projects", a.at))),
    },
    {
      header: t.removed,
      rows: c.removed.map((a) => [a.code, prevRow("projects", a.at)]),
      links: c.removed.map(() => null),
    },
  ];
}

/** Milestones completed, delayed, moved, added, removed and matched loosely. */
function milestoneSections(r: ComparisonResult, lang: Lang): Section[] {
  const t = T[lang];
  const m = r.comparison.milestones;
  const { at, prevRow } = locator(r);
  const section = (
    header: readonly string[],
    list: MilestoneChange[],
    cells: (x: MilestoneChange) => WriteValue[],
    side: "current" | "previous" = "current"
  ): Section => ({
    header,
    rows: list.map((x) => [x.code, x.milestone, ...cells(x)]),
    links: list.map((x) => (side === "current" ? link(at("milestones", x.at)) : null)),
  });
  return [
    section(t.completed, m.completed, (x) => [x.from ?? null]),
    section(t.delayed, m.delayed, (x) => [x.from ?? null, x.to ?? null]),
    section(t.moved, m.timingMoved, (x) => [x.from ?? null, x.to ?? null]),
    section(t.mAdded, m.added, (x) => [x.timing ?? null, x.status ?? null]),
    section(
      t.mRemoved,
      m.removed,
      (x) => [x.timing ?? null, x.status ?? null, prevRow("milestones", x.at)],
      "previous"
    ),
    {
      header: t.loose,
      rows: m.matchedLoosely.map((x) => [x.code, x.from ?? null, x.to ?? null]),
      links: m.matchedLoosely.map((x) => link(at("milestones", x.at))),
    },
  ];
}

export function comparisonSheet(r: ComparisonResult, lang: Lang, previousFile: string): SheetPlan {
  const t = T[lang];
  const sections = [...projectSections(r, lang), ...milestoneSections(r, lang)];
  if (r.gaps.length)
    sections.push({
      header: t.gaps,
      rows: r.gaps.map((g) => [
        `${g.file ? `${g.file}: ` : ""}${g.sheet}${g.cell ? `!${g.cell}` : ""}`,
        g.message,
      ]),
      links: r.gaps.map((g) => (g.cell && !g.file ? `${g.sheet}!${g.cell}` : null)),
    });
  const when = (m: string | null) => (m ? formatMeetmoment(m, lang) : t.none);
  return {
    name: COMPARISON_SHEET,
    mode: "replace",
    blocks: [
      { row: 1, column: 0, values: [[t.title]], bold: true },
      {
        row: 2,
        column: 0,
        values: [[t.sub(previousFile, when(r.previous.meetmoment), when(r.current.meetmoment))]],
      },
      ...writeSections(sections, lang, 4),
    ],
    columnWidths: [16, 60, 22, 22, 18, 18, 18, 18, 18],
    freezeRows: 2,
    tabColour: "#FFC000",
  };
}
