/**
 * code-format: Project code not like VV001.
 * Raised by the cell readers (src/core/readers) while reading a cell.
 */
import { defineRule } from "./define";
import { v, ve } from "./text";

export default defineRule({
  code: "code-format",
  severity: "error",
  title: { nl: "Projectcode niet in de vorm VV001", en: "Project code not like VV001" },
  message: {
    nl: (p) => `${v(p.value)} is geen projectcode. Typ VV gevolgd door drie cijfers, bv. VV012.`,
    en: (p) => `${ve(p.value)} is not a project code. Type VV and three digits, e.g. VV012.`,
  },
  example: {
    break: (b) => void (b.milestones[0].projectCode = "project 1"),
    cell: "Mijlpalen!A2",
  },
});
