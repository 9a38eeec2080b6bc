/**
 * target-zero: Target of 0.
 * Checked per row of Outputindicatoren, when a realised value is filled in.
 * The check is in ./across/target-zero.ts (the catalogue the readers report through does not import it).
 */
import { defineRule } from "./define";

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
});
