/**
 * spending-zero-budget: Spending against a budget of 0.
 * Checked per row of Financiering: commitments or payments against a budget of 0.
 * Its code, severity and messages are in ../spending-zero-budget.ts (the catalogue the readers report through).
 */
import { defineCheck, report } from "../context";
import { budgetOf } from "../financing-budget";

export default defineCheck({
  code: "spending-zero-budget",
  check: {
    sheet: "financing",
    row(ctx, i) {
      const F = ctx.financing;
      const vak = F.vak[i] ?? 0;
      const vek = F.vek[i] ?? 0;
      if (budgetOf(F, i) === 0 && (vak > 0 || vek > 0))
        report(
          ctx,
          "spending-zero-budget",
          "financing",
          i,
          F.vak[i] ? "vak" : "vek",
          Math.max(vak, vek)
        );
    },
  },
});
