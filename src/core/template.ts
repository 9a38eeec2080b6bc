/**
 * The template spec, derived from the schema: sheets, their columns in order, dropdown lists and the
 * names of the workbook's own sheets. Hosts render this; they never list columns themselves.
 */
import type { z } from "zod";
import { columnMeta, SHEET_SCHEMAS, type ColumnMeta, type SheetKey } from "./schema";
import { foldHeader, statesPercent, withoutCurrency, withoutScale } from "./parse";
import { columnLetter, toScalar } from "./cells";

export interface ColumnSpec extends ColumnMeta {
  key: string;
  schema: z.ZodType;
}

export interface SheetSpec {
  key: SheetKey;
  /** The sheet name: public vocabulary. */
  name: string;
  en: string;
  /** The Excel table (ListObject) name. */
  tableName: string;
  help: { nl: string; en: string };
  /** Other sheet names that mean this sheet when converting. */
  synonyms: readonly string[];
  columns: readonly ColumnSpec[];
}

function columnsOf(schema: z.ZodObject): ColumnSpec[] {
  return Object.entries(schema.shape).map(([key, s]) => {
    const meta = columnMeta.get(s as z.ZodType);
    if (!meta) throw new Error(`schema field ${key} has no template metadata`);
    return { ...meta, key, schema: s as z.ZodType };
  });
}

export const SHEETS: readonly SheetSpec[] = [
  {
    key: "projects",
    name: "Projecten",
    en: "Projects",
    tableName: "tblProjecten",
    synonyms: ["Projects", "Project", "Projectfiches", "Fiches"],
    help: {
      nl: "Eén rij per project: de gegevens van de projectfiche.",
      en: "One row per project: the project sheet's data.",
    },
    columns: columnsOf(SHEET_SCHEMAS.projects),
  },
  {
    key: "milestones",
    name: "Mijlpalen",
    en: "Milestones",
    tableName: "tblMijlpalen",
    synonyms: ["Milestones", "Mijlpaal"],
    help: {
      nl: "Eén rij per mijlpaal, met timing (JJJJ Qn) en status.",
      en: "One row per milestone, with timing and status.",
    },
    columns: columnsOf(SHEET_SCHEMAS.milestones),
  },
  {
    key: "indicators",
    name: "Outputindicatoren",
    en: "Output indicators",
    tableName: "tblOutputindicatoren",
    synonyms: ["Output indicators", "Indicatoren", "Indicators", "Outputindicator"],
    help: {
      nl: "Eén rij per outputindicator: streefwaarde, timing, realisatie en realisatiegraad.",
      en: "One row per output indicator.",
    },
    columns: columnsOf(SHEET_SCHEMAS.indicators),
  },
  {
    key: "financing",
    name: "Financiering",
    en: "Financing",
    tableName: "tblFinanciering",
    synonyms: ["Financing", "Projectfinanciering", "Budget", "Financien"],
    help: {
      nl: "Eén rij per project: beleidsruimte, uitvoering VAK en VEK, en de oorsprong van de middelen.",
      en: "One row per project: budget, commitments, payments and origin of funds.",
    },
    columns: columnsOf(SHEET_SCHEMAS.financing),
  },
];

export const SHEET_BY_KEY = Object.fromEntries(SHEETS.map((s) => [s.key, s])) as Record<
  SheetKey,
  SheetSpec
>;

/** The workbook's other sheets. */
export const LISTS_SHEET = "Lijsten";
export const INSTRUCTIONS_SHEET = "Instructies";
export const VALIDATION_SHEET = "Validatie";
export const OVERVIEW_SHEET = "Overzicht";
/** The key figures of the meetmoment (the Mededeling's section 3), written by the add-in. */
export const KEY_FIGURES_SHEET = "Kerncijfers";
/** The changes since the previous meetmoment, written by the add-in. */
export const COMPARISON_SHEET = "Vergelijking";
/** Where conversion keeps values it could not place in the template: never into the void. */
export const KEPT_SHEET = "Bewaard";
export { STATE_SHEET } from "./state-sheet";
/** Column added by merge: the file a row came from. */
export const SOURCE_COLUMN = "Bronbestand";
/** Column added when a stack of sheets (one per cluster, per entity) becomes one table: the row's sheet. */
export const SOURCE_SHEET_COLUMN = "Brontabblad";

/** Every dropdown list, once, in sheet order. */
export const LISTS: readonly { name: string; values: readonly string[] }[] = (() => {
  const seen = new Map<string, readonly string[]>();
  for (const s of SHEETS)
    for (const c of s.columns)
      if (c.list && !seen.has(c.list.name)) seen.set(c.list.name, c.list.values);
  return [...seen].map(([name, values]) => ({ name, values }));
})();

/** The A1 range of a list on the lists sheet, for data validation: `Lijsten!$A$2:$A$36`. */
export function listRange(name: string): string {
  const i = LISTS.findIndex((l) => l.name === name);
  if (i < 0) throw new Error(`unknown list ${name}`);
  const letter = columnLetter(i);
  return `${LISTS_SHEET}!$${letter}$2:$${letter}$${LISTS[i].values.length + 1}`;
}

/** The formula of a computed column for one row (without the leading =), columns at their template places. */
export function computedFormula(
  sheet: SheetSpec,
  column: ColumnSpec,
  row: number,
  indexOf?: (key: string) => number
): string {
  if (indexOf) return formulaParts(sheet, column, indexOf).join(String(row));
  return rowFormula(sheet, column)(row);
}

/** Stands for the row number while a formula is built once per column (no formula holds it). */
const ROW = "\u0001";

/** The formula's text split where the row number goes. */
function formulaParts(
  sheet: SheetSpec,
  column: ColumnSpec,
  idx: (key: string) => number
): string[] {
  if (!column.formula) throw new Error(`${column.key} is not computed`);
  return column
    .formula({
      cell: (key) => `${columnLetter(idx(key))}${ROW}`,
      column: (sheetKey, key) => {
        const other = SHEET_BY_KEY[sheetKey];
        const letter = columnLetter(other.columns.findIndex((c) => c.key === key));
        return `${other.name}!$${letter}:$${letter}`;
      },
    })
    .split(ROW);
}

/** A computed column's formula for any row, built once per column (a merge writes 100,000 of them). */
const rowFormulas = new WeakMap<ColumnSpec, (row: number) => string>();
export function rowFormula(sheet: SheetSpec, column: ColumnSpec): (row: number) => string {
  let f = rowFormulas.get(column);
  if (!f) {
    const parts = formulaParts(sheet, column, (k) => sheet.columns.findIndex((c) => c.key === k));
    f = (row) => parts.join(String(row));
    rowFormulas.set(column, f);
  }
  return f;
}

/** A header cell as text: rich text joined, numbers as typed, errors and blanks empty. */
export function headerText(h: unknown): string {
  const s = toScalar(h);
  if (s === null || typeof s === "boolean") return s === null ? "" : String(s);
  if (typeof s === "string") return s.trim();
  if (typeof s === "number") return String(s);
  if (s instanceof Date) return s.toISOString().slice(0, 10);
  return "";
}

/** Find the spec of a sheet by its name or a synonym (case, accents and spacing ignored). */
export function findSheetSpec(name: string): SheetSpec | undefined {
  const f = foldHeader(name);
  return (
    SHEETS.find((s) => foldHeader(s.name) === f) ??
    SHEETS.find((s) => [s.en, ...s.synonyms].some((x) => foldHeader(x) === f))
  );
}

/** The folded header and synonyms of a column, computed once. */
const foldedCache = new WeakMap<ColumnSpec, { header: string[]; synonyms: string[] }>();
function foldedNames(c: ColumnSpec): { header: string[]; synonyms: string[] } {
  let f = foldedCache.get(c);
  if (!f)
    foldedCache.set(
      c,
      (f = {
        header: [foldHeader(c.header)],
        synonyms: [c.en, ...(c.synonyms ?? [])].map(foldHeader),
      })
    );
  return f;
}

export interface HeaderMatch {
  /** 0-based index of the header among the table's headers. */
  index: number;
  header: string;
  key: string;
  how: "exact" | "folded" | "synonym";
}

export interface HeaderMapping {
  matches: HeaderMatch[];
  /** Column key → index among the headers. */
  indexOf: Map<string, number>;
  /** Indexes of headers that mean no template column (kept as extra columns). */
  unmapped: number[];
  /** Template columns not found. */
  missing: ColumnSpec[];
}

/**
 * Map a table's headers to the sheet's columns: exact label, then ignoring case/accents/spacing, then
 * English labels and synonyms. The first header that matches a column wins; later duplicates stay unmapped.
 */
export function mapHeaders(sheet: SheetSpec, headers: readonly unknown[]): HeaderMapping {
  const texts = headers.map(headerText);
  const indexOf = new Map<string, number>();
  const matches: HeaderMatch[] = [];
  const taken = new Set<number>();
  const folded = texts.map(foldHeader);
  // "Uitvoering VAK (%)" holds shares of the budget, not euro; folding drops the "%": kept apart here, it
  // is then named by scaledHeaders (amount-scaled), in the file given and in its conversion alike.
  const percent = texts.map(statesPercent);
  const pass = (
    how: HeaderMatch["how"],
    names: (c: ColumnSpec) => readonly string[],
    of: readonly string[]
  ) => {
    for (const c of sheet.columns) {
      if (indexOf.has(c.key)) continue;
      const cands = names(c);
      const i = of.findIndex(
        (t, j) =>
          !taken.has(j) && t !== "" && cands.includes(t) && !(c.kind === "amount" && percent[j])
      );
      if (i >= 0) {
        indexOf.set(c.key, i);
        taken.add(i);
        matches.push({ index: i, header: texts[i], key: c.key, how });
      }
    }
  };
  pass("exact", (c) => [c.header], texts);
  pass("folded", (c) => foldedNames(c).header, folded);
  pass("synonym", (c) => foldedNames(c).synonyms, folded);
  // Amounts with their currency in the header: "VAK (EUR)", "Uitvoering VEK (in euro)".
  if (sheet.columns.some((c) => c.kind === "amount" && !indexOf.has(c.key))) {
    const plain = texts.map((t) => foldHeader(withoutCurrency(t)));
    const amount = (names: (c: ColumnSpec) => string[]) => (c: ColumnSpec) =>
      c.kind === "amount" ? names(c).map((n) => foldHeader(withoutCurrency(n))) : [];
    pass(
      "folded",
      amount((c) => [c.header]),
      plain
    );
    pass(
      "synonym",
      amount((c) => [c.en, ...(c.synonyms ?? [])]),
      plain
    );
  }
  matches.sort((a, b) => a.index - b.index);
  const unmapped = texts.map((_, i) => i).filter((i) => !taken.has(i));
  const missing = sheet.columns.filter((c) => !indexOf.has(c.key));
  return { matches, indexOf, unmapped, missing };
}

/**
 * Unmapped headers that name an amount column in thousands or millions of euro ("VAK (x 1.000 EUR)"):
 * never read as euro; reported so that the amounts are converted by the user.
 */
export function scaledHeaders(
  sheet: SheetSpec,
  headers: readonly unknown[],
  mapping: HeaderMapping
): { index: number; column: ColumnSpec }[] {
  const out: { index: number; column: ColumnSpec }[] = [];
  for (const i of mapping.unmapped) {
    const plain = withoutScale(headerText(headers[i]));
    if (plain === null) continue;
    const f = foldHeader(plain);
    const column = sheet.columns.find(
      (c) =>
        c.kind === "amount" &&
        [c.header, c.en, ...(c.synonyms ?? [])].some((n) => foldHeader(withoutCurrency(n)) === f)
    );
    if (column) out.push({ index: i, column });
  }
  return out;
}
