/**
 * The standard form of a cell, as conversion and merge write it: codes as VV083, amounts and numbers as
 * numbers, percentages as fractions, quarters as YYYY Qn, list values exactly as in the list. Whatever
 * the cell looked like, the converted workbook's own formulas (SUMIFS, lookups by code) then see what
 * `vv-monitor` reads. A cell that cannot be read stays as it was, so that validation still reports it.
 */
import { isErrorValue, toScalar, type Scalar } from "./cells";
import {
  formatQuarter,
  parseAmount,
  parseNumberOrText,
  parsePercent,
  parseProjectCode,
  parseQuarter,
  type Parsed,
} from "./parse";
import { listParserOf } from "./readers/list";
import type { ColumnSpec } from "./template";

function parsed(c: ColumnSpec, v: Scalar): Parsed<unknown> | null {
  switch (c.kind) {
    case "code":
      return parseProjectCode(v);
    case "amount":
      return parseAmount(v);
    case "percent":
      return parsePercent(v);
    case "quarter": {
      const r = parseQuarter(v);
      return r.ok ? { ok: true, value: formatQuarter(r.value) } : r;
    }
    case "numberOrText": {
      const r = parseNumberOrText(v);
      return r.ok && typeof r.value === "number" ? r : null;
    }
    case "list":
      return listParserOf(c)(v);
    default:
      return null;
  }
}

/**
 * The value to write for a cell of column `c` (its scalar: a formula gives its result), and whether it
 * differs from the cell as typed. Text columns keep their cells as they are.
 */
export function canonicalValue(c: ColumnSpec, cell: unknown): { value: Scalar; changed: boolean } {
  const v = toScalar(cell);
  if (v === null || isErrorValue(v)) return { value: v, changed: false };
  const r = parsed(c, v);
  if (!r || !r.ok) return { value: v, changed: false };
  const value = r.value as Scalar;
  return { value, changed: value !== v };
}

/** The kinds of column whose texts `parsed` reads (a text column keeps its texts as they are). */
const PARSED_KINDS = new Set<ColumnSpec["kind"]>([
  "code",
  "amount",
  "percent",
  "quarter",
  "numberOrText",
  "list",
]);

/**
 * canonicalValue with each text of a parsed column read once: a merge meets the same codes, statuses and
 * quarters in every file. For one table build (its memory goes with it).
 */
export function canonicalValues(): typeof canonicalValue {
  const byColumn = new Map<ColumnSpec, Map<string, ReturnType<typeof canonicalValue>>>();
  return (c, cell) => {
    if (typeof cell !== "string" || !PARSED_KINDS.has(c.kind)) return canonicalValue(c, cell);
    let known = byColumn.get(c);
    if (!known) byColumn.set(c, (known = new Map()));
    let r = known.get(cell);
    if (!r) known.set(cell, (r = canonicalValue(c, cell)));
    return r;
  };
}
