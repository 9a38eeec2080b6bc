/**
 * koppeling-unknown: Link to an unknown project.
 * Checked per row of Projecten: every VVnnn in the link column must be on Projecten.
 * Its code, severity and messages are in ../koppeling-unknown.ts (the catalogue the readers report through).
 */
import { defineCheck, report } from "../context";

export default defineCheck({
  code: "koppeling-unknown",
  check: {
    sheet: "projects",
    row(ctx, i) {
      const k = ctx.projects.koppeling[i];
      if (!k || ctx.found.projects === undefined) return;
      for (const m of k.matchAll(/\bVV\s?(\d{3})\b/gi)) {
        const code = "VV" + m[1];
        if (!ctx.firstProject.has(code))
          report(ctx, "koppeling-unknown", "projects", i, "koppeling", k, { code });
      }
    },
  },
});
