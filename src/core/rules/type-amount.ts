/**
 * type-amount: Amount is not a number.
 * Raised by the cell readers (src/core/readers) while reading a cell.
 */
import { defineRule } from "./define";
import { v, ve } from "./text";

export default defineRule({
  code: "type-amount",
  severity: "error",
  title: { nl: "Bedrag is geen getal", en: "Amount is not a number" },
  message: {
    nl: (p) =>
      `'${p.column}' moet een bedrag in euro zijn, maar bevat ${v(p.value)}. Typ enkel het getal, bv. 1650000 of 1.650.000.`,
    en: (p) =>
      `'${p.column}' must be an amount in euro but holds ${ve(p.value)}. Type the number only, e.g. 1650000.`,
  },
  example: { break: (b) => void (b.financing[0].vak = "veel"), cell: "Financiering!D2" },
});
