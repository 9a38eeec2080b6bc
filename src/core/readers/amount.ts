/** Amounts in euro: a number, or text that parses as one; never negative. */
import { parseAmount } from "../parse";
import type { ColumnSpec } from "../template";
import { plain, readNumber, type NumberStep } from "./number-step";
import type { At, CellReader } from "./reader";

function negative(cell: unknown, at: At, value?: number): void {
  at.sink.add("amount-negative", at, at.code, cell, value === undefined ? {} : { value });
}

const AMOUNT: NumberStep<number> = {
  parse: parseAmount,
  typeRule: "type-amount",
  shownAs: plain,
  check: (value, cell, at) => {
    if (value < 0) negative(cell, at, value);
  },
};

export function amountReader(c: ColumnSpec): CellReader {
  return (cell, at) => {
    if (typeof cell === "number") {
      if (cell < 0) negative(cell, at);
      if (Number.isFinite(cell)) return cell;
    }
    return readNumber(AMOUNT, c, cell, at);
  };
}
