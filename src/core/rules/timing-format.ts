/**
 * timing-format: Timing is not a quarter.
 * Raised by the cell readers (src/core/readers) while reading a cell.
 */
import { defineRule } from "./define";
import { v, ve } from "./text";

export default defineRule({
  code: "timing-format",
  severity: "error",
  title: { nl: "Timing is geen kwartaal", en: "Timing is not a quarter" },
  message: {
    nl: (p) =>
      `${v(p.value)} in '${p.column}' is geen kwartaal. Typ het jaar en het kwartaal als JJJJ Qn, bv. 2022 Q1.`,
    en: (p) =>
      `${ve(p.value)} in '${p.column}' is not a quarter. Type year and quarter as YYYY Qn, e.g. 2022 Q1.`,
  },
  example: {
    break: (b) => void (b.milestones[0].timing = "Nog te bepalen"),
    cell: "Mijlpalen!C2",
  },
});
