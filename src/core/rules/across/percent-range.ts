/**
 * percent-range: Unlikely percentage.
 * Checked per row of Outputindicatoren: a realisatiegraad below 0 % or above 1000 %.
 * Its code, severity and messages are in ../percent-range.ts (the catalogue the readers report through).
 */
import { defineCheck, report } from "../context";

export default defineCheck({
  code: "percent-range",
  check: {
    sheet: "indicators",
    row(ctx, i) {
      const typed = ctx.indicators.realisatiegraad[i];
      if (typed !== null && (typed < 0 || typed > 10))
        report(ctx, "percent-range", "indicators", i, "realisatiegraad", typed);
    },
  },
});
