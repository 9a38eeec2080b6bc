/**
 * number-as-text: Number typed as text.
 * Raised by the cell readers (src/core/readers) while reading a cell.
 */
import { defineRule } from "./define";
import { v, ve } from "./text";

export default defineRule({
  code: "number-as-text",
  severity: "warning",
  title: { nl: "Getal als tekst getypt", en: "Number typed as text" },
  message: {
    nl: (p) =>
      `'${p.column}' bevat het getal ${v(p.value)} als tekst; formules zoals SOM tellen het niet mee. Typ het als getal (${p.parsed}).`,
    en: (p) =>
      `'${p.column}' holds the number ${ve(p.value)} as text; formulas such as SUM skip it. Type it as a number (${p.parsed}).`,
  },
  example: { break: (b) => void (b.financing[0].vak = "344000"), cell: "Financiering!D2" },
});
