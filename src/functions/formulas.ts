/**
 * Formula texts that call the VV custom functions, for hosts that write formulas (the Office.js host's
 * overview sheet). Built-in functions, separators and structured references in their invariant (English)
 * form, as Range.formulas expects; no leading "=". Custom functions are the exception: Excel recognises a
 * custom function written through the API only by its name in Excel's display language (office-js issues
 * 891 and 6614: the English id gives #NAME? in Dutch Excel), so the caller passes the names to use
 * (`functionNames`). Pure: no Office runtime needed.
 */
import type { Measure } from "../core/calc";
import nl from "./nl.json";

export interface FormulaFilter {
  by: "cluster" | "speerpunt" | "envelop";
  value: string;
}
export interface FormulaRefs {
  /** A reference to the whole Financiering table including the header row, e.g. `tblFinanciering[#All]`. */
  financiering: string;
  /** The whole Projecten table, e.g. `tblProjecten[#All]`: passed for cluster and speerpunt filters. */
  projecten?: string;
}

/** The custom functions' namespace (manifest.xml, Functions.Namespace). */
export const NAMESPACE = "VV";

/** Invariant function names (the ids in functions.json). */
export const FUNCTION_IDS = {
  realisatiegraad: "REALISATIONRATE",
  beleidsruimte: "BUDGET",
  vak: "COMMITMENTS",
  vek: "PAYMENTS",
  vakgraad: "COMMITMENTRATE",
  vekgraad: "PAYMENTRATE",
} as const;

export type FunctionId = (typeof FUNCTION_IDS)[keyof typeof FUNCTION_IDS];

/** The display languages the manifest gives the Dutch function metadata (functions-nl.json). */
export const DUTCH_FUNCTION_LOCALES: readonly string[] = ["nl-NL", "nl-BE"];

/** The names Excel knows the functions by in a display language: Dutch in nl-NL and nl-BE, else the ids. */
export function functionNames(displayLanguage: string | null): (id: FunctionId) => string {
  const dutch = DUTCH_FUNCTION_LOCALES.some(
    (l) => l.toLowerCase() === (displayLanguage ?? "").toLowerCase()
  );
  const names = nl.functions as Record<string, { name: string }>;
  return (id) => (dutch ? (names[id]?.name ?? id) : id);
}

/** A string literal in a formula: quotes doubled. */
export function formulaString(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** Drop trailing empty arguments: F(a,,,) → F(a). */
function call(name: string, args: (string | null)[]): string {
  const a = [...args];
  while (a.length > 1 && a[a.length - 1] === null) a.pop();
  return `${NAMESPACE}.${name}(${a.map((x) => x ?? "").join(",")})`;
}

const invariant = (id: FunctionId) => id;

/**
 * The formula of one total: e.g. `VV.COMMITMENTS(tblFinanciering[#All],"cluster","05. Versterking O&O",tblProjecten[#All])`.
 * "begroot" is the original budget, "update" the budget that counts (update, else begroot).
 */
export function functionFormula(
  measure: Measure,
  filter: FormulaFilter | null,
  refs: FormulaRefs,
  name: (id: FunctionId) => string = invariant
): string {
  if (!refs.financiering.trim()) throw new Error("functionFormula: refs.financiering is empty");
  const filterArgs: (string | null)[] = filter
    ? [formulaString(filter.by), formulaString(filter.value)]
    : [null, null];
  const projects =
    filter && (filter.by === "cluster" || filter.by === "speerpunt") && refs.projecten
      ? refs.projecten
      : null;
  switch (measure) {
    case "begroot":
      return call(name(FUNCTION_IDS.beleidsruimte), [
        refs.financiering,
        ...filterArgs,
        projects,
        formulaString("begroot"),
      ]);
    case "update":
      return call(name(FUNCTION_IDS.beleidsruimte), [refs.financiering, ...filterArgs, projects]);
    case "vak":
      return call(name(FUNCTION_IDS.vak), [refs.financiering, ...filterArgs, projects]);
    case "vek":
      return call(name(FUNCTION_IDS.vek), [refs.financiering, ...filterArgs, projects]);
  }
}
