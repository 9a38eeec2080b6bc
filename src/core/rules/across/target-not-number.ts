/**
 * target-not-number: Target is not a number.
 * Checked per row of Outputindicatoren.
 * Its code, severity and messages are in ../target-not-number.ts (the catalogue the readers report through).
 */
import { defineCheck, report } from "../context";

export default defineCheck({
  code: "target-not-number",
  check: {
    sheet: "indicators",
    row(ctx, i) {
      const target = ctx.indicators.streefwaarde[i];
      if (typeof target === "string")
        report(ctx, "target-not-number", "indicators", i, "streefwaarde", target);
    },
  },
});
