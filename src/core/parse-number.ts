/**
 * Reading numbers people type into cells: amounts, percentages, and numbers where the plan sometimes
 * writes text. Every parser is total: it returns a result, never throws.
 *
 * Number rule (documented in docs/parsing.md):
 *  - units and currency around the number are ignored (€, EUR, euro, m², km, ha, ...);
 *  - a dash for the cents (`60.000.000,-`, `15.000.000,--`) is zero cents, and marks the decimal sign;
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
import { BLANK, type Parsed } from "./parsed";

const UNIT_AROUND =
  /^(?:€|eur|euro|ha|km|m²|m2|m³|m3|ton|stuks|st\.)\s*|\s*(?:€|eur|euro|euros|ha|km|m²|m2|m³|m3|ton|stuks|st\.|\(.*\))$/i;
const NUMERIC = /^[+-]?[\d.,]+$/;

/** A percentage (7.2) as a fraction (0.072) without binary noise (35.24 / 100 is 0.35240000000000005). */
export function percentToFraction(x: number): number {
  return Number((x / 100).toPrecision(15));
}

/**
 * Parse a number in text, Dutch or English notation; `percent` is set when a % sign was present.
 * One function on purpose (61 lines): it is the number rule of docs/parsing.md read top to bottom
 * (blank, percent sign, units, sign, separators), and each step decides what the next may see.
 */
export function parseNumberText(raw: string): Parsed<number> & { percent?: boolean } {
  let s = raw
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, "")
    .replace(/[\u00a0\u202f\u2009]/g, " ")
    .trim();
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
  // "60.000.000,-" and "15.000.000,--": accountants' dash for no cents; the comma is the decimal sign.
  s = s.replace(/(\d)([.,])[-\u2013\u2014]{1,2}$/, (_, d: string, sep: string) => `${d}${sep}00`);
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
