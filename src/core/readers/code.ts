/** Project codes: VV and three digits, within VV001–VV180. */
import { parseProjectCode } from "../parse";
import type { ColumnSpec } from "../template";
import { LAST_PROJECT } from "../vocabulary";
import { isCanonicalCode } from "./forms";
import { reportFailure, type CellReader } from "./reader";

// Module-level copy for the per-cell path: under tsx (the bench) an imported binding is a getter call.
const canonical = isCanonicalCode;

export function codeReader(c: ColumnSpec): CellReader {
  return (cell, at) => {
    if (typeof cell === "string" && canonical(cell)) return cell;
    const r = parseProjectCode(cell);
    if (!r.ok) return reportFailure(r, c, cell, at, "code-format");
    const n = Number(r.value.slice(2));
    if (n < 1 || n > LAST_PROJECT) at.sink.add("code-range", at, r.value, cell);
    return r.value;
  };
}
