/**
 * required: Required field is empty.
 * Raised by the cell readers (src/core/readers) while reading a cell.
 */
import { defineRule } from "./define";

export default defineRule({
  code: "required",
  severity: "error",
  title: { nl: "Verplicht veld is leeg", en: "Required field is empty" },
  message: {
    nl: (p) => `'${p.column}' is verplicht maar leeg. Vul een waarde in.`,
    en: (p) => `'${p.column}' is required but empty. Fill in a value.`,
  },
  example: { break: (b) => void (b.projects[0].title = "  "), cell: "Projecten!B2" },
});
