/**
 * The read step: tables in, columns of typed values out, with a finding for every cell that cannot be
 * read. Sheets are recognised by name (or synonym), columns by header (mapHeaders); each cell is read
 * by its column's reader (src/core/readers, one per schema kind). Fully blank rows are skipped, never
 * reported; headings, notes and total rows are told apart by classifyRows (region.ts).
 */
import { cellText, columnLetter, isUncomputedFormula } from "./cells";
import { FindingSink } from "./finding-sink";
import type { Finding } from "./findings";
import { readerOf, type At, type CellReader } from "./readers";
import { RecordRefs } from "./record-refs";
import type { Records } from "./records";
import { classifyRows, type LeftOutRow } from "./region";
import type { SheetKey } from "./schema";
import { recordsOf, SheetColumns } from "./sheet-columns";
import {
  findSheetSpec,
  mapHeaders,
  scaledHeaders,
  SHEETS,
  type ColumnSpec,
  type SheetSpec,
} from "./template";
import type { TableData } from "./table";
import type { Lang } from "./vocabulary";

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

/** One column of a table to read: where it is, its reader, and its values (filled by index). */
interface ColumnPlan {
  spec: ColumnSpec;
  index: number;
  letter: string;
  read: CellReader;
  out: unknown[];
}

/** The columns of one table to read, the code column apart (read first: findings name the code). */
interface TablePlan {
  code: ColumnPlan | undefined;
  others: ColumnPlan[];
  /** Column keys of the template the table lacks. */
  absent: string[];
  /** Column letter of each key found. */
  letters: Record<string, string>;
}

/** Report headers in thousands or millions of euro and missing required columns. */
function reportHeaders(
  spec: SheetSpec,
  t: TableData,
  mapping: ReturnType<typeof mapHeaders>,
  sink: FindingSink
): void {
  const where = { sheet: t.sheet, row: t.headerRow, target: spec.key };
  for (const s of scaledHeaders(spec, t.headers, mapping))
    sink.add(
      "amount-scaled",
      { ...where, letter: columnLetter(t.firstColumn + s.index), column: s.column.header },
      null,
      t.headers[s.index]
    );
  for (const c of mapping.missing)
    if (c.required) sink.add("column-missing", { ...where, column: c.header }, null, null);
}

/**
 * A template column named twice in one header (last year's column kept beside this year's, perhaps
 * hidden): the first is read; when their values differ in a data row, which holds is in doubt.
 */
function reportTwice(
  spec: SheetSpec,
  t: TableData,
  mapping: ReturnType<typeof mapHeaders>,
  kinds: readonly string[],
  sink: FindingSink
): void {
  for (const i of mapping.unmapped) {
    const key = mapHeaders(spec, [t.headers[i]]).matches[0]?.key;
    const j = key === undefined ? undefined : mapping.indexOf.get(key);
    if (j === undefined) continue;
    const differ: number[] = [];
    t.rows.forEach((row, r) => {
      if (kinds[r] === "data" && cellText(row[i]).trim() !== cellText(row[j]).trim())
        differ.push(t.headerRow + 1 + r);
    });
    if (!differ.length) continue;
    const column = spec.columns.find((c) => c.key === key)!.header;
    const where = { sheet: t.sheet, row: t.headerRow, target: spec.key };
    sink.add(
      "column-twice",
      { ...where, letter: columnLetter(t.firstColumn + i), column },
      null,
      t.headers[i],
      { first: columnLetter(t.firstColumn + j), rows: differ.length, example: differ[0] }
    );
  }
}

/**
 * The hidden columns the reading found in a table (TableData.hiddenColumns): each read one, and each one
 * a visible column superseded, is said, naming the hidden cells.
 */
function reportHidden(
  spec: SheetSpec,
  t: TableData,
  rowOf: (i: number) => number,
  sink: FindingSink
): void {
  for (const h of t.hiddenColumns ?? []) {
    const letter = columnLetter(t.firstColumn + h.index);
    const last = t.rows.length ? rowOf(t.rows.length - 1) : t.headerRow;
    const range = `${letter}${t.headerRow}:${letter}${last}`;
    const visible =
      h.supersededBy === undefined ? null : columnLetter(t.firstColumn + h.supersededBy);
    const key = mapHeaders(spec, [h.header]).matches[0]?.key;
    const column = spec.columns.find((c) => c.key === key)?.header ?? cellText(h.header);
    sink.add(
      "column-hidden",
      { sheet: t.sheet, row: t.headerRow, letter, column, target: spec.key },
      null,
      h.header,
      { range, ...(visible ? { visible } : {}) }
    );
  }
}

function planTable(
  spec: SheetSpec,
  t: TableData,
  mapping: ReturnType<typeof mapHeaders>,
  found: Set<string>
): TablePlan {
  const plan: TablePlan = { code: undefined, others: [], absent: [], letters: {} };
  for (const c of spec.columns) {
    const i = mapping.indexOf.get(c.key);
    if (i === undefined) {
      if (c.kind !== "computed") plan.absent.push(c.key);
      continue;
    }
    found.add(c.key);
    const letter = columnLetter(t.firstColumn + i);
    plan.letters[c.key] = letter;
    if (c.kind === "computed") continue;
    // Filled by index into an array of the table's size: no growing arrays in the hot loop.
    const p = {
      spec: c,
      index: i,
      letter,
      read: readerOf(c),
      out: new Array<unknown>(t.rows.length),
    };
    if (c.kind === "code") plan.code = p;
    else plan.others.push(p);
  }
  return plan;
}

/** Read the data rows of a table into its plan's columns; returns their Excel row numbers. */
function readRows(
  t: TableData,
  plan: TablePlan,
  kinds: readonly string[],
  rowOf: (i: number) => number,
  at: At
): number[] {
  const { code: codePlan, others } = plan;
  const rows = t.rows;
  const rowNumbers = new Array<number>(rows.length);
  let n = 0;
  for (let r = 0; r < rows.length; r++) {
    if (kinds[r] !== "data") continue;
    const row = rows[r];
    at.row = rowOf(r);
    at.code = null;
    if (codePlan) {
      const code = readCell(codePlan, row[codePlan.index], at) as string | null;
      codePlan.out[n] = code ?? "";
      at.code = code;
    }
    for (let k = 0; k < others.length; k++) {
      const p = others[k];
      const value = readCell(p, row[p.index], at);
      p.out[n] = value === undefined ? null : value;
    }
    rowNumbers[n++] = at.row;
  }
  rowNumbers.length = n;
  return rowNumbers;
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
  reportHeaders(spec, t, mapping, sink);
  reportTwice(spec, t, mapping, kinds, sink);
  reportHidden(spec, t, rowOf, sink);
  const plan = planTable(spec, t, mapping, found);
  const tableRef = refs.addTable(t.sheet, plan.letters);
  const at: At = {
    sheet: t.sheet,
    target: spec.key,
    row: 0,
    letter: "",
    column: "",
    sink,
    code: null,
  };
  const rowNumbers = readRows(t, plan, kinds, rowOf, at);
  const n = rowNumbers.length;
  refs.addRows(tableRef, rowNumbers);
  // Append this table's columns; columns it lacks are empty for its rows (a missing code reads as "").
  const append = (key: string, values: unknown[]) => {
    values.length = n;
    const existing = out.cols[key];
    out.cols[key] = existing.length ? existing.concat(values) : values;
  };
  if (plan.code) append(plan.code.spec.key, plan.code.out);
  for (const p of plan.others) append(p.spec.key, p.out);
  for (const key of plan.absent)
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
  at.letter = p.letter;
  at.column = p.spec.header;
  if (typeof cell === "object" && cell !== null && isUncomputedFormula(cell)) {
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

/** Read the template sheets among `tables` into typed records. Missing sheets are reported. */
export function readRecords(
  tables: readonly TableData[],
  opts: { lang?: Lang; sink?: FindingSink } = {}
): ReadResult & { records: Records } {
  const r = readColumns(tables, opts);
  return { ...r, records: recordsOf(r.columns) };
}
