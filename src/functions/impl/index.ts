/**
 * The custom functions' logic without the Office runtime. Every function returns a result object, never
 * throws and never builds a CustomFunctions.Error (the thin layer in functions.ts does that), so that all
 * of it runs under jest and in the benchmark. One file per job:
 * - result.ts: the result (a number, or an Excel error with a Dutch and English message);
 * - args.ts: one argument as Excel hands it over (blanks, error cells, Dutch text numbers, yes/no);
 * - choices.ts: arguments naming a choice (filter kind, budget version, base of a rate);
 * - filter.ts: the filter arguments and whether a financing row passes;
 * - table.ts: tables read by header label (Financiering, Projecten), Excel's total row;
 * - totals.ts: the totals row of the Financiering table, computed by the core's totals();
 * - rates.ts: BELEIDSRUIMTE, VAK, VEK and the rates; realisation.ts: REALISATIEGRAAD.
 */
export type { Measure } from "../../core/calc";
export { argScalar, booleanArg } from "./args";
export { budgetVersionArg, filterByArg, paymentBaseArg, type FilterBy } from "./choices";
export { parseCodeRanges } from "./filter";
export { budgetTotal, commitmentRate, financingTotal, paymentRate } from "./rates";
export { realisationRate } from "./realisation";
export type { FnError, FnResult } from "./result";
export { financingTotals, type FinancingTotalsOptions } from "./totals";
