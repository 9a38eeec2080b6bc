/**
 * amount-scaled: Amounts not in euro: in thousands or millions of euro, or percentages.
 * Raised by the read step (src/core/read.ts) when it maps a table's headers.
 */
import { defineRule } from "./define";
import { tables } from "./example-book";
import { v, ve } from "./text";

export default defineRule({
  code: "amount-scaled",
  severity: "error",
  title: {
    nl: "Bedragen niet in euro (duizend, miljoen, procent)",
    en: "Amounts not in euro (thousands, millions, percent)",
  },
  message: {
    nl: (p) =>
      `De kolom ${v(p.value)} staat niet in euro (de eenheid staat erbij): vv-monitor leest ze niet als '${p.column}'. Zet de bedragen om naar euro in een kolom '${p.column}'.`,
    en: (p) =>
      `The column ${ve(p.value)} is not in euro (its unit is stated with it): vv-monitor does not read it as '${p.column}'. Convert the amounts to euro in a column '${p.column}'.`,
  },
  example: {
    break: (b) => {
      const t = tables(b);
      t[3].headers.push("Vastleggingen (x 1.000 EUR)");
      return t;
    },
    cell: "Financiering!N1",
  },
});
