/**
 * timing-range: Timing outside the plan's years.
 * Raised by the cell readers (src/core/readers) while reading a cell.
 */
import { defineRule } from "./define";
import { v, ve } from "./text";

export default defineRule({
  code: "timing-range",
  severity: "warning",
  title: { nl: "Timing buiten de looptijd van het plan", en: "Timing outside the plan's years" },
  message: {
    nl: (p) =>
      `${v(p.value)} ligt buiten de looptijd van het plan (2020–2030). Controleer het jaar.`,
    en: (p) => `${ve(p.value)} is outside the plan's years (2020–2030). Check the year.`,
  },
  example: {
    break: (b) => void (b.indicators[0].timing = "2035 Q1"),
    cell: "Outputindicatoren!D2",
  },
});
