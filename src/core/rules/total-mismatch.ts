/**
 * total-mismatch: Total row disagrees with the rows above.
 * Raised by the row classifier (src/core/region.ts), which tells data rows from totals.
 */
import { defineRule } from "./define";
import { eur } from "./text";

export default defineRule({
  code: "total-mismatch",
  severity: "error",
  title: {
    nl: "Totaalrij klopt niet met de rijen erboven",
    en: "Total row disagrees with the rows above",
  },
  message: {
    nl: (p) =>
      `De totaalrij geeft ${eur(p.value, "nl")} voor '${p.column}', maar de rijen ${p.previous ? "sinds de vorige totaalrij" : "erboven"} tellen op tot ${eur(p.sum, "nl")} (verschil ${eur(p.diff, "nl")}). vv-monitor telt de rijen zelf en laat de totaalrij weg: kijk na of er een rij ontbreekt, te veel is of een bedrag als tekst getypt is.`,
    en: (p) =>
      `The total row gives ${eur(p.value, "en")} for '${p.column}', but the rows ${p.previous ? "since the previous total row" : "above"} add up to ${eur(p.sum, "en")} (difference ${eur(p.diff, "en")}). vv-monitor adds the rows itself and leaves the total row out: check for a missing or extra row, or an amount typed as text.`,
  },
  example: {
    break: (b) =>
      void b.financing.push({ projectCode: "Totaal", begroot: 30001000, vak: 300000, vek: 344000 }),
    cell: "Financiering!D4",
  },
});
