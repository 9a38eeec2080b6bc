/**
 * project-unknown: Refers to an unknown project.
 * Checked on Mijlpalen, Outputindicatoren and Financiering, when there is a Projecten sheet.
 * The check is in ./across/project-unknown.ts (the catalogue the readers report through does not import it).
 */
import { defineRule } from "./define";

export default defineRule({
  code: "project-unknown",
  severity: "error",
  title: { nl: "Verwijst naar een onbekend project", en: "Refers to an unknown project" },
  message: {
    nl: (p) =>
      `${p.value} staat niet op het tabblad 'Projecten'. Voeg het project toe of verbeter de code.`,
    en: (p) => `${p.value} is not on the 'Projecten' sheet. Add the project or correct the code.`,
  },
  example: {
    break: (b) => void (b.milestones[0].projectCode = "VV099"),
    cell: "Mijlpalen!A2",
  },
});
