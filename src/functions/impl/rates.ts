/**
 * The totals functions as the sheet calls them: BELEIDSRUIMTE / BUDGET, VAK / COMMITMENTS, VEK / PAYMENTS
 * and the rates VAKGRAAD / COMMITMENTRATE and VEKGRAAD / PAYMENTRATE, each one row of financingTotals.
 */
import type { Measure } from "../../core/calc";
import { argScalar, show } from "./args";
import { budgetVersionArg, paymentBaseArg } from "./choices";
import { fail, type FnResult } from "./result";
import { financingTotals, type FinancingTotalsOptions } from "./totals";

/** BELEIDSRUIMTE / BUDGET, VAK / COMMITMENTS, VEK / PAYMENTS. */
export function financingTotal(
  measure: Measure,
  table: unknown,
  opts: FinancingTotalsOptions = {}
): FnResult {
  const r = financingTotals(table, [measure], opts);
  if (!r.ok) return r.result;
  return { ok: true, value: r.row[measure] };
}

/** BELEIDSRUIMTE / BUDGET: the effective budget ("update", the default) or the original ("begroot"). */
export function budgetTotal(
  table: unknown,
  versie: unknown,
  opts: FinancingTotalsOptions = {}
): FnResult {
  const v = budgetVersionArg(versie);
  if (!v) {
    const raw = show(argScalar(versie));
    return fail(
      "value",
      `Onbekende versie "${raw}". Kies "update" of "begroot".`,
      `Unknown version "${raw}". Use "update" or "begroot".`
    );
  }
  return financingTotal(v, table, opts);
}

/** VAKGRAAD / COMMITMENTRATE: VAK against the beleidsruimte (update, else begroot). */
export function commitmentRate(table: unknown, opts: FinancingTotalsOptions = {}): FnResult {
  const r = financingTotals(table, ["update", "vak"], opts);
  if (!r.ok) return r.result;
  if (r.row.vakRate === null)
    return fail(
      "div0",
      "De beleidsruimte is 0 of leeg: de vastleggingsgraad kan niet berekend worden.",
      "The budget is 0 or empty: no commitment rate."
    );
  return { ok: true, value: r.row.vakRate };
}

/** VEKGRAAD / PAYMENTRATE: VEK against the beleidsruimte (default) or against VAK. */
export function paymentRate(
  table: unknown,
  noemer: unknown,
  opts: FinancingTotalsOptions = {}
): FnResult {
  const base = paymentBaseArg(noemer);
  if (!base)
    return fail(
      "value",
      `Onbekende noemer "${show(argScalar(noemer))}". Kies "beleidsruimte" of "vak".`,
      `Unknown base "${show(argScalar(noemer))}". Use "beleidsruimte" or "vak".`
    );
  const r = financingTotals(table, base === "vak" ? ["vak", "vek"] : ["update", "vek"], opts);
  if (!r.ok) return r.result;
  const v = base === "vak" ? r.row.vekOnVak : r.row.vekRate;
  if (v === null)
    return base === "vak"
      ? fail(
          "div0",
          "Het totaal VAK is 0 of leeg: de vereffeningsgraad tegenover VAK kan niet berekend worden.",
          "Total commitments are 0 or empty: no payment rate against VAK."
        )
      : fail(
          "div0",
          "De beleidsruimte is 0 of leeg: de vereffeningsgraad kan niet berekend worden.",
          "The budget is 0 or empty: no payment rate."
        );
  return { ok: true, value: v };
}
