/**
 * formula-uncomputed: Formula without a stored result.
 * Raised by the read step (src/core/read.ts) for a formula cell without a stored result.
 */
import { defineRule } from "./define";

export default defineRule({
  code: "formula-uncomputed",
  severity: "error",
  title: { nl: "Formule zonder opgeslagen resultaat", en: "Formula without a stored result" },
  message: {
    nl: (p) =>
      `De formule =${p.formula} in '${p.column}' heeft geen opgeslagen resultaat en vv-monitor kan ze niet uitrekenen${p.fn ? ` (de functie ${p.fn} rekent vv-monitor niet uit)` : ""}. Open de werkmap in Excel of LibreOffice en bewaar ze opnieuw, of typ de waarde zelf.`,
    en: (p) =>
      `The formula =${p.formula} in '${p.column}' has no stored result and vv-monitor cannot compute it${p.fn ? ` (vv-monitor does not compute ${p.fn})` : ""}. Open the workbook in Excel or LibreOffice and save it again, or type the value.`,
  },
  example: {
    break: (b) => void (b.financing[0].vak = { formula: "VLOOKUP(A2,Orafin!A:B,2,FALSE)" }),
    cell: "Financiering!D2",
  },
});
