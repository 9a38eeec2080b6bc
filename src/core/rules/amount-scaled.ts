/**
 * amount-scaled: Amounts in thousands or millions of euro.
 * Raised by the read step (src/core/read.ts) when it maps a table's headers.
 */
import { defineRule } from "./define";
import { tables } from "./example-book";
import { v, ve } from "./text";

export default defineRule({
  code: "amount-scaled",
  severity: "error",
  title: {
    nl: "Bedragen in duizend of miljoen euro",
    en: "Amounts in thousands or millions of euro",
  },
  message: {
    nl: (p) =>
      `De kolom ${v(p.value)} staat niet in euro maar in duizend of miljoen euro: vv-monitor leest ze niet als '${p.column}'. Zet de bedragen om naar euro in een kolom '${p.column}'.`,
    en: (p) =>
      `The column ${ve(p.value)} is not in euro but in thousands or millions: vv-monitor does not read it as '${p.column}'. Convert the amounts to euro in a column '${p.column}'.`,
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
