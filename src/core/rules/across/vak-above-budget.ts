/**
 * vak-above-budget: Commitments above the budget.
 * Checked per row of Financiering against the budget in force (update, else begroot).
 * Its code, severity and messages are in ../vak-above-budget.ts (the catalogue the readers report through).
 */
import { defineCheck, report } from "../context";
import { budgetOf, EUR_TOLERANCE } from "../financing-budget";

export default defineCheck({
  code: "vak-above-budget",
  check: {
    sheet: "financing",
    row(ctx, i) {
      const F = ctx.financing;
      const budget = budgetOf(F, i);
      const vak = F.vak[i] ?? 0;
      if (budget !== null && budget > 0 && vak > budget + EUR_TOLERANCE)
        report(ctx, "vak-above-budget", "financing", i, "vak", vak, {
          budget,
        });
    },
  },
});
