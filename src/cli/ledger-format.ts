/**
 * The reading ledger for people (--verbose) and scripts (JSON): per sheet how many cells were read, and
 * every cell left out with its reason. A left-out cell that holds an amount is listed always (not only
 * with --verbose): a number nobody counted may be a number that should have counted.
 */
import { cutText, displayValue } from "../core/cells";
import type { Lang } from "../core/vocabulary";
import type { LedgerReason, SheetLedger } from "../workbook/flows";

export const LEDGER_REASONS: Record<Lang, Record<LedgerReason, string>> = {
  nl: {
    header: "kolomkop",
    computed: "berekende kolom (het sjabloon rekent ze zelf uit)",
    "above-header": "titel of eenheid boven de kop",
    "outside-table": "buiten elke tabel",
    "unknown-column": "onbekende kolom (convert bewaart ze als extra kolom)",
    blank: "lege rij",
    total: "totaalrij (nagekeken tegen de rijen erboven)",
    heading: "tussenkop",
    footnote: "voetnoot onder de tabel",
    summary: "samenvattende tabel onder de gegevens",
    duplicate: "rij staat identiek in een eerder bestand",
    conflict: "rij staat anders in een eerder bestand (niet meegeteld)",
    "other-sheet": "een ander tabblad levert dit sjabloonblad",
    "no-header": "tabblad zonder herkende kolomkop",
    "not-template": "geen tabblad van het sjabloon",
    "hidden-superseded": "verborgen tabblad: een zichtbaar tabblad levert hetzelfde",
    "hidden-column": "verborgen kolom: de zichtbare kolom met dezelfde kop is gelezen",
  },
  en: {
    header: "column header",
    computed: "computed column (the template computes it itself)",
    "above-header": "title or unit above the header",
    "outside-table": "outside any table",
    "unknown-column": "unknown column (convert keeps it as an extra column)",
    blank: "blank row",
    total: "total row (checked against the rows above)",
    heading: "heading",
    footnote: "footnote under the table",
    summary: "summary table under the data",
    duplicate: "row identical in an earlier file",
    conflict: "row different in an earlier file (not counted)",
    "other-sheet": "another sheet feeds this template sheet",
    "no-header": "sheet without a recognised header",
    "not-template": "not a template sheet",
    "hidden-superseded": "hidden sheet: a visible sheet feeds the same",
    "hidden-column": "hidden column: the visible column with the same header was read",
  },
};

/** Reasons whose amounts are accounted for elsewhere (a total row is checked; a header is no amount). */
const EXPECTED: ReadonlySet<LedgerReason> = new Set<LedgerReason>([
  "total",
  "duplicate",
  "computed",
]);

const MAX_CELLS = 12;

/** The left-out amounts that nobody counted: listed on stderr after the totals (one line each). */
export function leftOutAmounts(
  files: { file: string; ledger: SheetLedger[] }[],
  lang: Lang
): string {
  const lines: string[] = [];
  for (const f of files)
    for (const l of f.ledger)
      for (const c of l.leftOut)
        if (c.amount !== null && !EXPECTED.has(c.reason))
          lines.push(
            `  ${f.file}: ${l.sheet}!${c.cell}  ${String(displayValue(c.value))}  (${LEDGER_REASONS[lang][c.reason]})\n`
          );
  if (!lines.length) return "";
  const head =
    lang === "nl"
      ? `vv-monitor: ${lines.length} getal(len) niet rechtstreeks gelezen (tel ze zelf na als ze mee moeten tellen):\n`
      : `vv-monitor: ${lines.length} number(s) not read directly (check them if they should count):\n`;
  return head + lines.join("");
}

/** --verbose: per sheet the cells read and, per reason, the cells left out (the first dozen named). */
export function formatLedger(files: { file: string; ledger: SheetLedger[] }[], lang: Lang): string {
  let s = "";
  for (const f of files) {
    s += lang === "nl" ? `${f.file}: elke cel\n` : `${f.file}: every cell\n`;
    for (const l of f.ledger) {
      const left = l.leftOut.length;
      s +=
        lang === "nl"
          ? `  ${l.sheet}: ${l.read} gelezen, ${left} weggelaten${l.own ? `, ${l.own} op een eigen tabblad` : ""}\n`
          : `  ${l.sheet}: ${l.read} read, ${left} left out${l.own ? `, ${l.own} on an own sheet` : ""}\n`;
      const by = new Map<LedgerReason, string[]>();
      for (const c of l.leftOut) by.set(c.reason, [...(by.get(c.reason) ?? []), c.cell]);
      for (const [reason, cells] of by) {
        const named = cells.slice(0, MAX_CELLS).join(", ");
        const more = cells.length > MAX_CELLS ? ` (+${cells.length - MAX_CELLS})` : "";
        s += `    ${LEDGER_REASONS[lang][reason]}: ${named}${more}\n`;
      }
    }
  }
  return s;
}

/** The ledger as JSON: [{file, sheet, read, own, leftOut: [{cell, reason, value, amount}]}]. */
export function ledgerJson(files: { file: string; ledger: SheetLedger[] }[]) {
  return files.flatMap((f) =>
    f.ledger.map((l) => ({
      file: f.file,
      sheet: l.sheet,
      read: l.read,
      own: l.own,
      leftOut: l.leftOut.map((c) => {
        const v = displayValue(c.value);
        return {
          cell: c.cell,
          reason: c.reason,
          value: typeof v === "string" ? cutText(v) : v,
          amount: c.amount,
        };
      }),
    }))
  );
}
