/**
 * The Overzicht's formulas over the Financiering sheet (SUMIFS, COUNTIFS, COUNTIF per status) and what
 * they compute on the workbook's cells, stored as their results for readers that do not calculate.
 */
import { columnLetter } from "../../core/cells";
import { SHEET_BY_KEY } from "../../core/template";
import type { WriteValue } from "../port";
import type { Measure } from "../../core/calc";
import type { FormulaBuilder, OverviewFilter } from "./overview";
import { countIfs, criterion, sumIfs } from "./results";
import { columnRef, SheetValues, UNKNOWN, type Unknown } from "./values";

const fin = SHEET_BY_KEY.financing;
function finColumn(key: string): string {
  const i = fin.columns.findIndex((c) => c.key === key);
  if (i < 0) throw new Error(`Financiering has no column ${key}`);
  const l = columnLetter(i);
  return `${fin.name}!$${l}:$${l}`;
}
const q = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** SUMIFS over the Financiering sheet. `update` is the effective budget: the update where filled in, else begroot. */
export const sumifsFormula: FormulaBuilder = (measure, filter) => {
  const crit = filter ? `,${finColumn(filter.by)},${q(filter.value)}` : "";
  const sum = (key: string, extra = "") =>
    crit || extra ? `SUMIFS(${finColumn(key)}${crit}${extra})` : `SUM(${finColumn(key)})`;
  if (measure === "update")
    return `${sum("update")}+${sum("begroot")}-${sum("begroot", `,${finColumn("update")},"<>"`)}`;
  return sum(measure);
};

const finRef = (key: string) => columnRef(finColumn(key));
const filterCriteria = (filter: OverviewFilter) =>
  filter ? [{ range: finRef(filter.by), criterion: criterion(filter.value) }] : [];

/** What `sumifsFormula` computes, on the workbook's cells. */
export function sumifsResult(
  measure: Measure,
  filter: OverviewFilter,
  values: SheetValues
): number | Unknown {
  const crit = filterCriteria(filter);
  const sum = (key: string, extra: Parameters<typeof sumIfs>[2] = []) =>
    sumIfs(values, finRef(key), [...crit, ...extra]);
  if (measure !== "update") return sum(measure);
  const parts = [
    sum("update"),
    sum("begroot"),
    sum("begroot", [{ range: finRef("update"), criterion: criterion("<>") }]),
  ];
  if (parts.includes(UNKNOWN)) return UNKNOWN;
  const [u, b, replaced] = parts as number[];
  return u + b - replaced;
}

export function countResult(filter: OverviewFilter, values: SheetValues): number | Unknown {
  return filter
    ? countIfs(values, filterCriteria(filter))
    : countIfs(values, [{ range: finRef("projectCode"), criterion: criterion("VV*") }]);
}

/** A formula cell, with its stored result when it is known. */
export function cell(formula: string, result: string | number | Unknown | undefined): WriteValue {
  return result === undefined || result === UNKNOWN ? { formula } : { formula, result };
}

export function countFormula(filter: OverviewFilter): string {
  return filter
    ? `COUNTIFS(${finColumn(filter.by)},${q(filter.value)})`
    : `COUNTIFS(${finColumn("projectCode")},"VV*")`;
}

/** A whole status column of a template sheet, for COUNTIF: `Mijlpalen!$D:$D`. */
export function statusColumn(key: "projects" | "milestones"): string {
  const spec = SHEET_BY_KEY[key];
  const i = spec.columns.findIndex((c) => c.key === "status");
  if (i < 0) throw new Error(`${spec.name} has no status column`);
  const l = columnLetter(i);
  return `${spec.name}!$${l}:$${l}`;
}
