/**
 * row-left-out: Number in a row that does not count.
 * Raised by the row classifier (src/core/region.ts), which tells data rows from headings and notes.
 */
import { defineRule } from "./define";
import { eur } from "./text";

export default defineRule({
  code: "row-left-out",
  severity: "warning",
  title: { nl: "Getal in een rij die niet meetelt", en: "Number in a row that does not count" },
  message: {
    nl: (p) =>
      `'${p.text}' is een tussenkop of voetnoot, geen project: ${eur(p.value, "nl")} in '${p.column}' telt niet mee. Hoort hier een project, typ dan zijn projectcode in de rij.`,
    en: (p) =>
      `'${p.text}' is a heading or footnote, not a project: ${eur(p.value, "en")} in '${p.column}' is not counted. If this is a project, type its project code in the row.`,
  },
  example: {
    break: (b) => void b.financing.push({ projectCode: "* VAK inclusief herverdeling", vak: 3000 }),
    cell: "Financiering!D4",
  },
});
