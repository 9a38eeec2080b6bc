/** Values from a list of the plan (statuses, clusters, ...): exact, or recognised and noted. */
import { makeListParser, type Parsed } from "../parse";
import type { ColumnSpec } from "../template";
import { reportFailure, type CellReader } from "./reader";

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
      at.sink.add("enum-value", at, at.code, cell, { example: c.list!.values[0] });
      return null;
    }
    if (r.note)
      at.sink.add("list-spelling", at, at.code, cell, { parsed: r.value, zero: r.note === "zero" });
    return r.value;
  };
}
