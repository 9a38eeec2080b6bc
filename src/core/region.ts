/**
 * Reading a table as a person reads it: which rows below the header are data, and which are not
 * (blank rows, total and subtotal rows, headings between the rows, footnotes under the table). Rows that
 * are not data are left out of every figure, and said so; total rows are checked against the rows above.
 *
 * The rules (docs/cli.md, "How tables are read"):
 * - a row with a project code in the code column is a data row;
 * - a row without one is a total row when one of its texts starts with Totaal, Subtotaal, Total,
 *   Eindtotaal (...), or when one of its amounts is a SUM or SUBTOTAL of the cells above it, or (at least
 *   two data rows above, no text) when every amount it holds equals the sum of the data rows above and
 *   one of them is not zero;
 * - a row without a code with one text and at most one other cell (a number; an amount typed as text
 *   counts as one) is a heading (between data rows) or a footnote (below the last one), unless its text
 *   is in the code column and looks like a code ("V021", "VV 8e3");
 * - any other row is a data row whose code is missing or wrong (reported as such).
 * The rules do not depend on where in the row a cell is: a converted table (its columns in the
 * template's order) reads the same as its source.
 * A total row that disagrees with the data rows above it (since the previous total, or all of them) is
 * the finding `total-mismatch`; a heading or footnote with a number in an amount column is
 * `row-left-out` (the number is not added).
 */
import { columnLetter, isBlank, isUncomputedFormula, toScalar } from "./cells";
import type { FindingSink } from "./finding-sink";
import { foldHeader, parseAmount, parseProjectCode } from "./parse";
import type { HeaderMapping, SheetSpec } from "./template";
import type { TableData } from "./table";

export type RowKind = "data" | "blank" | "total" | "heading" | "footnote";

/** A row left out of the data, for the reading report. */
export interface LeftOutRow {
  row: number;
  /** duplicate, conflict: the overlap rule across files (an earlier file has the project). */
  reason: Exclude<RowKind, "data"> | "duplicate" | "conflict";
  /** The row's first text (a label, a footnote), shortened. */
  text?: string;
}

const TOTAL_WORD = /^(sub|eind|grand |algemeen |)tota+l(s|en)?( |$)|^totaal generaal/;

/** The texts of a row (trimmed), with their column index; `skip`: columns that do not count. */
function texts(
  row: readonly unknown[],
  skip: ReadonlySet<number> = new Set()
): { text: string; index: number }[] {
  const out: { text: string; index: number }[] = [];
  for (let i = 0; i < row.length; i++) {
    if (skip.has(i) || isBlank(row[i])) continue;
    const s = toScalar(row[i]);
    if (typeof s === "string") out.push({ text: s.trim(), index: i });
  }
  return out;
}

/** A row one of whose texts says Totaal, Subtotaal, Total, Eindtotaal, ... */
function isTotalLabel(row: readonly unknown[], skip: ReadonlySet<number>): boolean {
  return texts(row, skip).some((t) => TOTAL_WORD.test(foldHeader(t.text)));
}

/** A number as a total cell shows it: numbers, amounts typed as text; null otherwise. */
function amountOf(v: unknown): number | null {
  if (isUncomputedFormula(v)) return null;
  const r = parseAmount(v);
  return r.ok ? r.value : null;
}

/** `SUM(D2:D9)` or `SUBTOTAL(9,D2:D9)` in column `letter`, referring only to rows above `row`. */
function isSumOfAbove(v: unknown, letter: string, row: number): boolean {
  const f = (v as { formula?: string } | null)?.formula;
  if (typeof v !== "object" || typeof f !== "string") return false;
  if (!/^\s*=?\s*(SUM|SUBTOTAL)\s*\(/i.test(f)) return false;
  const refs = [...f.matchAll(/(?:^|[^A-Za-z!$'])\$?([A-Z]{1,3})\$?(\d+)/g)];
  return refs.length > 0 && refs.every((m) => m[1] === letter && Number(m[2]) < row);
}

const CENT = 0.005;
const same = (a: number, b: number) => Math.abs(a - b) < CENT;

export interface Classified {
  kinds: RowKind[];
  leftOut: LeftOutRow[];
}

/**
 * Classify the rows of one table (findings go to `sink`). `rowOf(i)` is the Excel row of rows[i].
 */
export function classifyRows(
  spec: SheetSpec,
  t: TableData,
  mapping: HeaderMapping,
  sink: FindingSink,
  rowOf: (i: number) => number
): Classified {
  const codeKey = spec.columns.find((c) => c.kind === "code")?.key;
  const codeIdx = codeKey === undefined ? undefined : mapping.indexOf.get(codeKey);
  const amounts = spec.columns
    .filter((c) => c.kind === "amount" && mapping.indexOf.has(c.key))
    .map((c) => ({ spec: c, index: mapping.indexOf.get(c.key)! }));
  // Computed columns hold the template's own formulas (without a stored result in files we write).
  // ... and columns another template sheet fed by the same sheet takes: they do not count either.
  // (Named "computed" for short: every rule below skips these columns.)
  const computed = new Set([
    ...spec.columns
      .filter((c) => c.kind === "computed" && mapping.indexOf.has(c.key))
      .map((c) => mapping.indexOf.get(c.key)!),
    ...(t.ignore ?? []),
  ]);
  const filled = (row: readonly unknown[]) => {
    let n = 0;
    for (let i = 0; i < row.length; i++) if (!computed.has(i) && !isBlank(row[i])) n++;
    return n;
  };
  const blank = (row: readonly unknown[]) => filled(row) === 0;
  // The texts of a row, but an amount typed as text ("344.000 EUR") is a number here, as it is once
  // converted: a row reads the same before and after conversion.
  const wordsOf = (row: readonly unknown[]) =>
    texts(row, computed).filter(
      (w) => !amounts.some((a) => a.index === w.index) || amountOf(row[w.index]) === null
    );
  const rows = t.rows;
  const kinds: RowKind[] = new Array(rows.length);
  let lastCoded = -1;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] ?? [];
    if (blank(row)) kinds[r] = "blank";
    else if (codeIdx !== undefined && parseProjectCode(row[codeIdx]).ok) {
      kinds[r] = "data";
      lastCoded = r;
    }
  }
  // Sums of the data rows per amount column, built as rows are classified: all above, and since the last total.
  const all = amounts.map(() => 0);
  const since = amounts.map(() => 0);
  let dataAbove = 0;
  let totalsAbove = 0;
  const leftOut: LeftOutRow[] = [];
  const letterOf = (i: number) => columnLetter(t.firstColumn + i);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] ?? [];
    if (kinds[r] === undefined) kinds[r] = otherRow(r);
    const kind = kinds[r];
    if (kind === "data") {
      dataAbove++;
      amounts.forEach((a, k) => {
        const v = amountOf(row[a.index]);
        if (v !== null) {
          all[k] += v;
          since[k] += v;
        }
      });
      continue;
    }
    const label = wordsOf(row)[0] ?? texts(row, computed)[0];
    leftOut.push({
      row: rowOf(r),
      reason: kind,
      ...(label ? { text: label.text.slice(0, 80) } : {}),
    });
    if (kind === "total") {
      checkTotal(row, r);
      totalsAbove++;
      since.fill(0);
    } else if (kind === "heading" || kind === "footnote") reportNumbers(row, r, label?.text ?? "");
  }
  return { kinds, leftOut };

  function otherRow(r: number): RowKind {
    const row = rows[r];
    if (isTotalLabel(row, computed)) return "total";
    if (amounts.some((a) => isSumOfAbove(row[a.index], letterOf(a.index), rowOf(r))))
      return "total";
    const words = wordsOf(row);
    // "VV 8e3" in the code column: a data row with a mistyped code, not a note.
    const codeAttempt = words.some(
      (w) => w.index === codeIdx && /^v/i.test(w.text) && /\d/.test(w.text)
    );
    if (words.length === 1 && filled(row) <= 2 && !codeAttempt)
      return r < lastCoded ? "heading" : "footnote";
    if (words.length === 0 && sumsAbove(row)) return "total";
    return "data";
  }

  /** An unlabelled row whose every amount is the sum of the data rows above it (at least two). */
  function sumsAbove(row: readonly unknown[]): boolean {
    if (dataAbove < 2) return false;
    let nonZero = false;
    for (let i = 0; i < row.length; i++) {
      if (computed.has(i) || isBlank(row[i])) continue;
      const k = amounts.findIndex((a) => a.index === i);
      const v = k < 0 ? null : amountOf(row[i]);
      if (v === null) return false;
      if (!same(v, all[k]) && !same(v, since[k])) return false;
      if (v !== 0) nonZero = true;
    }
    return nonZero;
  }

  function checkTotal(row: readonly unknown[], r: number): void {
    amounts.forEach((a, k) => {
      const v = amountOf(row[a.index]);
      if (v === null) return;
      if (same(v, since[k]) || same(v, all[k])) return;
      const sum = totalsAbove > 0 ? since[k] : all[k];
      sink.add(
        "total-mismatch",
        {
          sheet: t.sheet,
          row: rowOf(r),
          letter: letterOf(a.index),
          column: a.spec.header,
          target: spec.key,
        },
        null,
        v,
        { value: v, sum, diff: v - sum, previous: totalsAbove > 0 }
      );
    });
  }

  function reportNumbers(row: readonly unknown[], r: number, text: string): void {
    for (const a of amounts) {
      const v = amountOf(row[a.index]);
      if (v === null) continue;
      sink.add(
        "row-left-out",
        {
          sheet: t.sheet,
          row: rowOf(r),
          letter: letterOf(a.index),
          column: a.spec.header,
          target: spec.key,
        },
        null,
        v,
        { value: v, text: text.slice(0, 80) }
      );
    }
  }
}
