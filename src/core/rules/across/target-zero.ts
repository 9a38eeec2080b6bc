/**
 * target-zero: Target of 0.
 * Checked per row of Outputindicatoren, when a realised value is filled in.
 * Its code, severity and messages are in ../target-zero.ts (the catalogue the readers report through).
 */
import { defineCheck, report } from "../context";

export default defineCheck({
  code: "target-zero",
  check: {
    sheet: "indicators",
    row(ctx, i) {
      const I = ctx.indicators;
      if (I.streefwaarde[i] === 0 && I.realisatie[i] !== null)
        report(ctx, "target-zero", "indicators", i, "streefwaarde", I.streefwaarde[i]);
    },
  },
});
