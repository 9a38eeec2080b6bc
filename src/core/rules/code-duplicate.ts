/**
 * code-duplicate: Duplicate project code.
 * Checked per row of Projecten: a code seen on an earlier row.
 * The check is in ./across/code-duplicate.ts (the catalogue the readers report through does not import it).
 */
import { defineRule } from "./define";

export default defineRule({
  code: "code-duplicate",
  severity: "error",
  title: { nl: "Projectcode komt twee keer voor", en: "Duplicate project code" },
  message: {
    nl: (p) =>
      `${p.value} staat al op rij ${p.firstRow} van '${p.sheet}'. Elk project staat er één keer: voeg de rijen samen of verbeter de code.`,
    en: (p) =>
      `${p.value} is already on row ${p.firstRow} of '${p.sheet}'. Each project appears once.`,
  },
  example: {
    break: (b) => void b.projects.push({ ...b.projects[0] }),
    cell: "Projecten!A4",
  },
});
