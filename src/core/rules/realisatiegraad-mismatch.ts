/**
 * realisatiegraad-mismatch: Degree of realisation differs from computed.
 * Checked per row of Outputindicatoren: the typed realisatiegraad against realisatie / streefwaarde.
 * The check is in ./across/realisatiegraad-mismatch.ts (the catalogue the readers report through does not import it).
 */
import { defineRule } from "./define";
import { pct } from "./text";

export default defineRule({
  code: "realisatiegraad-mismatch",
  severity: "warning",
  title: {
    nl: "Realisatiegraad wijkt af van de berekende",
    en: "Degree of realisation differs from computed",
  },
  message: {
    nl: (p) =>
      `De realisatiegraad ${pct(p.value, "nl")} wijkt af van realisatie/streefwaarde = ${pct(p.computed, "nl")}. Typ ${pct(p.expected, "nl")} of laat de cel leeg.`,
    en: (p) =>
      `The degree of realisation ${pct(p.value, "en")} differs from realised/target = ${pct(p.computed, "en")}. Type ${pct(p.expected, "en")} or leave it empty.`,
  },
  example: {
    break: (b) => void (b.indicators[0].realisatiegraad = 0.075),
    cell: "Outputindicatoren!F2",
  },
});
