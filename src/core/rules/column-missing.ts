/**
 * column-missing: A required column is missing.
 * Raised by the read step (src/core/read.ts) when it maps a table's headers.
 */
import { defineRule } from "./define";
import { tables } from "./example-book";

export default defineRule({
  code: "column-missing",
  severity: "error",
  title: { nl: "Een verplichte kolom ontbreekt", en: "A required column is missing" },
  message: {
    nl: (p) =>
      `De kolom '${p.column}' ontbreekt op '${p.sheet}'. Voeg een kolom toe met precies die kop.`,
    en: (p) =>
      `The column '${p.column}' is missing on '${p.sheet}'. Add a column with exactly that header.`,
  },
  example: {
    break: (b) => {
      const t = tables(b);
      t[1].headers[3] = "Stand";
      return t;
    },
    cell: null,
  },
});
