/**
 * percent-range: Unlikely percentage.
 * Checked per row of Outputindicatoren: a realisatiegraad below 0 % or above 1000 %.
 * The check is in ./across/percent-range.ts (the catalogue the readers report through does not import it).
 */
import { defineRule } from "./define";
import { pct } from "./text";

export default defineRule({
  code: "percent-range",
  severity: "warning",
  title: { nl: "Onwaarschijnlijk percentage", en: "Unlikely percentage" },
  message: {
    nl: (p) =>
      `'${p.column}' is ${pct(p.value, "nl")}. Klopt dat? Een realisatiegraad ligt meestal tussen 0 % en 1000 %; typ het %-teken mee (7,2 %).`,
    en: (p) => `'${p.column}' is ${pct(p.value, "en")}. Is that right? Type the % sign (7.2 %).`,
  },
  example: {
    break: (b) =>
      void ((b.indicators[0].realisatiegraad = 72), (b.indicators[0].realisatie = 1650000 * 72)),
    cell: "Outputindicatoren!F2",
  },
});
