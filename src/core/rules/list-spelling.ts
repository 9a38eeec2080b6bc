/**
 * list-spelling: List value spelled differently.
 * Raised by the cell readers (src/core/readers) while reading a cell.
 */
import { defineRule } from "./define";
import { v, ve } from "./text";

export default defineRule({
  code: "list-spelling",
  severity: "warning",
  title: { nl: "Lijstwaarde anders geschreven", en: "List value spelled differently" },
  message: {
    nl: (p) =>
      p.zero
        ? `${v(p.value)} in '${p.column}' is gelezen als '${p.parsed}': het plan schrijft dit label met het cijfer 0 in plaats van de letter O. Kies het uit de lijst, dan vinden ook filters en formules het.`
        : `${v(p.value)} in '${p.column}' is gelezen als '${p.parsed}'. Schrijf het precies zoals in de lijst, anders tellen filters en totalen het niet mee.`,
    en: (p) =>
      p.zero
        ? `${ve(p.value)} in '${p.column}' was read as '${p.parsed}': the plan writes this label with the digit 0 instead of the letter O. Choose it from the list so that filters and formulas find it too.`
        : `${ve(p.value)} in '${p.column}' was read as '${p.parsed}'. Spell it exactly as in the list.`,
  },
  example: {
    break: (b) => void (b.milestones[0].status = "op schema"),
    cell: "Mijlpalen!D2",
  },
});
