/**
 * type-percent: Percentage is not a number.
 * Raised by the cell readers (src/core/readers) while reading a cell.
 */
import { defineRule } from "./define";
import { v, ve } from "./text";

export default defineRule({
  code: "type-percent",
  severity: "error",
  title: { nl: "Percentage is geen getal", en: "Percentage is not a number" },
  message: {
    nl: (p) => `'${p.column}' moet een percentage zijn, maar bevat ${v(p.value)}. Typ bv. 7,2 %.`,
    en: (p) => `'${p.column}' must be a percentage but holds ${ve(p.value)}. Type e.g. 7.2 %.`,
  },
  example: {
    break: (b) => void (b.indicators[0].realisatiegraad = "ongeveer de helft"),
    cell: "Outputindicatoren!F2",
  },
});
