/**
 * Reading what people type into cells: quarters, project codes, text, list values and headers; numbers
 * (amounts, percentages) are read by parse-number.ts, re-exported here. Every parser is total: it
 * returns a result, never throws. The number rule is written in parse-number.ts and docs/parsing.md.
 */
import { isErrorValue, toScalar, type Scalar } from "./cells";
import { BLANK, type Parsed } from "./parsed";
import { PLAN_FIRST_YEAR, PLAN_LAST_YEAR } from "./vocabulary";
import { fold } from "./fold";

export {
  parseAmount,
  parseNumber,
  parseNumberOrText,
  parseNumberText,
  parsePercent,
  percentToFraction,
} from "./parse-number";
export type { ParseFailure, Parsed } from "./parsed";

const QUARTER_YEAR_FIRST = /^(\d{4})\s*[-/ .]?\s*(?:Q|K|T|kw|kwartaal)\s*([1-4])$/i;
const QUARTER_FIRST = /^(?:Q|K|T|kw|kwartaal)\s*([1-4])\s*[-/ .]?\s*(\d{4})$/i;
const QUARTER_ORDINAL =
  /^([1-4])\s*(?:e|de|ste|st|nd|rd|th)?\s*(?:kwartaal|quarter|kw\.?|Q)\s*(\d{4})$/i;

export interface Quarter {
  year: number;
  quarter: 1 | 2 | 3 | 4;
}

/** Normalised text of a quarter: "2022 Q1". */
export function formatQuarter(q: Quarter): string {
  return `${q.year} Q${q.quarter}`;
}

/** The last day of a quarter, as an ISO date: 2022 Q1 → "2022-03-31". */
export function quarterEnd(q: Quarter): string {
  const month = q.quarter * 3;
  const day = month === 3 || month === 12 ? 31 : 30;
  return `${q.year}-${String(month).padStart(2, "0")}-${day}`;
}

/** Excel date serials between 2000 and 2100: a date typed in a timing cell. */
function serialToDate(n: number): Date | undefined {
  if (n < 36526 || n > 73051) return undefined;
  return new Date(Math.round((n - 25569) * 86400000));
}

/**
 * A quarter: "2022 Q1", and the variants "Q1 2022", "2022-Q1", "2022Q1", "K1 2022", "1e kwartaal 2022".
 * A date (or a date serial) is accepted and turned into its quarter with a note.
 */
export function parseQuarter(cell: unknown): Parsed<Quarter> {
  const v = toScalar(cell);
  if (v === null) return BLANK;
  let date: Date | undefined;
  if (v instanceof Date) date = v;
  else if (typeof v === "number") date = serialToDate(v);
  if (date) {
    const q = {
      year: date.getUTCFullYear(),
      quarter: (Math.floor(date.getUTCMonth() / 3) + 1) as Quarter["quarter"],
    };
    return { ok: true, value: q, note: "date" };
  }
  if (typeof v !== "string")
    return isErrorValue(v as Scalar)
      ? { ok: false, reason: "error", text: (v as { error: string }).error }
      : { ok: false, reason: "format", text: String(v) };
  const s = v.replace(/[\u00a0\u202f]/g, " ").trim();
  if (s === "") return BLANK;
  let m = QUARTER_YEAR_FIRST.exec(s);
  if (m)
    return { ok: true, value: { year: Number(m[1]), quarter: Number(m[2]) as Quarter["quarter"] } };
  m = QUARTER_FIRST.exec(s) ?? QUARTER_ORDINAL.exec(s);
  if (m)
    return { ok: true, value: { year: Number(m[2]), quarter: Number(m[1]) as Quarter["quarter"] } };
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (iso) {
    const month = Number(iso[2]);
    if (month >= 1 && month <= 12)
      return {
        ok: true,
        value: {
          year: Number(iso[1]),
          quarter: (Math.floor((month - 1) / 3) + 1) as Quarter["quarter"],
        },
        note: "date",
      };
  }
  return { ok: false, reason: "format", text: s };
}

export function isPlanYear(year: number): boolean {
  return year >= PLAN_FIRST_YEAR && year <= PLAN_LAST_YEAR;
}

const CODE = /^vv\s*[-_ ]?\s*(\d{1,3})$/i;
/** "VV" and three digits exactly: what CODE reads as itself. */
function isPlainCode(s: string): boolean {
  if (s.length !== 5 || s.charCodeAt(0) !== 86 || s.charCodeAt(1) !== 86) return false;
  for (let i = 2; i < 5; i++) {
    const d = s.charCodeAt(i);
    if (d < 48 || d > 57) return false;
  }
  return true;
}
/** Zero-width space, non-joiner, joiner, word joiner and BOM: characters nobody sees in a cell. */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/g;
/** A project code, normalised: "vv012 " → "VV012", "VV 12" → "VV012". Numbers are not codes. */
export function parseProjectCode(cell: unknown): Parsed<string> {
  // The form almost every code cell has ("VV012"): read without regex or allocation but the result.
  if (typeof cell === "string" && isPlainCode(cell)) return { ok: true, value: cell };
  const v = toScalar(cell);
  if (v === null) return BLANK;
  if (typeof v !== "string")
    return {
      ok: false,
      reason: isErrorValue(v as Scalar) ? "error" : "format",
      text: String(isErrorValue(v as Scalar) ? (v as { error: string }).error : v),
    };
  // Invisible characters pasted from web pages and mails (zero-width space, joiners, BOM) are no part of it.
  const s = v
    .replace(INVISIBLE, "")
    .replace(/[\u00a0\u202f]/g, " ")
    .trim();
  if (s === "") return BLANK;
  const m = CODE.exec(s);
  if (!m) return { ok: false, reason: "format", text: s };
  return { ok: true, value: "VV" + m[1].padStart(3, "0") };
}

/** Whether a cell reads as a project code (parseProjectCode(cell).ok), without a result object for "VV012". */
export function readsAsProjectCode(cell: unknown): boolean {
  return (typeof cell === "string" && isPlainCode(cell)) || parseProjectCode(cell).ok;
}

/** Plain text: numbers and booleans become text; errors fail. Multiple spaces are kept as typed. */
export function parseText(cell: unknown): Parsed<string> {
  const v = toScalar(cell);
  if (v === null) return BLANK;
  if (typeof v === "string") return v.trim() === "" ? BLANK : { ok: true, value: v.trim() };
  if (typeof v === "number" || typeof v === "boolean") return { ok: true, value: String(v) };
  if (v instanceof Date) return { ok: true, value: v.toISOString().slice(0, 10) };
  return { ok: false, reason: "error", text: v.error };
}

/** For list values: a digit zero before a letter reads as the letter o ("04. 0pleidings-" is the plan's own label). */
const foldList = (s: string) => fold(s).replace(/0(?=[a-z])/g, "o");

/**
 * A value from a list. Exact match first; else a match ignoring case, accents and spacing; else a
 * unique match on the number prefix ("05" or "5" → "05. Versterking O&O").
 */
export function makeListParser(list: readonly string[]): (cell: unknown) => Parsed<string> {
  const exact = new Set(list);
  const folded = new Map(list.map((l) => [foldList(l), l]));
  const byNumber = new Map<number, string>();
  for (const l of list) {
    const m = /^(\d{1,2})\.\s/.exec(l);
    if (m) byNumber.set(Number(m[1]), l);
  }
  return (cell) => {
    const v = toScalar(cell);
    if (v === null) return BLANK;
    if (typeof v === "string" && exact.has(v)) return { ok: true, value: v };
    if (typeof v === "number" && byNumber.has(v))
      return { ok: true, value: byNumber.get(v)!, note: "normalised" };
    if (typeof v !== "string")
      return {
        ok: false,
        reason: isErrorValue(v as Scalar) ? "error" : "format",
        text: String(isErrorValue(v as Scalar) ? (v as { error: string }).error : v),
      };
    if (v.trim() === "") return BLANK;
    const f = folded.get(foldList(v));
    if (f) return { ok: true, value: f, note: fold(f) === fold(v) ? "normalised" : "zero" };
    const m = /^(\d{1,2})\.?$/.exec(v.trim());
    if (m && byNumber.has(Number(m[1])))
      return { ok: true, value: byNumber.get(Number(m[1]))!, note: "normalised" };
    return { ok: false, reason: "format", text: v };
  };
}

/**
 * A header without its currency: "VAK (EUR)", "Uitvoering VAK (in euro)", "Budget in EUR", "VEK €" →
 * "VAK", ... A scaled unit ("x 1.000 EUR", "k€", "duizend euro") keeps its scale, so such a header is not
 * mistaken for a column in euro.
 */
export function withoutCurrency(header: string): string {
  return header
    .replace(/\(\s*(?:in\s+)?(?:€|eur(?:o'?s?)?)\s*\)/gi, " ")
    .replace(/(?:\bin\s+)?(?:€|\beur(?:o'?s?)?\b)/gi, " ");
}

const SCALE =
  /\(?\s*(?:in\s+)?(?:x\s*1[.,\s]?000(?:[.,\s]?000)?|k\s*€|k\s*eur\b|duizend(?:en)?|mio\b|mln\b|miljoen(?:en)?|m\s*€|m\s*eur\b)\s*(?:€|eur(?:o'?s?)?\b)?\s*\)?/i;

/** SCALE as a word of a longer text (a title line): "Premio" does not state millions. */
const SCALE_WORD = new RegExp(`(?<![\\p{L}\\d])(?:${SCALE.source})`, "iu");

/** The scale a text states ("x 1.000 EUR", "duizend euro", "k€"), as written; null when none. */
export function scaleIn(text: string): string | null {
  const m = SCALE_WORD.exec(text);
  return m ? m[0].replace(/^[\s(]+|[\s)]+$/g, "") : null;
}

/**
 * The scale a cell's number format shows beside its number, as written ("k€" for `#,##0 "k€"`, "duizend
 * euro" for `0 "duizend euro"`, "k€" for `[$k€-813] #,##0`): the number typed is then in thousands or
 * millions, as a person reading the cell takes it. Null when the format states none, and when it divides
 * the number itself for display (a comma after the last digit, `#,##0,"k€"`): the cell then holds euro.
 */
export function scaleInFormat(code: string): string | null {
  let literal = "";
  let divides = false;
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    if (ch === '"') {
      const end = code.indexOf('"', i + 1);
      literal += ` ${code.slice(i + 1, end < 0 ? code.length : end)} `;
      i = end < 0 ? code.length : end;
    } else if (ch === "\\") {
      literal += code[++i] ?? "";
    } else if (ch === "[") {
      const end = code.indexOf("]", i + 1);
      const inside = code.slice(i + 1, end < 0 ? code.length : end);
      // [$k€-813]: a currency symbol with its locale; [Red], [>=100]: no text shown.
      if (inside.startsWith("$")) literal += ` ${inside.slice(1).replace(/-[0-9A-Fa-f]+$/, "")} `;
      i = end < 0 ? code.length : end;
    } else if (ch === "," && /[0#?,]/.test(code[i - 1] ?? "") && !/[0#?]/.test(code[i + 1] ?? "")) {
      // A thousands separator stands between digits; one after the last digit divides by 1,000.
      divides = true;
    } else literal += /[0#?.,;%eE+\-_*@]/.test(ch) ? " " : ch;
  }
  return divides ? null : scaleIn(literal);
}

/** A header whose numbers are percentages ("Uitvoering VAK (%)", "VEK in procent"): shares, not euro. */
const PERCENT = /\(\s*%\s*\)|%|(?<!\p{L})(?:procent|percent(?:age)?)(?!\p{L})/iu;

export function statesPercent(header: string): boolean {
  return PERCENT.test(header);
}

/**
 * A header whose amounts are not in euro but in thousands or millions of euro ("VAK (x 1.000 EUR)", "VEK
 * k€", "Budget in miljoen euro") or percentages ("Uitvoering VAK (%)"): the header without its unit, or
 * null when it has none.
 */
export function withoutScale(header: string): string | null {
  if (SCALE.test(header)) return withoutCurrency(header.replace(SCALE, " "));
  if (PERCENT.test(header)) return header.replace(PERCENT, " ");
  return null;
}

/** Fold a header or sheet name for matching: case, accents, punctuation and spacing do not count. */
export function foldHeader(s: string): string {
  return fold(s)
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}
