/**
 * cell-error: The cell holds an error value.
 * Raised by the cell readers (src/core/readers) while reading a cell.
 */
import { defineRule } from "./define";

export default defineRule({
  code: "cell-error",
  severity: "error",
  title: { nl: "De cel bevat een foutwaarde", en: "The cell holds an error value" },
  message: {
    nl: (p) =>
      `'${p.column}' bevat de foutwaarde ${p.value}. Typ de waarde zelf in plaats van een formule die een fout geeft.`,
    en: (p) =>
      `'${p.column}' holds the error ${p.value}. Type the value instead of a formula that fails.`,
  },
  example: {
    break: (b) => void (b.projects[0].title = { error: "#N/A" }),
    cell: "Projecten!B2",
  },
});
