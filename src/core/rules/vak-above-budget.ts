/**
 * vak-above-budget: Commitments above the budget.
 * Checked per row of Financiering against the budget in force (update, else begroot).
 * The check is in ./across/vak-above-budget.ts (the catalogue the readers report through does not import it).
 */
import { defineRule } from "./define";
import { eur } from "./text";

export default defineRule({
  code: "vak-above-budget",
  severity: "warning",
  title: { nl: "VAK hoger dan de beleidsruimte", en: "Commitments above the budget" },
  message: {
    nl: (p) =>
      `Uitvoering VAK (${eur(p.value, "nl")}) is hoger dan de beleidsruimte (${eur(p.budget, "nl")}). Pas de beleidsruimte (update) aan of verbeter het bedrag.`,
    en: (p) => `Commitments (${eur(p.value, "en")}) exceed the budget (${eur(p.budget, "en")}).`,
  },
  example: {
    break: (b) => void (b.financing[0].vak = b.financing[0].vek = 25000000),
    cell: "Financiering!D2",
  },
});
