/**
 * number-ambiguous: Ambiguous number.
 * Raised by the cell readers (src/core/readers) while reading a cell.
 */
import { defineRule } from "./define";
import { v, ve } from "./text";

export default defineRule({
  code: "number-ambiguous",
  severity: "warning",
  title: { nl: "Dubbelzinnig getal", en: "Ambiguous number" },
  message: {
    nl: (p) =>
      `${v(p.value)} in '${p.column}' is gelezen als ${p.parsed} (Nederlandse schrijfwijze), maar kan ook ${p.other} bedoelen. Typ het getal zonder scheidingsteken om twijfel te vermijden.`,
    en: (p) =>
      `${ve(p.value)} in '${p.column}' was read as ${p.parsed} (Dutch notation) but may mean ${p.other}. Type the number without separators.`,
  },
  example: {
    break: (b) => void (b.indicators[0].realisatie = "119.000"),
    cell: "Outputindicatoren!E2",
  },
});
