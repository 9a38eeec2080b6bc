/** The reader of each column, chosen by its schema kind and made once per column. */
import type { ColumnSpec } from "../template";
import { amountReader } from "./amount";
import { codeReader } from "./code";
import { listReader } from "./list";
import { numberOrTextReader } from "./number-or-text";
import { percentReader } from "./percent";
import { quarterReader } from "./quarter";
import type { CellReader } from "./reader";
import { textReader } from "./text";

export type { At, CellReader } from "./reader";
export { isCanonicalCode, isCanonicalQuarter, yearOfQuarter } from "./forms";

function readerFor(c: ColumnSpec): CellReader {
  switch (c.kind) {
    case "code":
      return codeReader(c);
    case "text":
    case "longtext":
      return textReader(c);
    case "list":
      return listReader(c);
    case "amount":
      return amountReader(c);
    case "numberOrText":
      return numberOrTextReader(c);
    case "percent":
      return percentReader(c);
    case "quarter":
      return quarterReader(c);
    case "computed":
      return () => undefined;
  }
}

const readers = new Map<ColumnSpec, CellReader>();

/** The reader of column `c`. */
export function readerOf(c: ColumnSpec): CellReader {
  let r = readers.get(c);
  if (!r) readers.set(c, (r = readerFor(c)));
  return r;
}
