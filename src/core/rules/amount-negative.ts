/**
 * amount-negative: Negative amount.
 * Raised by the cell readers (src/core/readers) while reading a cell.
 */
import { defineRule } from "./define";
import { eur } from "./text";

export default defineRule({
  code: "amount-negative",
  severity: "error",
  title: { nl: "Negatief bedrag", en: "Negative amount" },
  message: {
    nl: (p) =>
      `'${p.column}' is negatief (${eur(p.value, "nl")}). Bedragen zijn nooit negatief: typ het bedrag zonder minteken.`,
    en: (p) => `'${p.column}' is negative (${eur(p.value, "en")}). Amounts are never negative.`,
  },
  example: { break: (b) => void (b.financing[0].vek = -5), cell: "Financiering!E2" },
});
