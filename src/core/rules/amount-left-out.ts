/**
 * amount-left-out: A number the reading left out.
 * Raised when a workbook is read (src/workbook/flows/ledger-findings.ts), from the reading ledger: every
 * non-empty cell that holds a number and is not read into a record (a title, a cell outside any table, an
 * unknown column, a summary table, a hidden superseded sheet, ...), unless a finding already points at
 * it (row-left-out, total-mismatch) or the reason accounts for it (a checked total row, a computed
 * column, a row identical in an earlier file). One finding per sheet, column and reason: it names the
 * first cell and says how many more numbers the column leaves out for the same reason, and their sum.
 *
 * A warning, not an error: the number is left out for a reason the reading is sure of, and the totals
 * are exact for what they count; only a person can tell whether it should have counted (a budget typed
 * under the table, a figure on an old hidden sheet). An error would refuse every workbook with a summary
 * per cluster or a notes sheet with figures. Doubt about a number that is read (its unit, its notation)
 * is an error elsewhere (amount-scaled, number-ambiguous).
 */
import { formatNumber } from "../number-format";
import type { Lang } from "../vocabulary";
import { defineRule, type MsgParams } from "./define";
import { tables } from "./example-book";

const num = (n: unknown, lang: Lang) =>
  typeof n === "number" ? formatNumber(n, lang, 6) : String(n);

/** "; ook 3 andere getallen in kolom B (samen 1.250)", or nothing for a single cell. */
function others(p: MsgParams, lang: Lang): string {
  const n = Number(p.others ?? 0);
  if (!n) return "";
  return lang === "nl"
    ? `; ook ${n === 1 ? "1 ander getal" : `${n} andere getallen`} in kolom ${p.letter} (samen ${num(p.sum, "nl")}) ${n === 1 ? "telt" : "tellen"} daarom niet mee`
    : `; nor ${n === 1 ? "is 1 more number" : `are ${n} more numbers`} in column ${p.letter} (together ${num(p.sum, "en")})`;
}

export default defineRule({
  code: "amount-left-out",
  severity: "warning",
  title: { nl: "Getal dat niet meetelt", en: "Number left out of the totals" },
  message: {
    nl: (p) =>
      `Het getal ${num(p.amount, "nl")} in ${p.sheet}!${p.cell} telt niet mee: ${p.reason}${others(p, "nl")}. ${p.hidden ? "Geldt het nog, zet het dan op het zichtbare blad of in de zichtbare kolom; anders mag het weg." : "Hoort het bij een project, zet het dan in een rij van de tabel met zijn projectcode."}`,
    en: (p) =>
      `The number ${num(p.amount, "en")} in ${p.sheet}!${p.cell} is not counted: ${p.reason}${others(p, "en")}. ${p.hidden ? "If it still holds, put it on the visible sheet or in the visible column; otherwise it can go." : "If it belongs to a project, put it in a row of the table with its project code."}`,
  },
  example: {
    // A sheet of the user's own with a figure: read as a workbook, its cells are left out whole.
    break: (b) => [
      ...tables(b),
      {
        sheet: "Raming",
        headerRow: 1,
        firstColumn: 0,
        headers: ["Post", "Bedrag"],
        rows: [["Reserve", 250000]],
      },
    ],
    cell: "Raming!B2",
    workbook: true,
  },
});
