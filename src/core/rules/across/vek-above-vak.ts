/**
 * vek-above-vak: Payments above commitments.
 * Checked per row of Financiering, with half a euro of tolerance.
 * Its code, severity and messages are in ../vek-above-vak.ts (the catalogue the readers report through).
 */
import { defineCheck, report } from "../context";
import { EUR_TOLERANCE } from "../financing-budget";

export default defineCheck({
  code: "vek-above-vak",
  check: {
    sheet: "financing",
    row(ctx, i) {
      const F = ctx.financing;
      const vak = F.vak[i];
      const vek = F.vek[i];
      if (vek !== null && vak !== null && vek > vak + EUR_TOLERANCE)
        report(ctx, "vek-above-vak", "financing", i, "vek", vek, {
          vak,
        });
    },
  },
});
