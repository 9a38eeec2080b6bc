/**
 * realisatiegraad-without-realisatie: Degree of realisation without realised value.
 * Checked per row of Outputindicatoren.
 * The check is in ./across/realisatiegraad-without-realisatie.ts (the catalogue the readers report through does not import it).
 */
import { defineRule } from "./define";
import { pct } from "./text";

export default defineRule({
  code: "realisatiegraad-without-realisatie",
  severity: "warning",
  title: {
    nl: "Realisatiegraad zonder realisatie",
    en: "Degree of realisation without realised value",
  },
  message: {
    nl: (p) =>
      `Er is een realisatiegraad (${pct(p.value, "nl")}) maar geen realisatie. Vul de gerealiseerde waarde in.`,
    en: (p) => `There is a degree of realisation (${pct(p.value, "en")}) but no realised value.`,
  },
  example: {
    break: (b) => void (b.indicators[0].realisatie = null),
    cell: "Outputindicatoren!F2",
  },
});
