/**
 * The stored results of the formulas the flows plan (computed columns, the Overzicht's totals, counts
 * and rates), computed with Excel's semantics for exactly those formulas: SUM and SUMIFS add the numbers
 * of a whole column in row order and skip text; COUNTIFS and COUNTIF compare text without case; MATCH
 * finds the first equal text; IFERROR turns a miss into "". A result is stored only when it is certain:
 * a cell it depends on that holds a formula without a stored result, a date or a blank lookup value
 * leaves the formula without one (Excel computes it on opening anyway: the file asks for a full
 * recalculation). Readers that do not calculate (previews, Power BI, pandas) then see the same numbers.
 */
import { SHEET_BY_KEY, SHEETS, type SheetSpec } from "../../core/template";
import type { WorkbookSnapshot, WritePlan, WriteValue } from "../port";
import {
  known,
  NOT_TEXT,
  SheetValues,
  UNKNOWN,
  type Criterable,
  type Known,
  type Unknown,
} from "./values";

type Result = string | number | boolean;
export type Criterion =
  { kind: "equals"; text: string } | { kind: "prefix"; text: string } | { kind: "nonEmpty" };

/** A text criterion as our formulas write it: plain text, `"VV*"` or `"<>"`. */
export function criterion(text: string): Criterion {
  if (text === "<>") return { kind: "nonEmpty" };
  if (/^[^*?~]+\*$/.test(text) && !/^[=<>]/.test(text))
    return { kind: "prefix", text: text.slice(0, -1).toLowerCase() };
  if (/[*?~]/.test(text) || /^[=<>]/.test(text) || !Number.isNaN(Number(text)))
    throw new Error(`criterion not supported for stored results: ${text}`);
  return { kind: "equals", text: text.toLowerCase() };
}

// Where the code runs through tsx (the command line's fallback, the benchmarks in one process) compiled
// imports are getters, called on every use: the loops below, over every cell of whole columns, compare with
// module-local copies (measured: 270 ms of 690 ms for the Overzicht of 100,000 rows went to those getters).
const UNK: Unknown = UNKNOWN;
const TEXTLESS: typeof NOT_TEXT = NOT_TEXT;

/** Whether a cell (as a column view holds it) meets a criterion; UNKNOWN when it cannot be told. */
function meets(cell: Criterable, c: Criterion): boolean | Unknown {
  if (c.kind === "nonEmpty") return cell !== undefined;
  if (cell === UNK) return UNK;
  if (cell === undefined || cell === TEXTLESS) return false;
  // Without case, as Excel compares (both texts are lowered once: the view's and criterion()'s).
  return c.kind === "equals" ? cell === c.text : cell.startsWith(c.text);
}

export interface ColumnRef {
  sheet: string;
  col: number;
}

type Criteria = { range: ColumnRef; criterion: Criterion }[];

/** A row's verdict on one criterion, as stored per row: it fails, it meets it, it cannot be told. */
const NO = 0;
const YES = 1;
const UNTOLD = 2;

/** Each row's verdict on one criterion (by row number), and the rows that do not fail it, top to bottom. */
interface Verdicts {
  byRow: Uint8Array;
  rows: Int32Array;
}

/**
 * Each row's verdict on a criterion over a column's texts (indexed by row), computed once per column view
 * and criterion: the Overzicht asks the same question (this cluster, this status) of the same column for
 * every figure it adds up, and on 100,000 rows asking it anew each time was most of its time. A column
 * that changes gets a new view, so a verdict is never stale.
 */
const verdictCache = new WeakMap<readonly Criterable[], Map<string, Verdicts>>();
function verdicts(text: readonly Criterable[], c: Criterion): Verdicts {
  let byCriterion = verdictCache.get(text);
  if (!byCriterion) verdictCache.set(text, (byCriterion = new Map()));
  const key = c.kind === "nonEmpty" ? c.kind : `${c.kind}:${c.text}`;
  let v = byCriterion.get(key);
  if (!v) {
    const byRow = new Uint8Array(text.length);
    let n = 0;
    for (let row = 0; row < text.length; row++) {
      const hit = meets(text[row], c);
      byRow[row] = hit === false ? NO : hit === UNK ? UNTOLD : YES;
      if (hit !== false) n++;
    }
    const rows = new Int32Array(n);
    for (let row = 0, k = 0; row < text.length; row++) if (byRow[row] !== NO) rows[k++] = row;
    byCriterion.set(key, (v = { byRow, rows }));
  }
  return v;
}

/** A row's verdict on all criteria: false if one fails, else UNKNOWN if one cannot be told, else true. */
function meetsAll(tests: readonly Verdicts[], row: number): boolean | Unknown {
  let verdict: boolean | Unknown = true;
  for (const t of tests) {
    // A row past the column's last cell is empty: it meets no criterion (not even "<>").
    const hit = row < t.byRow.length ? t.byRow[row] : NO;
    if (hit === NO) return false;
    if (hit === UNTOLD) verdict = UNK;
  }
  return verdict;
}

const testsOf = (values: SheetValues, criteria: Criteria) =>
  criteria.map((c) => verdicts(values.view(c.range.sheet, c.range.col).text, c.criterion));

/**
 * The rows that may meet all the criteria, top to bottom: those that do not fail the most selective one.
 * A row that fails one criterion fails them all, so only these are looked at (in row order, as Excel
 * adds them up): a cluster's sum looks at its own rows, not at every row of the sheet.
 */
function candidates(tests: readonly Verdicts[]): Int32Array {
  let best = tests[0].rows;
  for (const t of tests) if (t.rows.length < best.length) best = t.rows;
  return best;
}

/** One row's number for SUMIFS: skipped (text, blank, boolean, or a row that fails), added, or unknown. */
function addend(v: Known | Unknown | undefined, hit: boolean | Unknown): number | null | Unknown {
  if (v !== UNK && typeof v !== "number" && !(v && typeof v === "object")) return null; // text, blank, boolean
  if (hit === false) return null;
  if (hit === UNK || v === UNK || typeof v !== "number") return UNK; // or an error
  return v;
}

/** SUMIFS (or SUM without criteria) over whole columns. */
export function sumIfs(
  values: SheetValues,
  sum: ColumnRef,
  criteria: Criteria = []
): number | Unknown {
  if (!values.has(sum.sheet) || criteria.some((c) => !values.has(c.range.sheet))) return UNK;
  const view = values.view(sum.sheet, sum.col);
  let total = 0;
  if (!criteria.length) {
    for (let k = 0; k < view.rows.length; k++) {
      const a = addend(view.values[k], true);
      if (a === UNK) return UNK;
      if (a !== null) total += a;
    }
    return total;
  }
  const tests = testsOf(values, criteria);
  for (const row of candidates(tests)) {
    const a = addend(view.byRow[row], meetsAll(tests, row));
    if (a === UNK) return UNK;
    if (a !== null) total += a;
  }
  return total;
}

/** COUNTIFS (one criterion: COUNTIF) over whole columns. */
export function countIfs(values: SheetValues, criteria: Criteria): number | Unknown {
  if (criteria.some((c) => !values.has(c.range.sheet))) return UNK;
  if (!criteria.length) return 0;
  // A row no criterion column holds fails them all ("<>" needs a value, texts need a text).
  const tests = testsOf(values, criteria);
  let n = 0;
  for (const row of candidates(tests)) {
    const hit = meetsAll(tests, row);
    if (hit === false) continue;
    if (hit === UNK) return UNK;
    n++;
  }
  return n;
}

/** IF(base>0, part/base, ""), the rates of the overview. */
export function rateResult(part: number | Unknown, base: number | Unknown): number | "" | Unknown {
  if (base === UNKNOWN) return UNKNOWN;
  if (!(base > 0)) return "";
  return part === UNKNOWN ? UNKNOWN : part / base;
}

// ---- computed columns ------------------------------------------------------------------------------

/** The row's cells by column key, as written. */
type RowCells = (key: string) => unknown;

/** `IFERROR(INDEX(<sheet>!col, MATCH(code, <sheet>!codeCol, 0)), "")`: the looked-up cell, or "". */
function lookup(
  values: SheetValues,
  code: unknown,
  sheet: SheetSpec,
  matchKey: string,
  returnKey: string
): Known | Unknown {
  const v = known(code);
  // A blank or non-text lookup value: Excel's answer depends on rules not needed here; no result stored.
  if (typeof v !== "string" || v === "" || /[*?~]/.test(v)) return UNKNOWN;
  if (!values.has(sheet.name)) return UNKNOWN;
  const matchCol = sheet.columns.findIndex((c) => c.key === matchKey);
  const returnCol = sheet.columns.findIndex((c) => c.key === returnKey);
  const { first, firstUnknown } = values.textIndex(sheet.name, matchCol);
  const row = first.get(v.toLowerCase());
  // A cell whose value cannot be told before the first match (or with none) could be the match.
  if (firstUnknown < (row ?? Infinity)) return UNKNOWN;
  if (row === undefined) return "";
  const found = known(values.get(sheet.name, row, returnCol));
  if (found === UNKNOWN) return UNKNOWN;
  if (found === null) return 0; // INDEX of an empty cell is 0 in a formula
  return typeof found === "object" ? "" : found; // an error: IFERROR
}

/** `IFERROR(IF(VALUE(MID(code,3,3))<=158,"relance","regulier"),"")`, for codes whose digits are plain. */
function envelope(code: unknown): Result | Unknown {
  const v = known(code);
  if (typeof v !== "string") return UNKNOWN;
  const digits = v.slice(2, 5);
  // Only plain digits are certain: VALUE also reads dates, times, percentages and more.
  if (!/^\d+$/.test(digits)) return UNKNOWN;
  return Number(digits) <= 158 ? "relance" : "regulier";
}

/** `IF(AND(ISNUMBER(r),ISNUMBER(s),s<>0),r/s,"")`. */
function ratio(r: unknown, s: unknown): Result | Unknown {
  const a = known(r);
  const b = known(s);
  if (a === UNKNOWN || b === UNKNOWN) return UNKNOWN;
  return typeof a === "number" && typeof b === "number" && b !== 0 ? a / b : "";
}

const COMPUTED: Record<string, (cells: RowCells, values: SheetValues) => Result | Unknown> = {
  realisatiegraadBerekend: (c) => ratio(c("realisatie"), c("streefwaarde")),
  cluster: (c, v) =>
    asResult(lookup(v, c("projectCode"), SHEET_BY_KEY.projects, "code", "cluster")),
  speerpunt: (c, v) =>
    asResult(lookup(v, c("projectCode"), SHEET_BY_KEY.projects, "code", "speerpunt")),
  envelop: (c) => envelope(c("projectCode")),
};

/** A lookup's value as a stored result; lookup already turned errors into "" and blanks into 0. */
function asResult(v: Known | Unknown): Result | Unknown {
  if (v === UNKNOWN || v === null || typeof v === "object") return UNKNOWN;
  return v;
}

/** Whether every computed column of the schema has its result here (a test keeps them in step). */
export function computedKeys(): string[] {
  return Object.keys(COMPUTED);
}

/**
 * Put the stored result on the computed cells of a planned template table (rows in schema order from
 * column A, header in `headerRow`), from the workbook as it will be (`values`, which is updated).
 */
export function storeComputedResults(
  spec: SheetSpec,
  table: { headerRow: number; rows: WriteValue[][] },
  values: SheetValues
) {
  const index = new Map(spec.columns.map((c, j) => [c.key, j]));
  const computed = spec.columns
    .map((c, j) => ({ c, j }))
    .filter(({ c }) => c.kind === "computed" && COMPUTED[c.key]);
  if (!computed.length) return;
  table.rows.forEach((row, i) => {
    const cells: RowCells = (key) => row[index.get(key)!] ?? null;
    for (const { c, j } of computed) {
      const cell = row[j];
      if (!cell || typeof cell !== "object" || cell instanceof Date) continue;
      const result = COMPUTED[c.key](cells, values);
      if (result === UNKNOWN) continue;
      row[j] = { formula: cell.formula, result };
      values.set(spec.name, table.headerRow + 1 + i, j, row[j]);
    }
  });
}

/**
 * The workbook as the plan leaves it, with the stored results of the computed columns of every planned
 * template table filled in; the values, for the formulas planned next (the overview).
 */
export function withComputedResults(
  plan: WritePlan,
  snapshot: WorkbookSnapshot | null
): SheetValues {
  const values = SheetValues.of(snapshot, plan);
  for (const sp of plan.sheets ?? []) {
    const spec = SHEETS.find((s) => s.name === sp.name && s.tableName === sp.table?.name);
    if (spec && sp.table) storeComputedResults(spec, sp.table, values);
  }
  return values;
}
