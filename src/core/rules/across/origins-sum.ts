/**
 * origins-sum: Origin of funds does not add up.
 * Checked per row of Financiering: the origins of funds, when any is filled in, add up to the budget.
 * Its code, severity and messages are in ../origins-sum.ts (the catalogue the readers report through).
 */
import { defineCheck, report } from "../context";
import { budgetOf, EUR_TOLERANCE } from "../financing-budget";
import { ORIGINS } from "../../vocabulary";

export default defineCheck({
  code: "origins-sum",
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
