/**
 * The flows as the add-in runs them in Excel: the same flows as the command line (src/workbook/flows),
 * with what only Excel adds: the overview's totals through the VV custom functions (or plain formulas, so
 * that a workbook sent to someone without the add-in still shows its totals). The native charts are in the
 * shared plan; the Excel port draws them, the file port cannot.
 */
import { SHEET_BY_KEY, SHEETS } from "../core/template";
import type { Lang } from "../core/vocabulary";
import { functionFormula, functionNames } from "../functions/formulas";
import { displayLanguage } from "./host";
import {
  buildOverview,
  sumifsFormula,
  type FormulaBuilder,
  type OverviewLayout,
} from "../workbook/flows";
import type { WorkbookPort } from "../workbook/port";

export type OverviewMode = "functions" | "formulas";

/**
 * Totals through the custom functions, over the whole template tables (structured references), with the
 * functions' names in Excel's display language (`null`: the invariant English names).
 */
export function customFunctionFormula(language: string | null): FormulaBuilder {
  const names = functionNames(language);
  return (measure, filter) =>
    functionFormula(
      measure,
      filter,
      {
        financiering: `${SHEET_BY_KEY.financing.tableName}[#All]`,
        projecten: `${SHEET_BY_KEY.projects.tableName}[#All]`,
      },
      names
    );
}

/** Build or refresh the overview: totals through the custom functions or plain formulas, status counts, charts. */
export async function excelOverview(
  port: WorkbookPort,
  opts: { lang?: Lang; mode?: OverviewMode; charts?: boolean; displayLanguage?: string | null } = {}
): Promise<OverviewLayout> {
  const language = opts.displayLanguage === undefined ? displayLanguage() : opts.displayLanguage;
  return buildOverview(port, {
    lang: opts.lang,
    formula: opts.mode === "functions" ? customFunctionFormula(language) : sumifsFormula,
    charts: opts.charts,
    activate: true,
  });
}

/** The names of the template's data tables, for live validation. */
export const TEMPLATE_TABLES = SHEETS.map((s) => s.tableName);
