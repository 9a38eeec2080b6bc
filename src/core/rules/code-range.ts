/**
 * code-range: Project code outside VV001–VV180.
 * Raised by the cell readers (src/core/readers) while reading a cell.
 */
import { defineRule } from "./define";
import { v, ve } from "./text";

export default defineRule({
  code: "code-range",
  severity: "error",
  title: { nl: "Projectcode buiten VV001–VV180", en: "Project code outside VV001–VV180" },
  message: {
    nl: (p) => `${v(p.value)} bestaat niet in het plan: de codes lopen van VV001 tot VV180.`,
    en: (p) => `${ve(p.value)} is not in the plan: codes run from VV001 to VV180.`,
  },
  example: {
    break: (b) =>
      void (
        (b.projects[1].code = "VV181"),
        (b.milestones[1].projectCode = "VV181"),
        (b.financing[1].projectCode = "VV181"),
        (b.projects[0].koppeling = null)
      ),
    cell: "Projecten!A3",
  },
});
