/**
 * Values between the port and Office.js. Excel parses every string written to `Range.values` as if a user
 * typed it (en-US rules whatever the display language): "1.0" becomes the number 1, "2022-06-01" a date,
 * "TRUE" a boolean, "=…" a formula. Text that must stay text is therefore written with a quote prefix
 * ("'1.0"), which Excel takes as "this is text" and does not keep in the value; in text-formatted cells
 * ("@") Excel keeps strings as typed.
 */
import type { WriteValue } from "../workbook/port";

/** Excel's serial date number of a Date (days since 1899-12-30, UTC). */
export function excelSerial(d: Date): number {
  return (d.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;
}

/**
 * Whether Excel could read a string as something else than text. Cautious on purpose: any string with a
 * digit (numbers, dates, times, fractions, "1 jan"), a boolean word, or a leading = + - @ ' gets the prefix;
 * the prefix never changes the value read back, a missed case would.
 */
export function needsQuote(s: string): boolean {
  return /^[=+\-@']/.test(s) || /\d/.test(s) || /^\s*(true|false|waar|onwaar)\s*$/i.test(s);
}

/** A planned value as Office.js takes it in `values`: formulas with "=", blanks as "", dates as serials. */
export function toOffice(
  v: WriteValue | undefined,
  textFormat: boolean
): string | number | boolean {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return excelSerial(v);
  if (typeof v === "object") return `=${v.formula}`;
  if (typeof v === "string") {
    if (v.startsWith("=") || v.startsWith("'")) return `'${v}`; // text, never a formula
    return !textFormat && needsQuote(v) ? `'${v}` : v;
  }
  return v;
}

/** Whether a planned value is a formula. */
export function isFormula(v: WriteValue | undefined): v is { formula: string } {
  return typeof v === "object" && v !== null && !(v instanceof Date);
}

/**
 * A cell as the snapshot wants it, from `values` and `formulas` of the same cell: a formula cell is
 * `{ formula, result }` (formula without "="), a blank is null, anything else its value. `formulas` gives
 * a constant's value for a cell without formula, so the text "=SOM(A1)" (typed with a quote) reads the
 * same in both: that is text, not a formula.
 */
export function snapshotCell(value: unknown, formula: unknown): unknown {
  if (
    typeof formula === "string" &&
    formula.startsWith("=") &&
    formula.length > 1 &&
    formula !== value
  )
    return { formula: formula.slice(1), result: value === "" ? null : value };
  return value === "" ? null : value;
}

/** Column width in characters to points (Excel's default 8.43 characters are 48 points). */
export function points(chars: number): number {
  return Math.round(chars * 5.7 + 5);
}

export function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
