/**
 * The parse step: tables in, typed records out, with a finding for every cell that cannot be read.
 * Sheets are recognised by name (or synonym), columns by header (mapHeaders); each column is read by
 * the parser of its schema kind. Fully blank rows are skipped, never reported.
 */
import { columnLetter, displayValue, isUncomputedFormula, toScalar } from "./cells";
import type { Finding } from "./findings";
import {
  formatQuarter,
  isPlanYear,
  makeListParser,
  parseAmount,
  parseNumberOrText,
  parsePercent,
  parseProjectCode,
  parseQuarter,
  parseText,
  type Parsed,
} from "./parse";
import type { Records } from "./records";
import { classifyRows, type LeftOutRow } from "./region";
import { RULE_BY_CODE, type MsgParams, type RuleCode } from "./rules";
import type { SheetKey } from "./schema";
import {
  findSheetSpec,
  mapHeaders,
  scaledHeaders,
  SHEETS,
  type ColumnSpec,
  type SheetSpec,
} from "./template";
import type { TableData } from "./table";
import { LAST_PROJECT, type Lang } from "./vocabulary";

/** Where a record came from: sheet, 1-based row, and the column letter of each column key. */
export interface RecordRef {
  sheet: string;
  row: number;
  letters: Readonly<Record<string, string>>;
}

/**
 * Where each record of one sheet came from, as parallel arrays: one small object per table, two numbers
 * per row. (An object per row doubled the garbage collector's work on large workbooks.)
 */
export class RecordRefs {
  private readonly tables: { sheet: string; letters: Readonly<Record<string, string>> }[] = [];
  private tableOf: number[] = [];
  private rows: number[] = [];
  addTable(sheet: string, letters: Readonly<Record<string, string>>): number {
    return this.tables.push({ sheet, letters }) - 1;
  }
  /** Add the rows of one table (1-based Excel row numbers, in order). */
  addRows(table: number, rows: number[]): void {
    const tableOf = new Array<number>(rows.length).fill(table);
    // Usually one table per sheet: adopt the caller's array instead of copying it.
    this.rows = this.rows.length ? this.rows.concat(rows) : rows;
    this.tableOf = this.tableOf.length ? this.tableOf.concat(tableOf) : tableOf;
  }
  get length(): number {
    return this.rows.length;
  }
  /** 1-based Excel row of record i. */
  row(i: number): number {
    return this.rows[i];
  }
  get(i: number): RecordRef {
    const t = this.tables[this.tableOf[i]];
    return { sheet: t.sheet, row: this.rows[i], letters: t.letters };
  }
}

/** What was read from one table: the rows taken as data, and the rows left out with why. */
export interface TableReport {
  sheet: string;
  /** The template sheet it fed. */
  target: SheetKey;
  headerRow: number;
  /** The template columns found in its header (column keys). */
  columns: string[];
  /** Data rows read. */
  rows: number;
  leftOut: LeftOutRow[];
}

export interface ReadResult {
  columns: Record<SheetKey, SheetColumns>;
  refs: Record<SheetKey, RecordRefs>;
  findings: Finding[];
  /** Template sheets found, and for each the column keys present. */
  found: Partial<Record<SheetKey, Set<string>>>;
  /** Per table read, in reading order. */
  tables: TableReport[];
}

/** Builds findings in one language; shared by the read step and the cross-sheet rules. */
export class FindingSink {
  readonly findings: Finding[] = [];
  constructor(readonly lang: Lang) {}
  /** Record a finding; `params` is owned by the sink from here on (callers pass a fresh literal). */
  add(
    code: RuleCode,
    at: {
      sheet: string;
      row?: number | null;
      letter?: string | null;
      column?: string | null;
      target?: SheetKey;
    },
    projectCode: string | null,
    value: unknown,
    params: MsgParams = {}
  ): void {
    const def = RULE_BY_CODE[code];
    const shown = displayValue(value);
    const p = params;
    p.column = at.column ?? params.column;
    p.sheet = at.sheet;
    if (p.value === undefined) p.value = shown;
    this.findings.push({
      sheet: at.sheet,
      cell: at.letter && at.row ? `${at.letter}${at.row}` : null,
      row: at.row ?? null,
      column: at.column ?? null,
      projectCode,
      rule: code,
      severity: def.severity,
      message: def.message[this.lang](p),
      value: shown,
      ...(at.target ? { target: at.target } : {}),
    });
  }
}

type CellReader = (cell: unknown, at: At) => unknown;
interface At {
  sheet: string;
  target: SheetKey;
  row: number;
  letter: string;
  column: string;
  sink: FindingSink;
  code: string | null;
}

const listParsers = new Map<string, (cell: unknown) => Parsed<string>>();
function listParser(c: ColumnSpec) {
  const name = c.list!.name;
  let p = listParsers.get(name);
  if (!p) listParsers.set(name, (p = makeListParser(c.list!.values)));
  return p;
}

function reportFailure(
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

function numberNotes(
  r: Parsed<number | string> & { ok: true },
  cell: unknown,
  at: At,
  shownAs: (n: number, lang: Lang) => string
): void {
  if (typeof r.value !== "number") return;
  const lang = at.sink.lang;
  if (r.ambiguous)
    at.sink.add("number-ambiguous", at, at.code, cell, {
      parsed: shownAs(r.value, lang),
      other: shownAs(r.ambiguous.other, lang),
    });
  else if (typeof toScalar(cell) === "string")
    at.sink.add("number-as-text", at, at.code, cell, { parsed: shownAs(r.value, lang) });
}

// Numbers in messages as the user types them in their language: 7,2 in Dutch, 7.2 in English; no grouping.
const TYPED = {
  nl: new Intl.NumberFormat("nl-BE", { useGrouping: false, maximumFractionDigits: 20 }),
  en: new Intl.NumberFormat("en-GB", { useGrouping: false, maximumFractionDigits: 20 }),
};
const plain = (n: number, lang: Lang) => TYPED[lang].format(n);
const asPct = (n: number, lang: Lang) =>
  `${TYPED[lang].format(Number((n * 100).toPrecision(12)))} %`;

/** The reader of one column, chosen by its schema kind. */
function readerFor(c: ColumnSpec): CellReader {
  switch (c.kind) {
    case "code":
      return (cell, at) => {
        if (typeof cell === "string" && isCanonicalCode(cell)) return cell;
        const r = parseProjectCode(cell);
        if (!r.ok) return reportFailure(r, c, cell, at, "code-format");
        const n = Number(r.value.slice(2));
        if (n < 1 || n > LAST_PROJECT) at.sink.add("code-range", at, r.value, cell);
        return r.value;
      };
    case "text":
    case "longtext":
      return (cell, at) => {
        if (typeof cell === "string") {
          const t = cell.trim();
          if (t !== "") return t;
        }
        const r = parseText(cell);
        return r.ok ? r.value : reportFailure(r, c, cell, at, "cell-error");
      };
    case "list": {
      const exact = new Set(c.list!.values);
      const parse = listParser(c);
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
          at.sink.add("list-spelling", at, at.code, cell, {
            parsed: r.value,
            zero: r.note === "zero",
          });
        return r.value;
      };
    }
    case "amount":
      return (cell, at) => {
        if (typeof cell === "number") {
          if (cell < 0) at.sink.add("amount-negative", at, at.code, cell);
          if (Number.isFinite(cell)) return cell;
        }
        const r = parseAmount(cell);
        if (!r.ok) return reportFailure(r, c, cell, at, "type-amount");
        if (r.value < 0) at.sink.add("amount-negative", at, at.code, cell, { value: r.value });
        numberNotes(r, cell, at, plain);
        return r.value;
      };
    case "numberOrText":
      return (cell, at) => {
        if (typeof cell === "number" && Number.isFinite(cell)) return cell;
        const r = parseNumberOrText(cell);
        if (!r.ok) return reportFailure(r, c, cell, at, "type-amount");
        numberNotes(r, cell, at, plain);
        return r.value;
      };
    case "percent":
      return (cell, at) => {
        if (typeof cell === "number" && Number.isFinite(cell)) return cell;
        const r = parsePercent(cell);
        if (!r.ok) return reportFailure(r, c, cell, at, "type-percent");
        numberNotes(r, cell, at, asPct);
        return r.value;
      };
    case "quarter":
      return (cell, at) => {
        if (typeof cell === "string" && isCanonicalQuarter(cell)) {
          if (!isPlanYear(yearOfQuarter(cell))) at.sink.add("timing-range", at, at.code, cell);
          return cell;
        }
        const r = parseQuarter(cell);
        if (!r.ok) return reportFailure(r, c, cell, at, "timing-format");
        const text = formatQuarter(r.value);
        if (toScalar(cell) !== text)
          at.sink.add("timing-variant", at, at.code, cell, { parsed: text });
        if (!isPlanYear(r.value.year)) at.sink.add("timing-range", at, at.code, cell);
        return text;
      };
    case "computed":
      return () => undefined;
  }
}

// Module-level copies: bundlers turn imported bindings into getters, too slow for a per-cell check.
const LAST_CODE = LAST_PROJECT;

/** "VV012": the form almost every cell has; checked without regex or allocation. */
function isCanonicalCode(s: string): boolean {
  if (s.length !== 5 || s.charCodeAt(0) !== 86 || s.charCodeAt(1) !== 86) return false;
  for (let i = 2; i < 5; i++) {
    const d = s.charCodeAt(i);
    if (d < 48 || d > 57) return false;
  }
  const n = (s.charCodeAt(2) - 48) * 100 + (s.charCodeAt(3) - 48) * 10 + (s.charCodeAt(4) - 48);
  return n >= 1 && n <= LAST_CODE;
}

/** "2022 Q1" exactly. */
export function isCanonicalQuarter(s: string): boolean {
  if (s.length !== 7 || s.charCodeAt(4) !== 32 || s.charCodeAt(5) !== 81) return false;
  const q = s.charCodeAt(6);
  if (q < 49 || q > 52) return false;
  for (let i = 0; i < 4; i++) {
    const d = s.charCodeAt(i);
    if (d < 48 || d > 57) return false;
  }
  return true;
}

/** Year of a canonical quarter text. */
export function yearOfQuarter(s: string): number {
  return (
    (s.charCodeAt(0) - 48) * 1000 +
    (s.charCodeAt(1) - 48) * 100 +
    (s.charCodeAt(2) - 48) * 10 +
    (s.charCodeAt(3) - 48)
  );
}

interface ColumnPlan {
  spec: ColumnSpec;
  index: number;
  letter: string;
  read: CellReader;
}

const readers = new Map<ColumnSpec, CellReader>();
function cachedReader(c: ColumnSpec): CellReader {
  let r = readers.get(c);
  if (!r) readers.set(c, (r = readerFor(c)));
  return r;
}

/**
 * One sheet's values as columns: an array per column key, all of `length` entries. Reading into
 * columns instead of a record per row keeps large workbooks light (no object per row, no keyed stores);
 * records are built only when asked for.
 */
export class SheetColumns {
  length = 0;
  readonly cols: Record<string, unknown[]> = {};
  constructor(readonly spec: SheetSpec) {
    for (const c of spec.columns) if (c.kind !== "computed") this.cols[c.key] = [];
  }
  /** The typed records, every key in schema order. */
  toRecords(): object[] {
    const keys = Object.keys(this.cols);
    const arrays = keys.map((k) => this.cols[k]);
    const blank: Record<string, unknown> = {};
    for (const k of keys) blank[k] = null;
    const out: object[] = new Array(this.length);
    for (let i = 0; i < this.length; i++) {
      const rec: Record<string, unknown> = { ...blank };
      for (let k = 0; k < keys.length; k++) rec[keys[k]] = arrays[k][i];
      out[i] = rec;
    }
    return out;
  }
}

interface ColumnPlanOut extends ColumnPlan {
  out: unknown[];
  /** The values that pass as they are, checked inline without calling the reader: a list's exact values. */
  exact: ReadonlySet<string> | null;
  /** Plain text: a non-blank string passes trimmed, inline. */
  text: boolean;
  /** A quarter: "2022 Q1" within the plan's years passes inline. */
  quarter: boolean;
}

function readTable(
  spec: SheetSpec,
  t: TableData,
  sink: FindingSink,
  out: SheetColumns,
  refs: RecordRefs,
  found: Set<string>
): TableReport {
  const mapping = mapHeaders(spec, t.headers);
  const rowOf = t.rowNumbers ? (i: number) => t.rowNumbers![i] : (i: number) => t.headerRow + 1 + i;
  const { kinds, leftOut } = classifyRows(spec, t, mapping, sink, rowOf);
  const headerAt = (i: number) => columnLetter(t.firstColumn + i);
  for (const s of scaledHeaders(spec, t.headers, mapping))
    sink.add(
      "amount-scaled",
      {
        sheet: t.sheet,
        row: t.headerRow,
        letter: headerAt(s.index),
        column: s.column.header,
        target: spec.key,
      },
      null,
      t.headers[s.index]
    );
  for (const c of mapping.missing) {
    if (c.required)
      sink.add(
        "column-missing",
        { sheet: t.sheet, row: t.headerRow, column: c.header, target: spec.key },
        null,
        null
      );
  }
  const letters: Record<string, string> = {};
  const plan: ColumnPlanOut[] = [];
  const absent: string[] = [];
  let codePlan: ColumnPlanOut | undefined;
  for (const c of spec.columns) {
    if (c.kind === "computed") {
      const i = mapping.indexOf.get(c.key);
      if (i !== undefined) {
        found.add(c.key);
        letters[c.key] = headerAt(i);
      }
      continue;
    }
    const i = mapping.indexOf.get(c.key);
    if (i === undefined) {
      absent.push(c.key);
      continue;
    }
    found.add(c.key);
    letters[c.key] = headerAt(i);
    // Filled by index into an array of the table's size: no growing arrays in the hot loop.
    const p = {
      spec: c,
      index: i,
      letter: headerAt(i),
      read: cachedReader(c),
      out: new Array<unknown>(t.rows.length),
      exact: c.kind === "list" ? new Set(c.list!.values) : null,
      text: c.kind === "text" || c.kind === "longtext",
      quarter: c.kind === "quarter",
    };
    if (c.kind === "code") codePlan = p;
    else plan.push(p);
  }
  const tableRef = refs.addTable(t.sheet, letters);
  const at: At = {
    sheet: t.sheet,
    target: spec.key,
    row: 0,
    letter: "",
    column: "",
    sink,
    code: null,
  };
  const rows = t.rows;
  const rowNumbers = new Array<number>(rows.length);
  let n = 0;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (kinds[r] !== "data") continue;
    at.row = rowOf(r);
    at.code = null;
    if (codePlan) {
      at.letter = codePlan.letter;
      at.column = codePlan.spec.header;
      const cell = row[codePlan.index];
      const code =
        typeof cell === "string" && isCanonicalCode(cell)
          ? cell
          : (readCell(codePlan, cell, at) as string | null);
      codePlan.out[n] = code ?? "";
      at.code = code;
    }
    for (let k = 0; k < plan.length; k++) {
      const p = plan[k];
      const cell = row[p.index];
      // Most cells are already in their final form: take them without the reader call (same result).
      if (typeof cell === "string") {
        if (p.exact !== null && p.exact.has(cell)) {
          p.out[n] = cell;
          continue;
        }
        if (p.text) {
          const trimmed = cell.trim();
          if (trimmed !== "") {
            p.out[n] = trimmed;
            continue;
          }
        }
        if (p.quarter && isCanonicalQuarter(cell) && isPlanYear(yearOfQuarter(cell))) {
          p.out[n] = cell;
          continue;
        }
      }
      at.letter = p.letter;
      at.column = p.spec.header;
      const value = readCell(p, cell, at);
      p.out[n] = value === undefined ? null : value;
    }
    rowNumbers[n++] = at.row;
  }
  rowNumbers.length = n;
  refs.addRows(tableRef, rowNumbers);
  // Append this table's columns; columns it lacks are empty for its rows (a missing code reads as "").
  const append = (key: string, values: unknown[]) => {
    values.length = n;
    const existing = out.cols[key];
    out.cols[key] = existing.length ? existing.concat(values) : values;
  };
  if (codePlan) append(codePlan.spec.key, codePlan.out);
  for (const p of plan) append(p.spec.key, p.out);
  for (const key of absent)
    append(key, new Array<unknown>(n).fill(SHEET_CODE_KEYS.has(key) ? "" : null));
  out.length += n;
  return {
    sheet: t.sheet,
    target: spec.key,
    headerRow: t.headerRow,
    columns: [...mapping.indexOf.keys()],
    rows: n,
    leftOut,
  };
}

/**
 * One cell through its column's reader. A formula whose file stores no result (and that could not be
 * computed before reading) is reported at its cell: never read as empty.
 */
function readCell(p: ColumnPlan, cell: unknown, at: At): unknown {
  if (typeof cell === "object" && cell !== null && isUncomputedFormula(cell)) {
    if (p.spec.kind === "computed") return undefined;
    const formula = cell.formula ?? cell.sharedFormula ?? "";
    const fn = /^\s*([A-Z][A-Z0-9.]*)\(/i.exec(formula)?.[1]?.toUpperCase();
    at.sink.add("formula-uncomputed", at, at.code, null, {
      formula,
      fn: fn && !["SUM", "SUBTOTAL", "ROUND"].includes(fn) ? fn : undefined,
    });
    return null;
  }
  return p.read(cell, at);
}

/** Keys of code columns: a missing code reads as "", other missing values as null. */
const SHEET_CODE_KEYS = new Set(
  SHEETS.flatMap((s) => s.columns.filter((c) => c.kind === "code").map((c) => c.key))
);

/** Read the template sheets among `tables` into columns (records on demand). Missing sheets are reported. */
export function readColumns(
  tables: readonly TableData[],
  opts: { lang?: Lang; sink?: FindingSink } = {}
): ReadResult {
  const sink = opts.sink ?? new FindingSink(opts.lang ?? "nl");
  const columns = Object.fromEntries(SHEETS.map((s) => [s.key, new SheetColumns(s)])) as Record<
    SheetKey,
    SheetColumns
  >;
  const refs: Record<SheetKey, RecordRefs> = {
    projects: new RecordRefs(),
    milestones: new RecordRefs(),
    indicators: new RecordRefs(),
    financing: new RecordRefs(),
  };
  const found: ReadResult["found"] = {};
  const reports: TableReport[] = [];
  for (const spec of SHEETS) {
    const mine = tables.filter((t) => (t.target ?? findSheetSpec(t.sheet)?.key) === spec.key);
    if (mine.length === 0) {
      sink.add("sheet-missing", { sheet: spec.name, target: spec.key }, null, null);
      continue;
    }
    const keys = (found[spec.key] = new Set<string>());
    for (const t of mine)
      reports.push(readTable(spec, t, sink, columns[spec.key], refs[spec.key], keys));
  }
  return { columns, refs, findings: sink.findings, found, tables: reports };
}

/** The typed records of read columns. */
export function recordsOf(columns: Record<SheetKey, SheetColumns>): Records {
  return {
    projects: columns.projects.toRecords() as Records["projects"],
    milestones: columns.milestones.toRecords() as Records["milestones"],
    indicators: columns.indicators.toRecords() as Records["indicators"],
    financing: columns.financing.toRecords() as Records["financing"],
  };
}

/** Read the template sheets among `tables` into typed records. Missing sheets are reported. */
export function readRecords(
  tables: readonly TableData[],
  opts: { lang?: Lang; sink?: FindingSink } = {}
): ReadResult & { records: Records } {
  const r = readColumns(tables, opts);
  return { ...r, records: recordsOf(r.columns) };
}
