/**
 * financing-duplicate: More than one financing row.
 * Checked per row of Financiering: a project code seen on an earlier row.
 * Its code, severity and messages are in ../financing-duplicate.ts (the catalogue the readers report through).
 */
import { defineCheck, report } from "../context";

export default defineCheck({
  code: "financing-duplicate",
  check: {
    sheet: "financing",
    row(ctx, i) {
      const code = ctx.financing.projectCode[i];
      if (!code) return;
      const first = ctx.firstFinancing.get(code)!;
      if (first !== i)
        report(ctx, "financing-duplicate", "financing", i, "projectCode", code, {
          firstRow: ctx.refs.financing.row(first),
        });
    },
  },
});
