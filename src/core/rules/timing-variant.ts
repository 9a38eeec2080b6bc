/**
 * timing-variant: Quarter written differently.
 * Raised by the cell readers (src/core/readers) while reading a cell.
 */
import { defineRule } from "./define";
import { v, ve } from "./text";

export default defineRule({
  code: "timing-variant",
  severity: "warning",
  title: { nl: "Kwartaal anders geschreven", en: "Quarter written differently" },
  message: {
    nl: (p) =>
      `${v(p.value)} in '${p.column}' is gelezen als ${p.parsed}. Schrijf het kwartaal als ${p.parsed}.`,
    en: (p) =>
      `${ve(p.value)} in '${p.column}' was read as ${p.parsed}. Write the quarter as ${p.parsed}.`,
  },
  example: {
    break: (b) => void (b.milestones[0].timing = "Q3 2022"),
    cell: "Mijlpalen!C2",
  },
});
