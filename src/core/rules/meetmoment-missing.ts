/**
 * meetmoment-missing: No measurement date.
 * Checked once: without a meetmoment the time rules are skipped, and this warning says so.
 * The check is in ./across/meetmoment-missing.ts (the catalogue the readers report through does not import it).
 */
import { defineRule } from "./define";

export default defineRule({
  code: "meetmoment-missing",
  severity: "warning",
  title: { nl: "Geen meetmoment", en: "No measurement date" },
  message: {
    nl: () =>
      `De werkmap heeft geen meetmoment, dus achterstallige mijlpalen zijn niet gecontroleerd. Stel het meetmoment in: typ de datum (bv. 2022-06-01) naast 'Meetmoment' op het tabblad Instructies (cel B2 in het sjabloon), of geef hem mee met --meetmoment 2022-06-01 op de opdrachtregel.`,
    en: () =>
      `The workbook has no measurement date, so overdue milestones were not checked. Set it: type the date (e.g. 2022-06-01) beside 'Meetmoment' on the Instructies sheet (cell B2 in the template), or give it with --meetmoment 2022-06-01 on the command line.`,
  },
  example: { break: () => undefined, cell: null, meetmoment: null },
});
