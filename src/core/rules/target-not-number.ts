/**
 * target-not-number: Target is not a number.
 * Checked per row of Outputindicatoren.
 * The check is in ./across/target-not-number.ts (the catalogue the readers report through does not import it).
 */
import { defineRule } from "./define";
import { v, ve } from "./text";

export default defineRule({
  code: "target-not-number",
  severity: "warning",
  title: { nl: "Streefwaarde is geen getal", en: "Target is not a number" },
  message: {
    nl: (p) =>
      `De streefwaarde ${v(p.value)} is geen getal, dus de realisatiegraad kan niet berekend worden. Typ een getal en zet de uitleg in 'Streefwaarde (toelichting)'.`,
    en: (p) =>
      `The target ${ve(p.value)} is not a number, so no degree of realisation can be computed.`,
  },
  example: {
    break: (b) => void (b.indicators[0].streefwaarde = "handboek beschikbaar"),
    cell: "Outputindicatoren!C2",
  },
});
