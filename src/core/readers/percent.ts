/** Percentages, stored as fractions (7,2 % → 0.072). */
import { parsePercent } from "../parse";
import type { ColumnSpec } from "../template";
import { asPct, readNumber, type NumberStep } from "./number-step";
import type { CellReader } from "./reader";

const PERCENT: NumberStep<number> = {
  parse: parsePercent,
  typeRule: "type-percent",
  shownAs: asPct,
};

export function percentReader(c: ColumnSpec): CellReader {
  return (cell, at) => {
    if (typeof cell === "number" && Number.isFinite(cell)) return cell;
    return readNumber(PERCENT, c, cell, at);
  };
}
