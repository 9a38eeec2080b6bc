/**
 * The VV custom functions: thin wrappers over the pure module impl/ (which calls the core). The build's
 * custom-functions-metadata-plugin reads the JSDoc below into functions.json (English names; ids are the
 * English names, the invariant ones) and appends the CustomFunctions.associate calls to this file;
 * functions-nl.json (Dutch names and help) is made from nl.json. Only top-level named functions are
 * seen by the plugin. Keep this file free of React/Fluent: it loads with every workbook.
 */
import {
  budgetTotal,
  commitmentRate,
  financingTotal,
  paymentRate,
  realisationRate as realisationRateImpl,
  type FnResult,
} from "./impl";

// Outside Excel (a plain browser page, tests) there is no CustomFunctions runtime: give the appended
// associate calls something to call so that the task pane page still loads. Inside Excel office.js
// defines CustomFunctions before this script runs and this line does nothing.
const g = globalThis as { CustomFunctions?: unknown };
if (typeof g.CustomFunctions === "undefined") g.CustomFunctions = { associate: () => undefined };

/**
 * The language of the error messages: Dutch, unless Office runs in English (then the function names are
 * the English ones too). Read per call: Office.context is there only once office.js is initialised.
 */
export function messageLanguage(): "nl" | "en" {
  const office = (globalThis as { Office?: { context?: { displayLanguage?: unknown } } }).Office;
  let lang: unknown;
  try {
    lang = office?.context?.displayLanguage;
  } catch {
    lang = undefined; // Office.context throws before Office.onReady in some hosts: keep the default
  }
  return typeof lang === "string" && /^en\b/i.test(lang) ? "en" : "nl";
}

/**
 * A result for the cell: the number, or a CustomFunctions.Error with the message (Dutch, or English
 * when Office runs in English). Typed `number` so that the metadata says the result is a number; Excel
 * accepts an Error object in its place. Excel shows a custom message only with #VALUE! and #N/A
 * (learn.microsoft.com, "Handle and return errors from your custom function"): #DIV/0! goes without one,
 * as Excel's own division answers it (docs/functions.md says what it means for each function).
 */
function toCell(r: FnResult): number {
  if (r.ok) return r.value;
  if (r.error === "div0")
    return new CustomFunctions.Error(CustomFunctions.ErrorCode.divisionByZero) as unknown as number;
  const code =
    r.error === "na"
      ? CustomFunctions.ErrorCode.notAvailable
      : CustomFunctions.ErrorCode.invalidValue;
  return new CustomFunctions.Error(code, r.message[messageLanguage()]) as unknown as number;
}

/**
 * Runs one function's computation. A defect that throws still answers the cell with #VALUE! and says so
 * (and logs the stack for the developer console) instead of leaving Excel with an unexplained error.
 */
function cell(compute: () => FnResult): number {
  try {
    return toCell(compute());
  } catch (e) {
    console.error("VV custom function failed", e);
    const detail = e instanceof Error ? e.message : String(e);
    return toCell({
      ok: false,
      error: "value",
      message: {
        nl: `Interne fout in de functie: ${detail}`,
        en: `Internal error in the function: ${detail}`,
      },
    });
  }
}

/**
 * Degree of realisation of an output indicator as a fraction (format the cell as %): (realised − baseline) / (target − baseline), optionally capped at 100 %.
 * @customfunction REALISATIONRATE REALISATIONRATE
 * @param realised The realised value (a number, or text such as "1.650.000").
 * @param target The target value.
 * @param [baseline] Starting value; progress from baseline to target also covers "lower is better". Default 0.
 * @param [cap] TRUE to cap the result at 100 %. Default FALSE.
 * @returns The degree of realisation as a fraction, e.g. 0.072 for 7.2 %.
 */
export function REALISATIONRATE(
  realised: unknown,
  target: unknown,
  baseline?: unknown,
  cap?: unknown
): number {
  return cell(() => realisationRateImpl(realised, target, baseline, cap));
}

/**
 * Total budget (beleidsruimte) of the Financiering table: the revised budget where given, else the original; or the original budget only.
 * @customfunction BUDGET BUDGET
 * @param table The whole Financiering table including its header row, e.g. tblFinanciering[#All].
 * @param [filterType] "cluster", "speerpunt", "envelop" or "codes"; empty for all projects.
 * @param [filterValue] E.g. "05. Versterking O&O", "relance" (VV001–VV158), "regulier" or "VV001:VV158".
 * @param [projects] The Projecten table with its header row, to find cluster or speerpunt when the Financiering table lacks those computed columns.
 * @param [version] "update" (default: revised budget, else original) or "begroot" (original budget).
 * @returns The total in EUR.
 */
export function BUDGET(
  table: unknown[][],
  filterType?: unknown,
  filterValue?: unknown,
  projects?: unknown[][],
  version?: unknown
): number {
  return cell(() =>
    budgetTotal(table, version, {
      filtersoort: filterType,
      filterwaarde: filterValue,
      projecten: projects,
    })
  );
}

/**
 * Total commitments (VAK, uitvoering vastleggingskredieten) of the Financiering table, overall or filtered.
 * @customfunction COMMITMENTS COMMITMENTS
 * @param table The whole Financiering table including its header row, e.g. tblFinanciering[#All].
 * @param [filterType] "cluster", "speerpunt", "envelop" or "codes"; empty for all projects.
 * @param [filterValue] E.g. "05. Versterking O&O", "relance" (VV001–VV158), "regulier" or "VV001:VV158".
 * @param [projects] The Projecten table with its header row, to find cluster or speerpunt when the Financiering table lacks those computed columns.
 * @returns The total in EUR.
 */
export function COMMITMENTS(
  table: unknown[][],
  filterType?: unknown,
  filterValue?: unknown,
  projects?: unknown[][]
): number {
  return cell(() =>
    financingTotal("vak", table, {
      filtersoort: filterType,
      filterwaarde: filterValue,
      projecten: projects,
    })
  );
}

/**
 * Total payments (VEK, uitvoering vereffeningskredieten) of the Financiering table, overall or filtered.
 * @customfunction PAYMENTS PAYMENTS
 * @param table The whole Financiering table including its header row, e.g. tblFinanciering[#All].
 * @param [filterType] "cluster", "speerpunt", "envelop" or "codes"; empty for all projects.
 * @param [filterValue] E.g. "05. Versterking O&O", "relance" (VV001–VV158), "regulier" or "VV001:VV158".
 * @param [projects] The Projecten table with its header row, to find cluster or speerpunt when the Financiering table lacks those computed columns.
 * @returns The total in EUR.
 */
export function PAYMENTS(
  table: unknown[][],
  filterType?: unknown,
  filterValue?: unknown,
  projects?: unknown[][]
): number {
  return cell(() =>
    financingTotal("vek", table, {
      filtersoort: filterType,
      filterwaarde: filterValue,
      projecten: projects,
    })
  );
}

/**
 * Commitment rate: total VAK against the total budget (revised, else original), as a fraction.
 * @customfunction COMMITMENTRATE COMMITMENTRATE
 * @param table The whole Financiering table including its header row, e.g. tblFinanciering[#All].
 * @param [filterType] "cluster", "speerpunt", "envelop" or "codes"; empty for all projects.
 * @param [filterValue] E.g. "05. Versterking O&O", "relance" (VV001–VV158), "regulier" or "VV001:VV158".
 * @param [projects] The Projecten table with its header row, to find cluster or speerpunt when the Financiering table lacks those computed columns.
 * @returns VAK / budget as a fraction.
 */
export function COMMITMENTRATE(
  table: unknown[][],
  filterType?: unknown,
  filterValue?: unknown,
  projects?: unknown[][]
): number {
  return cell(() =>
    commitmentRate(table, {
      filtersoort: filterType,
      filterwaarde: filterValue,
      projecten: projects,
    })
  );
}

/**
 * Payment rate: total VEK against the total budget (default) or against total VAK, as a fraction.
 * @customfunction PAYMENTRATE PAYMENTRATE
 * @param table The whole Financiering table including its header row, e.g. tblFinanciering[#All].
 * @param [filterType] "cluster", "speerpunt", "envelop" or "codes"; empty for all projects.
 * @param [filterValue] E.g. "05. Versterking O&O", "relance" (VV001–VV158), "regulier" or "VV001:VV158".
 * @param [projects] The Projecten table with its header row, to find cluster or speerpunt when the Financiering table lacks those computed columns.
 * @param [base] "beleidsruimte" (default: VEK / budget) or "vak" (VEK / VAK).
 * @returns The payment rate as a fraction.
 */
export function PAYMENTRATE(
  table: unknown[][],
  filterType?: unknown,
  filterValue?: unknown,
  projects?: unknown[][],
  base?: unknown
): number {
  return cell(() =>
    paymentRate(table, base, {
      filtersoort: filterType,
      filterwaarde: filterValue,
      projecten: projects,
    })
  );
}
