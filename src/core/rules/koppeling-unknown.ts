/**
 * koppeling-unknown: Link to an unknown project.
 * Checked per row of Projecten: every VVnnn in the link column must be on Projecten.
 * The check is in ./across/koppeling-unknown.ts (the catalogue the readers report through does not import it).
 */
import { defineRule } from "./define";

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
});
