/**
 * overlap-conflict: Project in more than one file, with different data.
 * Raised when several files are read together (src/core/combine.ts).
 */
import { defineRule } from "./define";
import { shown } from "./text";

export default defineRule({
  code: "overlap-conflict",
  severity: "error",
  title: {
    nl: "Project in meer dan één bestand, met andere gegevens",
    en: "Project in more than one file, with different data",
  },
  message: {
    nl: (p) =>
      `${p.value} staat in ${p.first} (${p.firstCell}: ${shown(p.firstValue, "nl")}) en in ${p.second} (${p.secondCell}: ${shown(p.secondValue, "nl")}) met andere gegevens. Beslis welk bestand klopt en haal het project uit het andere; tot dan telt vv-monitor enkel ${p.first}.`,
    en: (p) =>
      `${p.value} is in ${p.first} (${p.firstCell}: ${shown(p.firstValue, "en")}) and in ${p.second} (${p.secondCell}: ${shown(p.secondValue, "en")}) with different data. Decide which file is right and remove the project from the other; until then vv-monitor counts ${p.first} only.`,
  },
  example: {
    break: () => undefined,
    cell: "Financiering!D2",
    secondFile: (b) => void (b.financing[0].vak = 345000),
  },
});
