/**
 * koppeling-unknown: Link to an unknown project.
 * Checked per row of Projecten: every VVnnn in the link column must be on Projecten.
 */
import { defineRule } from "./define";
import { report } from "./context";

export default defineRule({
  code: "koppeling-unknown",
  severity: "warning",
  title: { nl: "Koppeling naar een onbekend project", en: "Link to an unknown project" },
  message: {
    nl: (p) =>
      `De koppeling verwijst naar ${p.code}, dat niet op 'Projecten' staat. Controleer de code.`,
    en: (p) => `The link refers to ${p.code}, which is not on 'Projecten'.`,
  },
  example: {
    break: (b) => void (b.projects[0].koppeling = "VV077 Onbekend"),
    cell: "Projecten!R2",
  },
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
