/** Quarters, stored as "2022 Q1"; other spellings are read and noted, years outside the plan warned. */
import { toScalar } from "../cells";
import { formatQuarter, isPlanYear, parseQuarter } from "../parse";
import type { ColumnSpec } from "../template";
import { PLAN_FIRST_YEAR, PLAN_LAST_YEAR } from "../vocabulary";
import { isCanonicalQuarter, yearOfQuarter } from "./forms";
import { reportFailure, type CellReader } from "./reader";

// Module-level copies for the per-cell path: under tsx (the bench) an imported binding is a getter call.
const canonical = isCanonicalQuarter;
const yearOf = yearOfQuarter;
const FIRST_YEAR = PLAN_FIRST_YEAR;
const LAST_YEAR = PLAN_LAST_YEAR;

export function quarterReader(c: ColumnSpec): CellReader {
  return (cell, at) => {
    if (typeof cell === "string" && canonical(cell)) {
      const year = yearOf(cell);
      if (year < FIRST_YEAR || year > LAST_YEAR) at.sink.add("timing-range", at, at.code, cell);
      return cell;
    }
    const r = parseQuarter(cell);
    if (!r.ok) return reportFailure(r, c, cell, at, "timing-format");
    const text = formatQuarter(r.value);
    if (toScalar(cell) !== text) at.sink.add("timing-variant", at, at.code, cell, { parsed: text });
    if (!isPlanYear(r.value.year)) at.sink.add("timing-range", at, at.code, cell);
    return text;
  };
}
