/**
 * enum-value: Value not in the list.
 * Raised by the cell readers (src/core/readers) while reading a cell.
 */
import { defineRule } from "./define";
import { v, ve } from "./text";

export default defineRule({
  code: "enum-value",
  severity: "error",
  title: { nl: "Waarde niet in de lijst", en: "Value not in the list" },
  message: {
    nl: (p) =>
      `${v(p.value)} is geen geldige waarde voor '${p.column}'. Kies uit de lijst, bv. ${v(p.example)}.`,
    en: (p) =>
      `${ve(p.value)} is not a valid value for '${p.column}'. Choose from the list, e.g. ${ve(p.example)}.`,
  },
  example: {
    break: (b) => void (b.milestones[0].status = "Bijna klaar"),
    cell: "Mijlpalen!D2",
  },
});
