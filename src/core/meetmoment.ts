/**
 * The meetmoment: the date a monitoring workbook reports on. Three times a year in 2021, twice a year
 * (1 June and 1 December) from 2022. Stored as an ISO date ("2022-06-01").
 */
import { toScalar } from "./cells";

const MONTHS_NL = [
  "januari",
  "februari",
  "maart",
  "april",
  "mei",
  "juni",
  "juli",
  "augustus",
  "september",
  "oktober",
  "november",
  "december",
];
const MONTHS_EN = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];

function iso(y: number, m: number, d: number): string | null {
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/**
 * Read a meetmoment from a cell or an option: "2022-06-01", "1/6/2022" (day first, as in Flanders),
 * "1 juni 2022", "June 1, 2022", a date cell. Null when it is not a real date.
 */
export function parseMeetmoment(v: unknown): string | null {
  const s = toScalar(v);
  if (s instanceof Date) return iso(s.getUTCFullYear(), s.getUTCMonth() + 1, s.getUTCDate());
  if (typeof s !== "string") return null;
  const t = s.trim().toLowerCase();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (m) return iso(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})\s+([a-z]+)\s+(\d{4})$/.exec(t);
  if (m) {
    const month = Math.max(MONTHS_NL.indexOf(m[2]), MONTHS_EN.indexOf(m[2])) + 1;
    return month ? iso(Number(m[3]), month, Number(m[1])) : null;
  }
  m = /^([a-z]+)\s+(\d{1,2}),?\s+(\d{4})$/.exec(t);
  if (m) {
    const month = MONTHS_EN.indexOf(m[1]) + 1;
    return month ? iso(Number(m[3]), month, Number(m[2])) : null;
  }
  return null;
}

/** The regular meetmomenten of a year from 2022 on: 1 June and 1 December. */
export function regularMeetmomenten(year: number): string[] {
  return [`${year}-06-01`, `${year}-12-01`];
}

/** True for the regular meetmomenten (1 June, 1 December from 2022); other dates are allowed but unusual. */
export function isRegularMeetmoment(isoDate: string): boolean {
  const y = Number(isoDate.slice(0, 4));
  return y >= 2022 && regularMeetmomenten(y).includes(isoDate);
}

/** "1 juni 2022" / "1 June 2022", for messages and the instructions sheet. */
export function formatMeetmoment(isoDate: string, lang: "nl" | "en" = "nl"): string {
  const [y, m, d] = isoDate.split("-").map(Number);
  const name = (lang === "nl" ? MONTHS_NL : MONTHS_EN)[m - 1];
  return lang === "nl" ? `${d} ${name} ${y}` : `${d} ${name[0].toUpperCase()}${name.slice(1)} ${y}`;
}
