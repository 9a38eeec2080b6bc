/**
 * financing-missing: Project without a financing row.
 * Checked once both Projecten and Financiering were read: a project (its first row) without a financing row.
 */
import { defineRule } from "./define";
import { report } from "./context";

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
  check: {
    run(ctx) {
      if (!ctx.found.financing || ctx.found.projects === undefined) return;
      const rows = ctx.refs.projects;
      for (let i = 0; i < ctx.count.projects; i++) {
        const code = ctx.projects.code[i];
        if (
          code &&
          !ctx.firstFinancing.has(code) &&
          rows.row(ctx.firstProject.get(code)!) === rows.row(i)
        )
          report(ctx, "financing-missing", "projects", i, "code", code);
      }
    },
  },
});
