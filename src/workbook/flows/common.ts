/**
 * Helpers shared by the flows: turning snapshot cells into write values, the template's column formats
 * and table plans (all derived from the schema's SHEETS). How a snapshot is read: reading.ts.
 */
import { columnLetter, toScalar } from "../../core/cells";
import {
  computedFormula,
  listRange,
  rowFormula,
  type ColumnSpec,
  type SheetSpec,
} from "../../core/template";
import { MILESTONE_STATUSES, PROJECT_STATUSES, type Lang } from "../../core/vocabulary";
import type { ColumnFormat, TablePlan, WriteValue } from "../port";

/** A cell as read, turned into a value to write: formulas become their last result, errors their text. */
export function toWriteValue(v: unknown): WriteValue {
  const s = toScalar(v);
  if (s === null) return null;
  if (typeof s === "object" && !(s instanceof Date)) return s.error;
  return s;
}

export function isFormulaCell(v: unknown): boolean {
  return (
    typeof v === "object" &&
    v !== null &&
    !(v instanceof Date) &&
    ("formula" in v || "sharedFormula" in v)
  );
}

/** The text of a formula cell, as typed: "=B3/2". */
export function formulaText(v: unknown): string {
  const f = v as { formula?: string; sharedFormula?: string };
  return `=${f.formula ?? f.sharedFormula ?? ""}`;
}

/** A cell as kept on the Bewaard sheet: a formula as its text (nothing lost), anything else as its value. */
export function keptValue(v: unknown): WriteValue {
  return isFormulaCell(v) ? formulaText(v) : toWriteValue(v);
}

const STATUS_COLOURS: Record<string, readonly { label: string; fill: string; font: string }[]> = {
  Projectstatussen: PROJECT_STATUSES,
  Mijlpaalstatussen: MILESTONE_STATUSES,
};

/** The template's format of one column: width, number format, dropdown, help and status colours. */
export function columnFormat(c: ColumnSpec, lang: Lang): ColumnFormat {
  const f: ColumnFormat = { width: c.width };
  if (c.numFmt) f.numFmt = c.numFmt;
  if (c.kind === "longtext") f.wrap = true;
  if (c.list) f.listRange = listRange(c.list.name);
  f.help = {
    title: (lang === "nl" ? c.header : c.en).slice(0, 32),
    text: c.help[lang].slice(0, 255),
  };
  const colours = c.list ? STATUS_COLOURS[c.list.name] : undefined;
  if (colours) f.colours = colours.map((s) => ({ value: s.label, fill: s.fill, font: s.font }));
  return f;
}

/** The note on a header cell: the column's help, and whether it is required. */
export function headerNote(c: ColumnSpec, lang: Lang): string {
  const req = c.required ? (lang === "nl" ? " Verplicht." : " Required.") : "";
  return `${c.help[lang]}${req}`;
}

/** Make header labels unique and non-empty (Excel tables require it), keeping the first as it is. */
export function uniqueHeaders(headers: string[]): string[] {
  const seen = new Set<string>();
  return headers.map((h, i) => {
    const base = h.trim() === "" ? `Kolom ${columnLetter(i)}` : h;
    let name = base;
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${base} (${n})`;
    seen.add(name.toLowerCase());
    return name;
  });
}

/** The template's headers, then the extra ones (made unique). */
const tableHeaders = (spec: SheetSpec, extraHeaders: readonly string[]) =>
  uniqueHeaders([...spec.columns.map((c) => c.header), ...extraHeaders]);

/**
 * The table of a template sheet: the schema's columns (then `extraHeaders`), with the computed columns as
 * formulas on every row. `rows` hold the template columns in schema order followed by the extra columns;
 * their computed cells are ignored and replaced by formulas. Without rows, one empty row is planned
 * (an Excel table always has one), with its formulas.
 */
export function templateTable(
  spec: SheetSpec,
  rows: readonly (readonly unknown[])[],
  lang: Lang,
  extraHeaders: readonly string[] = [],
  headerRow = 1
): TablePlan {
  const n = spec.columns.length;
  const headers = tableHeaders(spec, extraHeaders);
  const body = rows.length ? rows : [[]];
  const planned: WriteValue[][] = body.map((r, i) =>
    headers.map((_, j) => {
      if (j < n && spec.columns[j].kind === "computed")
        return { formula: computedFormula(spec, spec.columns[j], headerRow + 1 + i) };
      return toWriteValue(r[j]);
    })
  );
  return tablePlan(spec, headers, planned, lang, headerRow);
}

/**
 * The table of `spec` over rows already in their written form, a value (or null) in every column
 * (convert-table.ts builds them so): the computed columns' formulas are put in place, the rows are not
 * copied (a merge of 100,000 rows would copy them all once more).
 */
export function builtTable(
  spec: SheetSpec,
  rows: WriteValue[][],
  lang: Lang,
  extraHeaders: readonly string[]
): TablePlan {
  if (!rows.length) return templateTable(spec, rows, lang, extraHeaders);
  const headers = tableHeaders(spec, extraHeaders);
  spec.columns.forEach((c, j) => {
    if (c.kind !== "computed") return;
    const formula = rowFormula(spec, c);
    for (let i = 0; i < rows.length; i++) rows[i][j] = { formula: formula(2 + i) };
  });
  return tablePlan(spec, headers, rows, lang, 1);
}

function tablePlan(
  spec: SheetSpec,
  headers: string[],
  rows: WriteValue[][],
  lang: Lang,
  headerRow: number
): TablePlan {
  const n = spec.columns.length;
  return {
    name: spec.tableName,
    headerRow,
    headers,
    rows,
    columns: headers.map((_, j) => (j < n ? columnFormat(spec.columns[j], lang) : { width: 18 })),
    headerNotes: headers.map((_, j) => (j < n ? headerNote(spec.columns[j], lang) : null)),
  };
}
