/**
 * code-duplicate: Duplicate project code.
 * Checked per row of Projecten: a code seen on an earlier row.
 * Its code, severity and messages are in ../code-duplicate.ts (the catalogue the readers report through).
 */
import { defineCheck, report } from "../context";

export default defineCheck({
  code: "code-duplicate",
  check: {
    sheet: "projects",
    row(ctx, i) {
      const code = ctx.projects.code[i];
      if (!code) return;
      const first = ctx.firstProject.get(code)!;
      if (first !== i)
        report(ctx, "code-duplicate", "projects", i, "code", code, {
          firstRow: ctx.refs.projects.row(first),
        });
    },
  },
});
