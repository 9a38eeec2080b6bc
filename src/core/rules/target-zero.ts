/**
 * target-zero: Target of 0.
 * Checked per row of Outputindicatoren, when a realised value is filled in.
 */
import { defineRule } from "./define";
import { report } from "./context";

export default defineRule({
  code: "target-zero",
  severity: "warning",
  title: { nl: "Streefwaarde 0", en: "Target of 0" },
  message: {
    nl: () =>
      `De streefwaarde is 0: de realisatiegraad kan niet berekend worden (deling door nul). Typ de echte streefwaarde.`,
    en: () => `The target is 0: no degree of realisation can be computed (division by zero).`,
  },
  example: {
    break: (b) => void (b.indicators[0].streefwaarde = 0),
    cell: "Outputindicatoren!C2",
  },
  check: {
    sheet: "indicators",
    row(ctx, i) {
      const I = ctx.indicators;
      if (I.streefwaarde[i] === 0 && I.realisatie[i] !== null)
        report(ctx, "target-zero", "indicators", i, "streefwaarde", I.streefwaarde[i]);
    },
  },
});
