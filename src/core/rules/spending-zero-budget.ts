/**
 * spending-zero-budget: Spending against a budget of 0.
 * Checked per row of Financiering: commitments or payments against a budget of 0.
 * The check is in ./across/spending-zero-budget.ts (the catalogue the readers report through does not import it).
 */
import { defineRule } from "./define";
import { eur } from "./text";

export default defineRule({
  code: "spending-zero-budget",
  severity: "warning",
  title: { nl: "Uitgaven tegenover een beleidsruimte van 0", en: "Spending against a budget of 0" },
  message: {
    nl: (p) =>
      `Er is ${eur(p.value, "nl")} vastgelegd of betaald, maar de beleidsruimte is 0. Vul de beleidsruimte (update) in.`,
    en: (p) =>
      `${eur(p.value, "en")} was committed or paid against a budget of 0. Fill in the (revised) budget.`,
  },
  example: {
    break: (b) => void ((b.financing[1].begroot = 0), (b.financing[1].vlaamseRelancemiddelen = 0)),
    cell: "Financiering!D3",
  },
});
