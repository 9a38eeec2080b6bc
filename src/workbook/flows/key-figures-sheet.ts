/**
 * The Kerncijfers sheet: the key figures of the meetmoment (and of the previous one), the sentences for
 * the Mededeling, what could not be counted (with links), and native charts: projects per status in the
 * status colours, milestones per status, VAK and VEK against the beleidsruimte. Values, not formulas: the
 * figures and the sentences are one snapshot of the workbook and always agree; rebuild after changes.
 */
import type { Finding } from "../../core/findings";
import type { KeyFigures, StatusCount } from "../../core/key-figures";
import { formatMeetmoment } from "../../core/meetmoment";
import { KEY_FIGURES_SHEET } from "../../core/template";
import {
  MILESTONE_STATUSES,
  PROJECT_STATUSES,
  type Lang,
  type StatusDef,
} from "../../core/vocabulary";
import type { BlockPlan, ChartPlan, SheetPlan, WriteValue } from "../port";
import type { KeyFiguresResult } from "./key-figures";
import { KEY_FIGURES_TEXT as T } from "./key-figures-sheet-text";

/** The titles our Kerncijfers sheet carries in A1: a sheet with another A1 is the user's own. */
export const KEY_FIGURES_TITLES: readonly string[] = [T.nl.title, T.en.title];

const COUNT = "#,##0";
const SHARE = "0.00%";
const EUR = '#,##0 "EUR"';
const HEAD_FILL = "#DDEBF7";

/** A row of figures: count and share, then the previous meting's and the change when there is one. */
function figureRow(
  cur: StatusCount | { count: number; share: number | null },
  prev?: { count: number; share: number | null } | null
): WriteValue[] {
  const row: WriteValue[] = [cur.count, cur.share];
  if (prev !== undefined)
    row.push(prev?.count ?? null, prev?.share ?? null, prev ? cur.count - prev.count : null);
  return row;
}

interface Cursor {
  row: number;
  blocks: BlockPlan[];
}

/** A header row, then one row per status in its colour; returns the first and last status rows. */
function statusTable(
  c: Cursor,
  title: string,
  cols: readonly string[],
  statuses: readonly StatusDef[],
  cur: readonly StatusCount[],
  prev: readonly StatusCount[] | null,
  lang: Lang
): { header: number; last: number } {
  const header = c.row;
  c.blocks.push({
    row: c.row++,
    column: 0,
    values: [[title, ...cols]],
    bold: true,
    fill: HEAD_FILL,
  });
  const find = (list: readonly StatusCount[], s: string | null) => list.find((x) => x.status === s);
  for (const st of statuses) {
    const label = lang === "nl" ? st.label : `${st.label} (${st.en})`;
    c.blocks.push({ row: c.row, column: 0, values: [[label]], fill: st.fill });
    pushFigures(
      c,
      figureRow(find(cur, st.label)!, prev ? (find(prev, st.label) ?? null) : undefined)
    );
    c.row++;
  }
  return { header, last: c.row - 1 };
}

/** Count and share columns of the current row, formatted. */
function pushFigures(c: Cursor, values: WriteValue[]): void {
  values.forEach((v, i) =>
    c.blocks.push({
      row: c.row,
      column: 1 + i,
      values: [[v]],
      numFmt: i === 1 || i === 3 ? SHARE : COUNT,
    })
  );
}

function labelledRow(c: Cursor, label: string, values: WriteValue[], bold = false): void {
  c.blocks.push({ row: c.row, column: 0, values: [[label]], bold });
  pushFigures(c, values);
  c.row++;
}

function statusSection(
  c: Cursor,
  which: "projects" | "milestones",
  f: KeyFigures,
  p: KeyFigures | null,
  lang: Lang
): { header: number; last: number } {
  const t = T[lang];
  const cur = f[which];
  const prev = p ? p[which] : null;
  const range = statusTable(
    c,
    which === "projects" ? t.projects : t.milestones,
    t.cols(!!p),
    which === "projects" ? PROJECT_STATUSES : MILESTONE_STATUSES,
    cur.byStatus,
    prev?.byStatus ?? null,
    lang
  );
  const none = (x: typeof cur | null) => x?.byStatus.find((s) => s.status === null) ?? null;
  if (none(cur) || none(prev))
    labelledRow(
      c,
      t.noStatus,
      figureRow(none(cur) ?? { count: 0, share: 0 }, p ? none(prev) : undefined)
    );
  const whole = (x: typeof cur) => ({ count: x.total, share: x.total ? 1 : null });
  labelledRow(c, t.total, figureRow(whole(cur), prev ? whole(prev) : undefined), true);
  if (which === "projects") {
    const pc = f.projects.started;
    labelledRow(c, t.startedProjects, figureRow(pc, p ? p.projects.started : undefined));
  } else {
    const started = (x: KeyFigures) => ({
      count: x.milestones.started.count,
      share: x.milestones.total ? x.milestones.started.count / x.milestones.total : null,
    });
    const onSchedule = (x: KeyFigures) => ({
      count: x.milestones.started.onScheduleOrCompleted,
      share: x.milestones.started.share,
    });
    labelledRow(c, t.startedMilestones, figureRow(started(f), p ? started(p) : undefined));
    labelledRow(c, t.onSchedule, figureRow(onSchedule(f), p ? onSchedule(p) : undefined));
  }
  c.row++;
  return range;
}

function financeSection(
  c: Cursor,
  r: KeyFiguresResult,
  lang: Lang
): { header: number; last: number } {
  const t = T[lang];
  const f = r.figures.finance;
  const p = r.previous?.finance ?? null;
  const header = c.row;
  c.blocks.push({
    row: c.row++,
    column: 0,
    values: [[t.finance, ...t.amountCols(!!p)]],
    bold: true,
    fill: HEAD_FILL,
  });
  const line = (
    label: string,
    now: number,
    share: number | null,
    before: number | null,
    beforeShare: number | null
  ) => {
    const values: WriteValue[] = [now, share];
    if (p) values.push(before, beforeShare, before === null ? null : now - before);
    c.blocks.push({ row: c.row, column: 0, values: [[label]] });
    values.forEach((v, i) =>
      c.blocks.push({
        row: c.row,
        column: 1 + i,
        values: [[v]],
        numFmt: i === 1 || i === 3 ? SHARE : EUR,
      })
    );
    c.row++;
  };
  line(t.budget, f.budget, f.budget ? 1 : null, p?.budget ?? null, p && p.budget ? 1 : null);
  line(t.vak, f.vak, f.vakShare, p?.vak ?? null, p?.vakShare ?? null);
  line(t.vek, f.vek, f.vekShare, p?.vek ?? null, p?.vekShare ?? null);
  const last = c.row - 1;
  const reg = r.details.regular;
  if (reg.projects) {
    c.blocks.push({ row: c.row, column: 0, values: [[t.regular]] });
    c.blocks.push({ row: c.row++, column: 1, values: [[reg.budget, null, null]], numFmt: EUR });
    line(t.vak, reg.vak, null, null, null);
    line(t.vek, reg.vek, null, null, null);
  }
  c.row++;
  return { header, last };
}

function textSection(c: Cursor, r: KeyFiguresResult, lang: Lang): void {
  c.blocks.push({ row: c.row++, column: 0, values: [[T[lang].text]], bold: true, fill: HEAD_FILL });
  for (const part of [r.text.projects, r.text.milestones, r.text.finance]) {
    c.blocks.push({ row: c.row, column: 0, values: part.map((s) => [s]) });
    c.row += part.length + 1;
  }
}

function gapSection(c: Cursor, gaps: readonly Finding[], lang: Lang): void {
  if (!gaps.length) return;
  c.blocks.push({ row: c.row++, column: 0, values: [[T[lang].gaps]], bold: true, fill: "#FFC7CE" });
  c.blocks.push({
    row: c.row,
    column: 0,
    values: gaps.map((g) => [
      `${g.file ? `${g.file}: ` : ""}${g.sheet}${g.cell ? `!${g.cell}` : ""}`,
      g.message,
    ]),
    // Only cells of this workbook can be linked; the previous workbook's are named by file.
    links: gaps.map((g) => [g.cell && !g.file ? `${g.sheet}!${g.cell}` : null, null]),
  });
  c.row += gaps.length + 1;
}

export function keyFiguresSheet(r: KeyFiguresResult, lang: Lang): SheetPlan {
  const t = T[lang];
  const when = (m: string | null) => (m ? formatMeetmoment(m, lang) : t.none);
  const c: Cursor = { row: 4, blocks: [] };
  c.blocks.push(
    { row: 1, column: 0, values: [[t.title]], bold: true },
    {
      row: 2,
      column: 0,
      values: [
        [t.sub(when(r.figures.meetmoment), r.previous ? when(r.previous.meetmoment) : null)],
      ],
    }
  );
  const projects = statusSection(c, "projects", r.figures, r.previous, lang);
  const milestones = statusSection(c, "milestones", r.figures, r.previous, lang);
  const finance = financeSection(c, r, lang);
  textSection(c, r, lang);
  gapSection(c, r.gaps, lang);
  const charts: ChartPlan[] = [
    {
      kind: "pie",
      title: t.projects,
      range: `A${projects.header}:B${projects.last}`,
      anchor: "H4",
      colours: PROJECT_STATUSES.map((s) => s.fill),
    },
    {
      kind: "pie",
      title: t.milestones,
      range: `A${milestones.header}:B${milestones.last}`,
      anchor: "H22",
      colours: MILESTONE_STATUSES.map((s) => s.fill),
    },
    {
      kind: "bar",
      title: t.chartFinance,
      range: `A${finance.header}:B${finance.last}`,
      anchor: "H40",
      colours: ["#1F4E79"],
    },
  ];
  return {
    name: KEY_FIGURES_SHEET,
    mode: "replace",
    blocks: c.blocks,
    columnWidths: [62, 18, 12, 18, 12, 14],
    freezeRows: 2,
    charts,
    tabColour: "#1F4E79",
  };
}
