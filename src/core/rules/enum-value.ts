/**
 * enum-value: Value not in the list.
 * Raised by the cell readers (src/core/readers) while reading a cell.
 */
import { defineRule, type MsgParams } from "./define";
import { v, ve } from "./text";

/** "'a'", "'a' of 'b'", "'a', 'b' of 'c'". */
function either(xs: readonly string[], quote: (x: unknown) => string, or: string): string {
  const q = xs.map(quote);
  return q.length <= 1 ? q.join("") : `${q.slice(0, -1).join(", ")} ${or} ${q[q.length - 1]}`;
}

const nearest = (p: MsgParams) => (Array.isArray(p.nearest) ? (p.nearest as string[]) : []);
const values = (p: MsgParams) => (Array.isArray(p.values) ? (p.values as string[]) : null);

export default defineRule({
  code: "enum-value",
  severity: "error",
  title: { nl: "Waarde niet in de lijst", en: "Value not in the list" },
  message: {
    nl: (p) => {
      const head = `${v(p.value)} is geen geldige waarde voor '${p.column}'.`;
      const n = nearest(p);
      if (n.length) return `${head} Bedoelt u ${either(n, v, "of")}? Kies de waarde uit de lijst.`;
      const all = values(p);
      return all
        ? `${head} Kies uit de lijst: ${all.map(v).join(", ")}.`
        : `${head} Kies een waarde uit de keuzelijst van de cel.`;
    },
    en: (p) => {
      const head = `${ve(p.value)} is not a valid value for '${p.column}'.`;
      const n = nearest(p);
      if (n.length)
        return `${head} Did you mean ${either(n, ve, "or")}? Choose the value from the list.`;
      const all = values(p);
      return all
        ? `${head} Choose from the list: ${all.map(ve).join(", ")}.`
        : `${head} Choose a value from the cell's dropdown list.`;
    },
  },
  example: {
    break: (b) => void (b.milestones[0].status = "Op schma"),
    cell: "Mijlpalen!D2",
  },
});
