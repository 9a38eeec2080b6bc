/**
 * Formula texts that call the VV custom functions, for hosts that write formulas (the Office.js host's
 * overview sheet). Invariant (English) function names and comma separators, as Range.formulas expects;
 * no leading "=". Pure: no Office runtime needed.
 */

export type FormulaMeasure = "begroot" | "update" | "vak" | "vek";
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

/**
 * The formula of one total: e.g. `VV.COMMITMENTS(tblFinanciering[#All],"cluster","05. Versterking O&O",tblProjecten[#All])`.
 * "begroot" is the original budget, "update" the budget that counts (update, else begroot).
 */
export function functionFormula(
  measure: FormulaMeasure,
  filter: FormulaFilter | null,
  refs: FormulaRefs
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
      return call(FUNCTION_IDS.beleidsruimte, [
        refs.financiering,
        ...filterArgs,
        projects,
        formulaString("begroot"),
      ]);
    case "update":
      return call(FUNCTION_IDS.beleidsruimte, [refs.financiering, ...filterArgs, projects]);
    case "vak":
      return call(FUNCTION_IDS.vak, [refs.financiering, ...filterArgs, projects]);
    case "vek":
      return call(FUNCTION_IDS.vek, [refs.financiering, ...filterArgs, projects]);
  }
}
