/**
 * column-twice: Two columns of one table with the same template column, holding different values.
 * Raised by the read step (src/core/read.ts) when it maps a table's headers. The first column is read;
 * which one is meant (last year's hidden column, a copy being edited) cannot be told, so totals refuse.
 */
import { defineRule } from "./define";
import { tables } from "./example-book";
import { v, ve } from "./text";

export default defineRule({
  code: "column-twice",
  severity: "error",
  title: {
    nl: "Dezelfde kolom twee keer, met andere waarden",
    en: "The same column twice, with different values",
  },
  message: {
    nl: (p) =>
      `De kolom ${v(p.value)} staat twee keer in de kop (kolom ${String(p.first)} en deze) en de waarden verschillen in ${String(p.rows)} rij(en), bv. rij ${String(p.example)}: vv-monitor weet niet welke geldt. Verwijder of hernoem de kolom die niet meer geldt.`,
    en: (p) =>
      `The column ${ve(p.value)} is in the header twice (column ${String(p.first)} and this one) and the values differ in ${String(p.rows)} row(s), e.g. row ${String(p.example)}: vv-monitor cannot tell which holds. Delete or rename the column that no longer holds.`,
  },
  example: {
    break: (b) => {
      const t = tables(b);
      const vak = t[3].headers.indexOf("Uitvoering VAK");
      t[3].headers.push("Uitvoering VAK");
      for (const row of t[3].rows) row.push(Number(row[vak] ?? 0) + 1);
      return t;
    },
    cell: "Financiering!N1",
  },
});
