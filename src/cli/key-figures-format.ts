/** Human output of `kerncijfers`: the Mededeling's sentences per section, then a table of the figures. */
import type { Finding } from "../core/findings";
import type { KeyFigures, StatusCount } from "../core/key-figures";
import { formatMeetmoment } from "../core/meetmoment";
import { columnShareText, numberText } from "../core/report-numbers";
import type { Lang } from "../core/vocabulary";
import type { KeyFiguresResult } from "../workbook/flows";
import { eur, num } from "./format";

const T = {
  nl: {
    head: (m: string) => `Kerncijfers, meetmoment ${m}`,
    none: "niet ingesteld",
    sections: ["3.1 Globale voortgang", "3.2 Mijlpalen", "3.3 Vastleggingen en vereffeningen"],
    table: "Cijfers",
    cols: (prev: string | null) => ["", "Aantal", "Aandeel", ...(prev ? [prev, "Aandeel"] : [])],
    projects: "Projecten",
    milestones: "Mijlpalen",
    noStatus: "zonder geldige status",
    total: "totaal",
    started: "opgestart",
    startedM: "gestart",
    onSchedule: "op schema of gerealiseerd (van de gestarte)",
    finance: "VV001-VV158",
    budget: "beleidsruimte (update, anders begroot)",
    gaps: (n: number) =>
      `Niet of apart geteld (${num(n, "nl")}): deze waarden konden niet gelezen worden; verbeter ze en tel opnieuw.`,
    meetmomenten: (m: string[]) =>
      `Let op: de bestanden hebben verschillende meetmomenten (${m.join(", ")}); geef er één met --meetmoment.`,
  },
  en: {
    head: (m: string) => `Key figures, measurement date ${m}`,
    none: "not set",
    sections: ["3.1 Overall progress", "3.2 Milestones", "3.3 Commitments and payments"],
    table: "Figures",
    cols: (prev: string | null) => ["", "Count", "Share", ...(prev ? [prev, "Share"] : [])],
    projects: "Projects",
    milestones: "Milestones",
    noStatus: "without a valid status",
    total: "total",
    started: "started",
    startedM: "started",
    onSchedule: "on schedule or completed (of the started)",
    finance: "VV001-VV158",
    budget: "beleidsruimte (update, else begroot)",
    gaps: (n: number) =>
      `Not counted, or counted apart (${num(n, "en")}): these values could not be read; correct them and count again.`,
    meetmomenten: (m: string[]) =>
      `Note: the files have different measurement dates (${m.join(", ")}); give one with --meetmoment.`,
  },
} as const;

type Cell = string;

function table(rows: Cell[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length)));
  return rows
    .map(
      (r) =>
        r
          .map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i])))
          .join("  ")
          .trimEnd() + "\n"
    )
    .join("");
}

function statusRows(
  cur: KeyFigures["projects"] | KeyFigures["milestones"],
  prev: KeyFigures["projects"] | KeyFigures["milestones"] | null,
  lang: Lang
): Cell[][] {
  const t = T[lang];
  const cells = (x: { count: number; share: number | null } | undefined): Cell[] =>
    x
      ? [numberText(x.count, lang), x.share === null ? "-" : columnShareText(x.share, lang)]
      : ["", ""];
  const find = (list: readonly StatusCount[] | undefined, s: string | null) =>
    list?.find((x) => x.status === s) ?? (list ? { count: 0, share: 0 } : undefined);
  const statuses = [...new Set([...cur.byStatus, ...(prev?.byStatus ?? [])].map((s) => s.status))];
  return [
    ...statuses.map((s) => [
      `  ${s ?? t.noStatus}`,
      ...cells(find(cur.byStatus, s)),
      ...(prev ? cells(find(prev.byStatus, s)) : []),
    ]),
    [
      `  ${t.total}`,
      numberText(cur.total, lang),
      "",
      ...(prev ? [numberText(prev.total, lang), ""] : []),
    ],
  ];
}

// About 65 lines: most of it is the printed table written out as data, row by row in print order.
export function formatKeyFigures(r: KeyFiguresResult, lang: Lang, meetmomenten: string[]): string {
  const t = T[lang];
  const when = (m: string | null) => (m ? formatMeetmoment(m, lang) : t.none);
  const f = r.figures;
  const p = r.previous;
  let s = `${t.head(when(f.meetmoment))}\n\n`;
  [r.text.projects, r.text.milestones, r.text.finance].forEach((part, i) => {
    s += `${t.sections[i]}\n${part.map((x) => `${x}\n`).join("")}\n`;
  });
  // One number of decimals per column of the table (the sentences above keep the Mededeling's own).
  const share = (x: number | null) => (x === null ? "-" : columnShareText(x, lang));
  const rows: Cell[][] = [
    t.cols(p ? when(p.meetmoment) : null),
    [t.projects],
    ...statusRows(f.projects, p?.projects ?? null, lang),
    [
      `  ${t.started}`,
      numberText(f.projects.started.count, lang),
      share(f.projects.started.share),
      ...(p ? [numberText(p.projects.started.count, lang), share(p.projects.started.share)] : []),
    ],
    [t.milestones],
    ...statusRows(f.milestones, p?.milestones ?? null, lang),
    [
      `  ${t.startedM}`,
      numberText(f.milestones.started.count, lang),
      "",
      ...(p ? [numberText(p.milestones.started.count, lang), ""] : []),
    ],
    [
      `  ${t.onSchedule}`,
      numberText(f.milestones.started.onScheduleOrCompleted, lang),
      share(f.milestones.started.share),
      ...(p
        ? [
            numberText(p.milestones.started.onScheduleOrCompleted, lang),
            share(p.milestones.started.share),
          ]
        : []),
    ],
    [t.finance],
    [
      `  ${t.budget}`,
      eur(f.finance.budget, lang),
      "",
      ...(p ? [eur(p.finance.budget, lang), ""] : []),
    ],
    [
      "  VAK",
      eur(f.finance.vak, lang),
      share(f.finance.vakShare),
      ...(p ? [eur(p.finance.vak, lang), share(p.finance.vakShare)] : []),
    ],
    [
      "  VEK",
      eur(f.finance.vek, lang),
      share(f.finance.vekShare),
      ...(p ? [eur(p.finance.vek, lang), share(p.finance.vekShare)] : []),
    ],
  ];
  s += `${t.table}\n${table(rows.map((row) => [...row, ...Array(rows[0].length - row.length).fill("")]))}`;
  if (meetmomenten.length > 1) s += `\n${t.meetmomenten(meetmomenten)}\n`;
  if (r.gaps.length) s += `\n${t.gaps(r.gaps.length)}\n${gapLines(r.gaps)}`;
  return s;
}

/** One line per value not counted: file, sheet!cell, message. */
export function gapLines(gaps: readonly Finding[]): string {
  return gaps
    .map(
      (g) =>
        `  ${g.file ? `${g.file}: ` : ""}${g.sheet}${g.cell ? `!${g.cell}` : ""}  ${g.message}\n`
    )
    .join("");
}

export const KEY_FIGURES_MESSAGES = T;
