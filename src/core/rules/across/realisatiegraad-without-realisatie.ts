/**
 * realisatiegraad-without-realisatie: Degree of realisation without realised value.
 * Checked per row of Outputindicatoren.
 * Its code, severity and messages are in ../realisatiegraad-without-realisatie.ts (the catalogue the readers report through).
 */
import { defineCheck, report } from "../context";

export default defineCheck({
  code: "realisatiegraad-without-realisatie",
  check: {
    sheet: "indicators",
    row(ctx, i) {
      const I = ctx.indicators;
      const typed = I.realisatiegraad[i];
      if (typed !== null && I.realisatie[i] === null)
        report(
          ctx,
          "realisatiegraad-without-realisatie",
          "indicators",
          i,
          "realisatiegraad",
          typed
        );
    },
  },
});
