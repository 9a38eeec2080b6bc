/**
 * meetmoment-invalid: The meetmoment cell holds no date.
 * Raised by validateTables (src/core/validate.ts) when the flows found the workbook's labelled meetmoment
 * cell (Instructies, "Meetmoment") filled with something that is not a date (src/workbook/meetmoment-cell.ts).
 */
import { defineRule } from "./define";
import { v, ve } from "./text";

export default defineRule({
  code: "meetmoment-invalid",
  severity: "error",
  title: { nl: "Meetmoment is geen datum", en: "Measurement date is not a date" },
  message: {
    nl: (p) =>
      `${v(p.value)} naast 'Meetmoment' is geen datum. Typ de datum waarop de werkmap rapporteert als JJJJ-MM-DD (bv. 2022-06-01), of geef hem mee met --meetmoment.`,
    en: (p) =>
      `${ve(p.value)} beside 'Meetmoment' is not a date. Type the date the workbook reports on as YYYY-MM-DD (e.g. 2022-06-01), or give it with --meetmoment.`,
  },
  example: {
    break: () => undefined,
    cell: "Instructies!B2",
    meetmomentCell: { sheet: "Instructies", cell: "B2", value: "eind juni" },
  },
});
