/**
 * column-hidden: A hidden column that holds a template column. Raised by the read step
 * (src/core/read.ts) from what the reading found (flows/hidden-columns.ts): hidden is a view, so a hidden
 * column is read, unless a visible column names the same template column; then the visible one is read
 * (what a person sees wins) and the hidden one is kept aside. Either way the reader is told.
 */
import { defineRule } from "./define";
import { tables } from "./example-book";
import { v, ve } from "./text";

export default defineRule({
  code: "column-hidden",
  severity: "warning",
  title: {
    nl: "Een verborgen kolom",
    en: "A hidden column",
  },
  message: {
    nl: (p) =>
      p.visible
        ? `De kolom ${v(p.value)} (${String(p.range)}) is verborgen; de zichtbare kolom ${String(p.visible)} met dezelfde kop is gelezen en de verborgen kolom niet. Verwijder de verborgen kolom als ze niet meer geldt.`
        : `De kolom ${v(p.value)} (${String(p.range)}) is verborgen en is toch gelezen: verbergen is een weergave, zoals een filter. Maak de kolom zichtbaar, of verwijder ze als ze niet meetelt.`,
    en: (p) =>
      p.visible
        ? `The column ${ve(p.value)} (${String(p.range)}) is hidden; the visible column ${String(p.visible)} with the same header was read and the hidden one was not. Delete the hidden column if it no longer holds.`
        : `The column ${ve(p.value)} (${String(p.range)}) is hidden and was read all the same: hiding is a view, like a filter. Show the column, or delete it if it does not count.`,
  },
  example: {
    break: (b) => {
      const t = tables(b);
      const vak = t[3].headers.indexOf("Uitvoering VAK");
      t[3].hiddenColumns = [{ index: vak, header: t[3].headers[vak] }];
      return t;
    },
    cell: "Financiering!D1",
  },
});
