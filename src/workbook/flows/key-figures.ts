/**
 * The key figures flow: the figures and sentences of one meetmoment (optionally against the previous
 * one), what could not be counted, the public JSON, and the Kerncijfers sheet of the add-in. The same
 * code for the command line (files) and the add-in (the open workbook).
 */
import type { Finding } from "../../core/findings";
import { keyFigures, type KeyFigureDetails, type KeyFigures } from "../../core/key-figures";
import { keyFigureText, type KeyFigureText } from "../../core/key-figures-text";
import type { Lang } from "../../core/vocabulary";
import type { WorkbookPort, WorkbookSnapshot } from "../port";
import { keyFiguresSheet, KEY_FIGURES_TITLES } from "./key-figures-sheet";
import { gapsFor, readMeetmoment, type MeetmomentData } from "./meetmoment-data";
import { applyOwnSheet } from "./protect";

export interface KeyFiguresResult {
  figures: KeyFigures;
  details: KeyFigureDetails;
  previous: KeyFigures | null;
  text: KeyFigureText;
  /** Values the figures could not count (or counted apart), current and previous meetmoment. */
  gaps: Finding[];
  /** Where the current figures' rows are (for links). */
  data: MeetmomentData;
}

const DUPLICATE = {
  nl: (code: string, where: string) =>
    `${code} staat al op ${where}: deze rij telt niet mee in de kerncijfers.`,
  en: (code: string, where: string) =>
    `${code} is already on ${where}: this row does not count in the key figures.`,
};

/** Rows the figures skipped as duplicates, as findings (unless validation already named that row). */
function duplicateGaps(
  data: MeetmomentData,
  details: KeyFigureDetails,
  known: readonly Finding[],
  lang: Lang
): Finding[] {
  // Looked up once, not per duplicate: a merged workbook of 100,000 rows has thousands of each.
  const named = new Map<string | undefined, Set<string>>();
  for (const f of known) {
    let rows = named.get(f.file);
    if (!rows) named.set(f.file, (rows = new Set()));
    rows.add(`${f.row}\u0000${f.sheet}`);
  }
  const firsts = new Map<string, Map<unknown, number>>();
  const firstOf = (sheet: KeyFigureDetails["duplicates"][number]["sheet"], code: unknown) => {
    let byCode = firsts.get(sheet);
    if (!byCode) {
      const key = sheet === "projects" ? "code" : "projectCode";
      byCode = new Map();
      data.records[sheet].forEach((r, i) => {
        const c = (r as Record<string, unknown>)[key];
        if (!byCode!.has(c)) byCode!.set(c, i);
      });
      firsts.set(sheet, byCode);
    }
    return byCode.get(code)!;
  };
  const out: Finding[] = [];
  for (const d of details.duplicates) {
    const at = data.at[d.sheet][d.index];
    if (named.get(at.file)?.has(`${at.row}\u0000${at.sheet}`)) continue;
    const f = data.at[d.sheet][firstOf(d.sheet, d.code)];
    const where = `${f.file ? `${f.file}, ` : ""}${f.sheet} ${lang === "nl" ? "rij" : "row"} ${f.row}`;
    out.push({
      ...(at.file ? { file: at.file } : {}),
      sheet: at.sheet,
      cell: `A${at.row}`,
      row: at.row,
      column: null,
      projectCode: d.code,
      rule: d.sheet === "projects" ? "code-duplicate" : "financing-duplicate",
      severity: "error",
      message: DUPLICATE[lang](d.code, where),
      value: d.code,
    });
  }
  return out;
}

/** The key figures of `current`, against `previous` when given. */
export function computeKeyFigures(
  current: MeetmomentData,
  previous: MeetmomentData | null,
  lang: Lang = "nl"
): KeyFiguresResult {
  const cur = keyFigures(current.records, current.meetmoment);
  const prev = previous ? keyFigures(previous.records, previous.meetmoment) : null;
  const known = [...gapsFor(current.errors, "keyFigures")];
  const gaps = [...known, ...duplicateGaps(current, cur.details, known, lang)];
  if (previous && prev) {
    const knownPrev = gapsFor(previous.errors, "keyFigures");
    gaps.push(...knownPrev, ...duplicateGaps(previous, prev.details, knownPrev, lang));
  }
  const text = keyFigureText({ ...cur, previous: prev?.figures ?? null }, lang);
  return {
    figures: cur.figures,
    details: cur.details,
    previous: prev?.figures ?? null,
    text,
    gaps,
    data: current,
  };
}

/** The public JSON: the figures, `previous` when compared, and the sentences. */
export function keyFiguresJson(r: KeyFiguresResult) {
  return {
    ...r.figures,
    ...(r.previous ? { previous: r.previous } : {}),
    text: [...r.text.projects, ...r.text.milestones, ...r.text.finance],
  };
}

/** Build (or rebuild) the Kerncijfers sheet of the workbook behind `port`; a user's own sheet of that name is kept on Bewaard first. */
export async function buildKeyFigures(
  port: WorkbookPort,
  opts: {
    lang?: Lang;
    meetmoment?: string | null;
    previous?: { snapshot: WorkbookSnapshot; file: string } | null;
    activate?: boolean;
  } = {}
): Promise<KeyFiguresResult> {
  const lang = opts.lang ?? "nl";
  const snapshot = await port.read();
  const current = readMeetmoment(snapshot, { meetmoment: opts.meetmoment, lang });
  const previous = opts.previous
    ? readMeetmoment(opts.previous.snapshot, { file: opts.previous.file, lang })
    : null;
  const result = computeKeyFigures(current, previous, lang);
  const sheet = keyFiguresSheet(result, lang);
  await applyOwnSheet(port, snapshot, sheet, {
    titles: KEY_FIGURES_TITLES,
    lang,
    activate: opts.activate,
  });
  return result;
}
