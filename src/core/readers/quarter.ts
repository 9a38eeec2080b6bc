/** Quarters, stored as "2022 Q1"; other spellings are read and noted, years outside the plan warned. */
import { toScalar } from "../cells";
import { formatQuarter, isPlanYear, parseQuarter } from "../parse";
import type { ColumnSpec } from "../template";
import { isCanonicalQuarter, yearOfQuarter } from "./forms";
import { reportFailure, type CellReader } from "./reader";

export function quarterReader(c: ColumnSpec): CellReader {
  return (cell, at) => {
    if (typeof cell === "string" && isCanonicalQuarter(cell)) {
      if (!isPlanYear(yearOfQuarter(cell))) at.sink.add("timing-range", at, at.code, cell);
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
