/** A number where the plan sometimes writes text (a target "handboek beschikbaar"): either is kept. */
import { parseNumberOrText } from "../parse";
import type { ColumnSpec } from "../template";
import { plain, readNumber, type NumberStep } from "./number-step";
import type { CellReader } from "./reader";

const NUMBER_OR_TEXT: NumberStep<number | string> = {
  parse: parseNumberOrText,
  typeRule: "type-amount",
  shownAs: plain,
};

export function numberOrTextReader(c: ColumnSpec): CellReader {
  return (cell, at) => {
    if (typeof cell === "number" && Number.isFinite(cell)) return cell;
    return readNumber(NUMBER_OR_TEXT, c, cell, at);
  };
}
