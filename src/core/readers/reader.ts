/**
 * What a cell reader is: a function from a cell to the value stored in the column (null when it cannot
 * be read), reporting what it finds at the cell `at` points to. The read loop moves `at` from cell to
 * cell instead of making an object per cell.
 */
import type { FindingSink } from "../finding-sink";
import type { Parsed } from "../parse";
import type { RuleCode } from "../rules";
import type { SheetKey } from "../schema";
import type { ColumnSpec } from "../template";

export type CellReader = (cell: unknown, at: At) => unknown;

/** The cell being read: its sheet, row, column, the finding sink and the row's project code. */
export interface At {
  sheet: string;
  target: SheetKey;
  row: number;
  letter: string;
  column: string;
  sink: FindingSink;
  code: string | null;
}

/** Report a cell that did not parse: blank (when required), an error value, or else `typeRule`. */
export function reportFailure(
  r: Parsed<unknown> & { ok: false },
  c: ColumnSpec,
  cell: unknown,
  at: At,
  typeRule: RuleCode
): null {
  if (r.reason === "blank") {
    if (c.required) at.sink.add("required", at, at.code, cell);
  } else if (r.reason === "error") at.sink.add("cell-error", at, at.code, cell);
  else at.sink.add(typeRule, at, at.code, cell);
  return null;
}
