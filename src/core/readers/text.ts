/** Text and long text: kept trimmed; a number or a date becomes its text. */
import { parseText } from "../parse";
import type { ColumnSpec } from "../template";
import { reportFailure, type CellReader } from "./reader";

export function textReader(c: ColumnSpec): CellReader {
  return (cell, at) => {
    if (typeof cell === "string") {
      const t = cell.trim();
      if (t !== "") return t;
    }
    const r = parseText(cell);
    return r.ok ? r.value : reportFailure(r, c, cell, at, "cell-error");
  };
}
