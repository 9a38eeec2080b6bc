/**
 * Reading what people type into cells: amounts and numbers in Dutch or English notation, percentages,
 * quarters, project codes, list values. Every parser is total: it returns a result, never throws.
 *
 * Number rule (documented in docs/parsing.md):
 *  - units and currency around the number are ignored (€, EUR, euro, m², km, ha, ...);
 *  - spaces (also non-breaking) inside digits are thousands separators: `202 000`;
 *  - with both `.` and `,`, the last one is the decimal separator: `30.000.000,00`, `1,650,000.50`;
 *  - a separator that occurs more than once is a thousands separator: `1.650.000`, `1,650,000`;
 *  - a single separator followed by other than exactly three digits is the decimal separator: `7,2`,
 *    `3.25`;
 *  - a single separator followed by exactly three digits (`74,032`, `344.000`) is ambiguous. Dutch wins
 *    (`,` decimal, `.` thousands) and the result carries an `ambiguous` warning with the other reading,
 *    because the two readings differ by a factor of 1000.
 */
import { isErrorValue, toScalar, type Scalar } from "./cells";
import { PLAN_FIRST_YEAR, PLAN_LAST_YEAR } from "./vocabulary";

export type ParseFailure = "blank" | "text" | "error" | "format" | "boolean";
export type Parsed<T> =
  | { ok: true; value: T; ambiguous?: { other: number }; note?: string }
  | { ok: false; reason: ParseFailure; text?: string };

const BLANK = { ok: false, reason: "blank" } as const;

const UNIT_AROUND =
  /^(?:€|eur|euro|ha|km|m²|m2|m³|m3|ton|stuks|st\.)\s*|\s*(?:€|eur|euro|euros|ha|km|m²|m2|m³|m3|ton|stuks|st\.|\(.*\))$/i;
const NUMERIC = /^[+-]?[\d.,]+$/;

/** A percentage (7.2) as a fraction (0.072) without binary noise (35.24 / 100 is 0.35240000000000005). */
export function percentToFraction(x: number): number {
  return Number((x / 100).toPrecision(15));
}

/** Parse a number in text, Dutch or English notation; `percent` is set when a % sign was present. */
export function parseNumberText(raw: string): Parsed<number> & { percent?: boolean } {
  let s = raw.replace(/[\u00a0\u202f\u2009]/g, " ").trim();
  if (s === "") return BLANK;
  let percent = false;
  if (s.endsWith("%")) {
    percent = true;
    s = s.slice(0, -1).trim();
  }
  // Strip units/currency on either side, repeatedly ("€ 5", "344.000 EUR", "12 km").
  for (let i = 0; i < 3; i++) {
    const t = s.replace(UNIT_AROUND, "").trim();
    if (t === s) break;
    s = t;
  }
  s = s.replace(/(\d) +(?=\d)/g, "$1");
  let sign = 1;
  if (s.startsWith("−") || s.startsWith("-")) {
    sign = -1;
    s = s.slice(1).trim();
  } else if (s.startsWith("+")) s = s.slice(1).trim();
  if (!NUMERIC.test(s) || !/\d/.test(s)) return { ok: false, reason: "text", text: raw };
  const dots = countOf(s, ".");
  const commas = countOf(s, ",");
  let value: number;
  let ambiguous: { other: number } | undefined;
  if (dots > 0 && commas > 0) {
    const dec = s.lastIndexOf(".") > s.lastIndexOf(",") ? "." : ",";
    const thou = dec === "." ? "," : ".";
    if (countOf(s, dec) > 1) return { ok: false, reason: "format", text: raw };
    const [intPart, frac] = s.split(dec);
    if (!groupedOk(intPart, thou)) return { ok: false, reason: "format", text: raw };
    value = Number(intPart.split(thou).join("") + "." + frac);
  } else if (dots + commas === 0) {
    value = Number(s);
  } else {
    const sep = dots > 0 ? "." : ",";
    const n = dots + commas;
    if (n > 1) {
      if (!groupedOk(s, sep)) return { ok: false, reason: "format", text: raw };
      value = Number(s.split(sep).join(""));
    } else {
      const [intPart, frac] = s.split(sep);
      if (intPart === "" || frac === "") {
        value = Number((intPart || "0") + "." + (frac || "0"));
      } else if (frac.length === 3 && !/^0+$/.test(intPart) && intPart.length <= 3) {
        // Ambiguous: Dutch reading wins, the other reading is reported.
        const asThousands = Number(intPart + frac);
        const asDecimal = Number(intPart + "." + frac);
        value = sep === "." ? asThousands : asDecimal;
        ambiguous = { other: sign * (sep === "." ? asDecimal : asThousands) };
      } else {
        value = Number(intPart + "." + frac);
      }
    }
  }
  if (!Number.isFinite(value)) return { ok: false, reason: "format", text: raw };
  const out: Parsed<number> & { percent?: boolean } = { ok: true, value: sign * value };
  if (ambiguous) out.ambiguous = ambiguous;
  if (percent) out.percent = true;
  return out;
}

function countOf(s: string, ch: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s[i] === ch) n++;
  return n;
}

/** "1.650.000" grouped by thousands: first group 1–3 digits, then groups of exactly 3. */
function groupedOk(s: string, sep: string): boolean {
  const parts = s.split(sep);
  if (parts[0].length < 1 || parts[0].length > 3) return false;
  for (let i = 1; i < parts.length; i++) if (parts[i].length !== 3) return false;
  return true;
}

function fromScalar(v: Scalar): Parsed<number> & { percent?: boolean } {
  if (v === null) return BLANK;
  if (typeof v === "number") return { ok: true, value: v };
  if (typeof v === "string") return parseNumberText(v);
  if (typeof v === "boolean") return { ok: false, reason: "boolean", text: String(v) };
  if (v instanceof Date) return { ok: false, reason: "format", text: v.toISOString().slice(0, 10) };
  if (isErrorValue(v)) return { ok: false, reason: "error", text: v.error };
  return { ok: false, reason: "text", text: String(v) };
}

/** A number (or amount): numeric cells as they are, text in Dutch or English notation. */
export function parseNumber(cell: unknown): Parsed<number> {
  if (typeof cell === "number")
    return Number.isFinite(cell)
      ? { ok: true, value: cell }
      : { ok: false, reason: "error", text: "#NUM!" };
  const r = fromScalar(toScalar(cell));
  if (r.ok && r.percent)
    return {
      ok: true,
      value: percentToFraction(r.value),
      ambiguous: r.ambiguous && { other: percentToFraction(r.ambiguous.other) },
    };
  return r;
}

/** An amount in EUR: a number; a % sign makes it text. */
export function parseAmount(cell: unknown): Parsed<number> {
  if (typeof cell === "number")
    return Number.isFinite(cell)
      ? { ok: true, value: cell }
      : { ok: false, reason: "error", text: "#NUM!" };
  const r = fromScalar(toScalar(cell));
  if (r.ok && r.percent) return { ok: false, reason: "text", text: String(cell) };
  return r;
}

/**
 * A percentage as a fraction: numeric cells are already fractions (Excel stores 7,2 % as 0.072);
 * text with a % sign is divided by 100; text without one is read like a numeric cell.
 */
export function parsePercent(cell: unknown): Parsed<number> {
  if (typeof cell === "number")
    return Number.isFinite(cell)
      ? { ok: true, value: cell }
      : { ok: false, reason: "error", text: "#NUM!" };
  const r = fromScalar(toScalar(cell));
  if (!r.ok) return r;
  if (r.percent)
    return {
      ok: true,
      value: percentToFraction(r.value),
      ambiguous: r.ambiguous && { other: percentToFraction(r.ambiguous.other) },
    };
  return r;
}

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
/** A project code, normalised: "vv012 " → "VV012", "VV 12" → "VV012". Numbers are not codes. */
export function parseProjectCode(cell: unknown): Parsed<string> {
  const v = toScalar(cell);
  if (v === null) return BLANK;
  if (typeof v !== "string")
    return {
      ok: false,
      reason: isErrorValue(v as Scalar) ? "error" : "format",
      text: String(isErrorValue(v as Scalar) ? (v as { error: string }).error : v),
    };
  const s = v.replace(/[\u00a0\u202f]/g, " ").trim();
  if (s === "") return BLANK;
  const m = CODE.exec(s);
  if (!m) return { ok: false, reason: "format", text: s };
  return { ok: true, value: "VV" + m[1].padStart(3, "0") };
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

function fold(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
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

/** Streefwaarde and realisatie: a number when the cell reads as one, else the text as typed. */
export function parseNumberOrText(cell: unknown): Parsed<number | string> & { percent?: boolean } {
  if (typeof cell === "number")
    return Number.isFinite(cell)
      ? { ok: true, value: cell }
      : { ok: false, reason: "error", text: "#NUM!" };
  const v = toScalar(cell);
  if (v === null) return BLANK;
  if (typeof v === "string") {
    const r = parseNumberText(v);
    if (r.ok) return r;
    if (r.reason === "blank") return BLANK;
    return { ok: true, value: v.trim() };
  }
  return fromScalar(v);
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

/**
 * A header whose amounts are in thousands or millions of euro ("VAK (x 1.000 EUR)", "VEK k€", "Budget in
 * miljoen euro"): the header without its scale, or null when it has none.
 */
export function withoutScale(header: string): string | null {
  if (!SCALE.test(header)) return null;
  return withoutCurrency(header.replace(SCALE, " "));
}

/** Fold a header or sheet name for matching: case, accents, punctuation and spacing do not count. */
export function foldHeader(s: string): string {
  return fold(s)
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}
