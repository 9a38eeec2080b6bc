/**
 * Reading one argument as Excel hands it to a custom function: a blank cell as 0, "" or null, an error
 * cell as an object, a single cell sometimes as a 1x1 matrix, and numbers typed as Dutch or English text.
 */
import { toScalar, isErrorValue, type Scalar } from "../../core/cells";
import { foldHeader, parseNumber } from "../../core/parse";
import { failed, type Failed } from "./result";

/**
 * A cell value as custom functions receive it, made a core scalar. Besides what toScalar knows, Excel
 * may hand an error cell over as a CustomFunctions.Error-like object `{code: "#N/A"}`, and a blank cell
 * as "" or null; single-cell arguments can also arrive as a 1x1 matrix.
 */
export function argScalar(v: unknown): Scalar {
  if (Array.isArray(v)) {
    if (v.length === 1 && Array.isArray(v[0]) && v[0].length === 1) return argScalar(v[0][0]);
    return { error: "#VALUE!" };
  }
  if (v !== null && typeof v === "object" && !(v instanceof Date)) {
    const code = (v as { code?: unknown }).code;
    if (typeof code === "string" && code.startsWith("#")) return { error: code };
    const cell = v as { type?: unknown; basicValue?: unknown };
    // A cell holding a data type (a formatted number, an entity, linked data: Excel's CellValue) arrives
    // as an object when the function allows it: what counts is its basic value, the one a formula sees
    // (an entity's is "#VALUE!"). A data type without one cannot be read: #VALUE!, never "[object]".
    if (typeof cell.type === "string")
      return "basicValue" in cell ? argScalar(cell.basicValue) : { error: "#VALUE!" };
  }
  return toScalar(v);
}

export function isBlankScalar(s: Scalar): boolean {
  return s === null || (typeof s === "string" && s.trim() === "");
}

/** An argument as the user typed it, for a message. */
export function show(s: Scalar): string {
  if (s === null) return "";
  if (s instanceof Date) return s.toISOString().slice(0, 10);
  if (isErrorValue(s)) return s.error;
  return String(s);
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A numeric argument: blank → null, a number or text in Dutch/English notation → number, else an error. */
export function numberArg(
  v: unknown,
  what: { nl: string; en: string }
): { ok: true; value: number | null } | Failed {
  const s = argScalar(v);
  if (isBlankScalar(s)) return { ok: true, value: null };
  const p = parseNumber(s);
  if (p.ok) return { ok: true, value: p.value };
  if (p.reason === "error")
    return failed(
      "value",
      `${cap(what.nl)} bevat de fout ${p.text}.`,
      `${cap(what.en)} holds the error ${p.text}.`
    );
  return failed(
    "value",
    `${cap(what.nl)} is geen getal: "${show(s)}". Typ een getal, bv. 1650000 of 1.650.000.`,
    `${cap(what.en)} is not a number: "${show(s)}".`
  );
}

const TRUE_WORDS = new Set(["true", "waar", "ja", "yes", "j", "y", "1", "aftoppen", "cap"]);
const FALSE_WORDS = new Set(["false", "onwaar", "nee", "no", "n", "0"]);

/** A yes/no argument: omitted or blank → the default; TRUE/FALSE, 1/0, ja/nee, waar/onwaar. */
export function booleanArg(v: unknown, dflt: boolean): boolean | null {
  const s = argScalar(v);
  if (isBlankScalar(s)) return dflt;
  if (typeof s === "boolean") return s;
  if (typeof s === "number") return s === 1 ? true : s === 0 ? false : null;
  if (typeof s === "string") {
    const f = foldHeader(s);
    if (TRUE_WORDS.has(f)) return true;
    if (FALSE_WORDS.has(f)) return false;
  }
  return null;
}
