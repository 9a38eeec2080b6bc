/**
 * financing-missing: Project without a financing row.
 * Checked once both Projecten and Financiering were read: a project (its first row) without a financing row.
 * The check is in ./across/financing-missing.ts (the catalogue the readers report through does not import it).
 */
import { defineRule } from "./define";

export default defineRule({
  code: "financing-missing",
  severity: "warning",
  title: { nl: "Project zonder financieringsrij", en: "Project without a financing row" },
  message: {
    nl: (p) =>
      `${p.value} heeft geen rij op 'Financiering'. Voeg een rij toe met de beleidsruimte, VAK en VEK.`,
    en: (p) => `${p.value} has no row on 'Financiering'. Add one with budget, VAK and VEK.`,
  },
  example: { break: (b) => void b.financing.pop(), cell: "Projecten!A3" },
});
