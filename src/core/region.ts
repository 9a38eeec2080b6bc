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
 * - below the last row with a code, a row that repeats the header of an amount column starts a summary
 *   (a table of its own, e.g. per cluster): it and every row under it are left out as such;
 * - any other row is a data row whose code is missing or wrong (reported as such).
 * The rules do not depend on where in the row a cell is: a converted table (its columns in the
 * template's order) reads the same as its source.
 * A total row that disagrees with the data rows above it (since the previous total, or all of them) is
 * the finding `total-mismatch`; a heading or footnote with a number in an amount column is
 * `row-left-out` (the number is not added).
 */
import { cellText, columnLetter, isBlank, isUncomputedFormula, toScalar } from "./cells";
import type { FindingSink } from "./finding-sink";
import { foldHeader, parseAmount, readsAsProjectCode } from "./parse";
import type { ColumnSpec, HeaderMapping, SheetSpec } from "./template";
import type { TableData } from "./table";

/** summary: a table of its own below the data (a summary per cluster), from its header row down. */
export type RowKind = "data" | "blank" | "total" | "heading" | "footnote" | "summary";

/** A row left out of the data, for the reading report. */
export interface LeftOutRow {
  row: number;
  /** duplicate, conflict: the overlap rule across files (an earlier file has the project). */
  reason: Exclude<RowKind, "data"> | "duplicate" | "conflict";
  /** The row's first text (a label, a footnote), shortened. */
  text?: string;
}

// Module-level copy for the once-per-row check: under tsx (the bench) an imported binding is a getter call.
const isCode = readsAsProjectCode;

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
  return new RowClassifier(spec, t, mapping, sink, rowOf).run();
}

/**
 * The rows of one table classified top to bottom: rows with a project code are data first; the others
 * are told apart with what is known above them (the data rows' sums per amount column, all of them and
 * since the last total row, and whether a coded row follows).
 */
class RowClassifier {
  private readonly codeIdx: number | undefined;
  private readonly amounts: { spec: ColumnSpec; index: number }[];
  /** Columns no rule looks at (see the constructor). */
  private readonly computed: Set<number>;
  private readonly kinds: RowKind[];
  private lastCoded = -1;
  // Sums of the data rows per amount column, built as rows are classified: all above, and since the last total.
  private readonly all: number[];
  private readonly since: number[];
  private dataAbove = 0;
  private totalsAbove = 0;

  constructor(
    private readonly spec: SheetSpec,
    private readonly t: TableData,
    mapping: HeaderMapping,
    private readonly sink: FindingSink,
    private readonly rowOf: (i: number) => number
  ) {
    const codeKey = spec.columns.find((c) => c.kind === "code")?.key;
    this.codeIdx = codeKey === undefined ? undefined : mapping.indexOf.get(codeKey);
    this.amounts = spec.columns
      .filter((c) => c.kind === "amount" && mapping.indexOf.has(c.key))
      .map((c) => ({ spec: c, index: mapping.indexOf.get(c.key)! }));
    // Computed columns hold the template's own formulas (without a stored result in files we write).
    // ... and columns another template sheet fed by the same sheet takes: they do not count either.
    // (Named "computed" for short: every rule below skips these columns.)
    this.computed = new Set([
      ...spec.columns
        .filter((c) => c.kind === "computed" && mapping.indexOf.has(c.key))
        .map((c) => mapping.indexOf.get(c.key)!),
      ...(t.ignore ?? []),
    ]);
    this.kinds = new Array(t.rows.length);
    this.all = this.amounts.map(() => 0);
    this.since = this.amounts.map(() => 0);
  }

  run(): Classified {
    const rows = this.t.rows;
    const kinds = this.kinds;
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r] ?? [];
      if (!this.anyFilled(row)) kinds[r] = "blank";
      else if (this.codeIdx !== undefined && isCode(row[this.codeIdx])) {
        kinds[r] = "data";
        this.lastCoded = r;
      }
    }
    this.markSummary();
    const leftOut: LeftOutRow[] = [];
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r] ?? [];
      if (kinds[r] === undefined) kinds[r] = this.otherRow(r);
      const kind = kinds[r];
      if (kind === "data") {
        this.addToSums(row);
        continue;
      }
      const label = this.wordsOf(row)[0] ?? texts(row, this.computed)[0];
      leftOut.push({
        row: this.rowOf(r),
        reason: kind,
        ...(label ? { text: label.text.slice(0, 80) } : {}),
      });
      if (kind === "total") {
        this.checkTotal(row, r);
        this.totalsAbove++;
        this.since.fill(0);
      } else if (kind === "heading" || kind === "footnote" || kind === "summary")
        this.reportNumbers(row, r, label?.text ?? "");
    }
    return { kinds, leftOut };
  }

  /**
   * A row below the last coded row that repeats the header of an amount column ("Beleidsruimte
   * (begroot)" again) starts a table of its own: it and every row under it are a summary, not data.
   */
  private markSummary(): void {
    const rows = this.t.rows;
    const names = new Map(
      this.amounts.map((a) => [a.index, foldHeader(cellText(this.t.headers[a.index]))])
    );
    for (let r = this.lastCoded + 1; r < rows.length; r++) {
      const row = rows[r] ?? [];
      const repeats = [...names].some(
        ([i, name]) => name !== "" && !isBlank(row[i]) && foldHeader(cellText(row[i])) === name
      );
      if (!repeats) continue;
      for (let k = r; k < rows.length; k++)
        if (this.kinds[k] !== "blank") this.kinds[k] = "summary";
      return;
    }
  }

  /** Whether a cell that counts is filled; stops at the first one (on a data row, mostly its code). */
  private anyFilled(row: readonly unknown[]): boolean {
    const computed = this.computed;
    for (let i = 0; i < row.length; i++) {
      const v = row[i];
      if (v === null || v === undefined || computed.has(i)) continue;
      if (typeof v === "string") {
        if (v.trim() !== "") return true;
      } else if (typeof v === "number" || typeof v === "boolean" || !isBlank(v)) return true;
    }
    return false;
  }

  private filled(row: readonly unknown[]): number {
    let n = 0;
    for (let i = 0; i < row.length; i++) if (!this.computed.has(i) && !isBlank(row[i])) n++;
    return n;
  }

  // The texts of a row, but an amount typed as text ("344.000 EUR") is a number here, as it is once
  // converted: a row reads the same before and after conversion.
  private wordsOf(row: readonly unknown[]) {
    return texts(row, this.computed).filter(
      (w) => !this.amounts.some((a) => a.index === w.index) || amountOf(row[w.index]) === null
    );
  }

  private letterOf(i: number): string {
    return columnLetter(this.t.firstColumn + i);
  }

  private addToSums(row: readonly unknown[]): void {
    this.dataAbove++;
    // Once per data row of every sheet: a plain loop (no closure per row), numbers read as they are.
    const amounts = this.amounts;
    for (let k = 0; k < amounts.length; k++) {
      const cell = row[amounts[k].index];
      const v = typeof cell === "number" ? (Number.isFinite(cell) ? cell : null) : amountOf(cell);
      if (v !== null) {
        this.all[k] += v;
        this.since[k] += v;
      }
    }
  }

  private otherRow(r: number): RowKind {
    const row = this.t.rows[r];
    if (isTotalLabel(row, this.computed)) return "total";
    if (this.amounts.some((a) => isSumOfAbove(row[a.index], this.letterOf(a.index), this.rowOf(r))))
      return "total";
    const words = this.wordsOf(row);
    // "VV 8e3" in the code column: a data row with a mistyped code, not a note.
    const codeAttempt = words.some(
      (w) => w.index === this.codeIdx && /^v/i.test(w.text) && /\d/.test(w.text)
    );
    if (words.length === 1 && this.filled(row) <= 2 && !codeAttempt)
      return r < this.lastCoded ? "heading" : "footnote";
    if (words.length === 0 && this.sumsAbove(row)) return "total";
    return "data";
  }

  /** An unlabelled row whose every amount is the sum of the data rows above it (at least two). */
  private sumsAbove(row: readonly unknown[]): boolean {
    if (this.dataAbove < 2) return false;
    let nonZero = false;
    for (let i = 0; i < row.length; i++) {
      if (this.computed.has(i) || isBlank(row[i])) continue;
      const k = this.amounts.findIndex((a) => a.index === i);
      const v = k < 0 ? null : amountOf(row[i]);
      if (v === null) return false;
      if (!same(v, this.all[k]) && !same(v, this.since[k])) return false;
      if (v !== 0) nonZero = true;
    }
    return nonZero;
  }

  /** Where a finding about amount column `a` of row r points. */
  private at(r: number, a: { spec: ColumnSpec; index: number }) {
    return {
      sheet: this.t.sheet,
      row: this.rowOf(r),
      letter: this.letterOf(a.index),
      column: a.spec.header,
      target: this.spec.key,
    };
  }

  private checkTotal(row: readonly unknown[], r: number): void {
    this.amounts.forEach((a, k) => {
      const v = amountOf(row[a.index]);
      if (v === null) return;
      if (same(v, this.since[k]) || same(v, this.all[k])) return;
      const previous = this.totalsAbove > 0;
      const sum = previous ? this.since[k] : this.all[k];
      this.sink.add("total-mismatch", this.at(r, a), null, v, {
        value: v,
        sum,
        diff: v - sum,
        previous,
      });
    });
  }

  private reportNumbers(row: readonly unknown[], r: number, text: string): void {
    for (const a of this.amounts) {
      const v = amountOf(row[a.index]);
      if (v === null) continue;
      this.sink.add("row-left-out", this.at(r, a), null, v, { value: v, text: text.slice(0, 80) });
    }
  }
}
