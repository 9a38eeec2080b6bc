/**
 * financing-duplicate: More than one financing row.
 * Checked per row of Financiering: a project code seen on an earlier row.
 * The check is in ./across/financing-duplicate.ts (the catalogue the readers report through does not import it).
 */
import { defineRule } from "./define";

export default defineRule({
  code: "financing-duplicate",
  severity: "error",
  title: {
    nl: "Meer dan één financieringsrij voor een project",
    en: "More than one financing row",
  },
  message: {
    nl: (p) =>
      `${p.value} heeft al een financieringsrij op rij ${p.firstRow}. Eén rij per project: tel de bedragen samen op één rij.`,
    en: (p) => `${p.value} already has a financing row on row ${p.firstRow}. One row per project.`,
  },
  example: {
    break: (b) => void b.financing.push({ ...b.financing[1] }),
    cell: "Financiering!A4",
  },
});
