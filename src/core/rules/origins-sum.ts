/**
 * origins-sum: Origin of funds does not add up.
 * Checked per row of Financiering: the origins of funds, when any is filled in, add up to the budget.
 */
import { defineRule } from "./define";
import { eur } from "./text";
import { report } from "./context";
import { budgetOf, EUR_TOLERANCE } from "./financing-budget";
import { ORIGINS } from "../vocabulary";

export default defineRule({
  code: "origins-sum",
  severity: "warning",
  title: { nl: "Oorsprong van de middelen telt niet op", en: "Origin of funds does not add up" },
  message: {
    nl: (p) =>
      `De oorsprong van de middelen telt op tot ${eur(p.value, "nl")}, de beleidsruimte is ${eur(p.budget, "nl")} (verschil ${eur(p.diff, "nl")}). Verdeel de beleidsruimte over de bronnen.`,
    en: (p) =>
      `The origins of funds add up to ${eur(p.value, "en")}, the budget is ${eur(p.budget, "en")} (difference ${eur(p.diff, "en")}).`,
  },
  example: {
    break: (b) => void (b.financing[0].vlaamseRelancemiddelen = 20000000),
    cell: "Financiering!F2",
  },
  check: {
    sheet: "financing",
    row(ctx, i) {
      const F = ctx.financing;
      const budget = budgetOf(F, i);
      if (budget === null) return;
      let sum = 0;
      let anyOrigin = false;
      for (let o = 0; o < ORIGINS.length; o++) {
        const x = F[ORIGINS[o].key][i];
        if (x !== null && x !== undefined) {
          anyOrigin = true;
          sum += x;
        }
      }
      if (anyOrigin && Math.abs(sum - budget) > EUR_TOLERANCE)
        report(ctx, "origins-sum", "financing", i, ORIGINS[0].key, sum, {
          budget,
          diff: sum - budget,
        });
    },
  },
});
