/**
 * origins-sum: Origin of funds does not add up.
 * Checked per row of Financiering: the origins of funds, when any is filled in, add up to the budget.
 * The check is in ./across/origins-sum.ts (the catalogue the readers report through does not import it).
 */
import { defineRule } from "./define";
import { eur } from "./text";

export default defineRule({
  code: "origins-sum",
  severity: "warning",
  title: { nl: "Oorsprong van de middelen telt niet op", en: "Origin of funds does not add up" },
  message: {
    nl: (p) =>
      `De oorsprong van de middelen telt op tot ${eur(p.value, "nl")}, de beleidsruimte is ${eur(p.budget, "nl")} (verschil ${eur(p.diff, "nl")}). Verdeel de beleidsruimte over de bronnen.`,
    en: (p) =>
      `The origins of funds add up to ${eur(p.value, "en")}, the budget is ${eur(p.budget, "en")} (difference ${eur(p.diff, "en")}).`,
  },
  example: {
    break: (b) => void (b.financing[0].vlaamseRelancemiddelen = 20000000),
    cell: "Financiering!F2",
  },
});
