/**
 * Raw cell values as hosts deliver them. Office.js gives numbers, strings, booleans and error strings;
 * exceljs adds Date, {error}, {richText}, {formula, result}, {hyperlink, text}. The core accepts all of
 * them so that adapters can pass cells through untouched.
 */
export interface CellErrorValue {
  error: string;
}
export interface RichTextValue {
  richText: { text: string }[];
}
export type CellValue =
  | string
  | number
  | boolean
  | null
  | undefined
  | Date
  | CellErrorValue
  | RichTextValue
  | { formula?: string; sharedFormula?: string; result?: unknown }
  | { text?: unknown; hyperlink?: string };

const ERROR_TEXT =
  /^#(N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!|SPILL!|CALC!|GETTING_DATA|BUSY!|FIELD!|CONNECT!|BLOCKED!|UNKNOWN!)$/;

/** A scalar view of a cell: objects unwrapped to their value, errors to {error}. */
export type Scalar = string | number | boolean | null | Date | CellErrorValue;

export function toScalar(v: unknown): Scalar {
  if (v === null || v === undefined) return null;
  switch (typeof v) {
    case "number":
      return Number.isFinite(v) ? v : { error: "#NUM!" };
    case "string":
      return ERROR_TEXT.test(v) ? { error: v } : v;
    case "boolean":
      return v;
    case "bigint":
      return Number(v);
    case "object":
      break;
    default:
      return String(v);
  }
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? { error: "#VALUE!" } : v;
  const o = v as Record<string, unknown>;
  if (typeof o.error === "string") return { error: o.error };
  // Office's custom-function runtime hands error cells over as {code: "#N/A", ...}.
  if (typeof o.code === "string" && o.code.startsWith("#")) return { error: o.code };
  if (Array.isArray(o.richText))
    return o.richText.map((r) => String((r as { text?: unknown })?.text ?? "")).join("");
  if ("formula" in o || "sharedFormula" in o) return "result" in o ? toScalar(o.result) : null;
  if ("text" in o) return toScalar(o.text);
  if ("result" in o) return toScalar(o.result);
  // An object no host should send: unreadable, reported like an error value rather than "[object Object]".
  return { error: "#VALUE!" };
}

/** A cell as text, untrimmed: blank → "", otherwise its scalar value (rich text joined, a formula's result). */
export function cellText(v: unknown): string {
  return isBlank(v) ? "" : String(toScalar(v));
}

/**
 * A formula cell whose file stores no result (files written by scripts): exceljs gives `{formula}`
 * without `result`. Such a cell is never blank: its value is computed or reported, never read as empty.
 */
export function isUncomputedFormula(v: unknown): v is { formula?: string; sharedFormula?: string } {
  if (typeof v !== "object" || v === null || v instanceof Date) return false;
  const o = v as Record<string, unknown>;
  return ("formula" in o || "sharedFormula" in o) && o.result === undefined;
}

export function isBlank(v: unknown): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v === "string") {
    // A text that starts with a visible ASCII character is not blank: no trimmed copy for nearly every text.
    const c = v.charCodeAt(0);
    return c > 32 && c < 127 ? false : v.trim() === "";
  }
  if (isUncomputedFormula(v)) return false;
  if (typeof v === "object" && !(v instanceof Date)) {
    const s = toScalar(v);
    return s === null || (typeof s === "string" && s.trim() === "");
  }
  return false;
}

export function isErrorValue(v: Scalar): v is CellErrorValue {
  return typeof v === "object" && v !== null && !(v instanceof Date);
}

/** The longest text a message or JSON shows of a cell. */
export const SHOWN_LENGTH = 200;

/** A text cut to `max` characters, "..." marking the cut. */
export function cutText(s: string, max = SHOWN_LENGTH): string {
  return s.length > max ? s.slice(0, max - 3) + "..." : s;
}

/** How a cell value is shown in a message or JSON: short, never an object. */
export function displayValue(v: unknown): string | number | boolean | null {
  const s = toScalar(v);
  if (s === null) return null;
  if (s instanceof Date) return s.toISOString().slice(0, 10);
  if (isErrorValue(s)) return s.error;
  if (typeof s === "string") return cutText(s);
  return s;
}

/** Column letters for a 0-based index: 0 → A, 27 → AB. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 0-based column index of letters: A → 0. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}
