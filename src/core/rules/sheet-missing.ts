/**
 * sheet-missing: A template sheet is missing.
 * Raised by the read step (src/core/read.ts) when no table feeds a template sheet.
 */
import { defineRule } from "./define";
import { tables } from "./example-book";

export default defineRule({
  code: "sheet-missing",
  severity: "error",
  title: { nl: "Een tabblad van het sjabloon ontbreekt", en: "A template sheet is missing" },
  message: {
    nl: (p) =>
      `Het tabblad '${p.sheet}' ontbreekt. Maak het sjabloon aan of zet de gegevens op een tabblad met die naam.`,
    en: (p) =>
      `The sheet '${p.sheet}' is missing. Create the template or put the data on a sheet with that name.`,
  },
  example: { break: (b) => tables(b, ["milestones"]), cell: null },
});
