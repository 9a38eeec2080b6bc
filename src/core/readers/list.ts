/** Values from a list of the plan (statuses, clusters, ...): exact, or recognised and noted. */
import { nearestValues } from "../nearest";
import { makeListParser, type Parsed } from "../parse";
import type { ColumnSpec } from "../template";
import { reportFailure, type CellReader } from "./reader";

/** Lists up to this length are named in the message when no value is near. */
const SHORT_LIST = 8;

const listParsers = new Map<string, (cell: unknown) => Parsed<string>>();

/** The parser of a column's list, made once per list. */
export function listParserOf(c: ColumnSpec): (cell: unknown) => Parsed<string> {
  const name = c.list!.name;
  let p = listParsers.get(name);
  if (!p) listParsers.set(name, (p = makeListParser(c.list!.values)));
  return p;
}

export function listReader(c: ColumnSpec): CellReader {
  const exact = new Set(c.list!.values);
  const parse = listParserOf(c);
  return (cell, at) => {
    if (typeof cell === "string" && exact.has(cell)) return cell;
    const r = parse(cell);
    if (!r.ok) {
      if (r.reason === "blank" || r.reason === "error")
        return reportFailure(r, c, cell, at, "enum-value");
      const values = c.list!.values;
      at.sink.add("enum-value", at, at.code, cell, {
        nearest: typeof cell === "string" ? nearestValues(cell, values) : [],
        // A short list is named whole when nothing is near; a long one (35 clusters) is left to the dropdown.
        values: values.length <= SHORT_LIST ? values : null,
      });
      return null;
    }
    if (r.note)
      at.sink.add("list-spelling", at, at.code, cell, { parsed: r.value, zero: r.note === "zero" });
    return r.value;
  };
}
