/**
 * overlap-identical: Project identical in more than one file.
 * Raised when several files are read together (src/core/combine.ts).
 */
import { defineRule } from "./define";

export default defineRule({
  code: "overlap-identical",
  severity: "warning",
  title: {
    nl: "Project identiek in meer dan één bestand",
    en: "Project identical in more than one file",
  },
  message: {
    nl: (p) => `${p.value} staat identiek in ${p.files}: het telt één keer mee.`,
    en: (p) => `${p.value} is identical in ${p.files}: it counts once.`,
  },
  example: {
    break: () => undefined,
    cell: "Projecten!A2",
    secondFile: () => {},
  },
});
