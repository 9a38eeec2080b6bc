/**
 * project-unknown: Refers to an unknown project.
 * Checked on Mijlpalen, Outputindicatoren and Financiering, when there is a Projecten sheet.
 * Its code, severity and messages are in ../project-unknown.ts (the catalogue the readers report through).
 */
import { defineCheck, report } from "../context";

export default defineCheck({
  code: "project-unknown",
  check: {
    run(ctx) {
      if (ctx.found.projects === undefined) return;
      for (const sheet of ["milestones", "indicators", "financing"] as const) {
        const codes = ctx[sheet].projectCode;
        for (let i = 0; i < codes.length; i++) {
          const code = codes[i];
          if (code && !ctx.firstProject.has(code))
            report(ctx, "project-unknown", sheet, i, "projectCode", code);
        }
      }
    },
  },
});
