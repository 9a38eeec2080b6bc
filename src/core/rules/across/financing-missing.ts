/**
 * financing-missing: Project without a financing row.
 * Checked once both Projecten and Financiering were read: a project (its first row) without a financing row.
 * Its code, severity and messages are in ../financing-missing.ts (the catalogue the readers report through).
 */
import { defineCheck, report } from "../context";

export default defineCheck({
  code: "financing-missing",
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
