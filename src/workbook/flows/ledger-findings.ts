/**
 * A left-out cell that holds a number is always a finding (rule amount-left-out): the reading ledger
 * (ledger.ts) knows every cell not read into a record; the numbers among them that no other finding
 * names and no reason accounts for become warnings, one per sheet, column and reason (the first cell
 * named, the rest counted and summed), so that a column of 10,000 left-out numbers is one line.
 */
import { FindingSink } from "../../core/finding-sink";
import type { Finding } from "../../core/findings";
import type { Lang } from "../../core/vocabulary";
import type { LedgerReason, SheetLedger } from "./ledger";
import { LEDGER_REASONS } from "./ledger-reasons";

/**
 * Reasons that account for a number: a total row is checked against the rows above (total-mismatch), a
 * computed column is computed again, a row identical in an earlier file counts once, a conflicting one
 * is the error overlap-conflict, and a number in a header row is the column's name (a year), no amount.
 */
export const ACCOUNTED: ReadonlySet<LedgerReason> = new Set<LedgerReason>([
  "total",
  "computed",
  "duplicate",
  "conflict",
  "header",
]);

/**
 * Rules that name a whole column at its header (not euro for sure, named twice, hidden behind its visible
 * twin): its numbers are not said again.
 */
const WHOLE_COLUMN = new Set(["amount-scaled", "column-twice", "column-hidden"]);
/** Reasons for which the number is last year's or a draft kept out of sight, not a row to move. */
const HIDDEN: ReadonlySet<LedgerReason> = new Set<LedgerReason>([
  "hidden-superseded",
  "hidden-column",
]);

const splitCell = (cell: string) => {
  const m = /^([A-Z]+)(\d+)$/.exec(cell)!;
  return { letter: m[1], row: Number(m[2]) };
};

interface Group {
  sheet: string;
  cell: string;
  letter: string;
  row: number;
  reason: LedgerReason;
  value: unknown;
  amount: number;
  others: number;
  sum: number;
}

/** The amount-left-out findings of a ledger, given the findings the reading already made. */
export function leftOutFindings(
  ledger: readonly SheetLedger[],
  already: readonly Finding[],
  lang: Lang,
  /** Numbers a formula of a counted cell refers to: they count through it (formula-refs.ts). */
  countedThrough: (sheet: string, cell: string) => boolean = () => false
): Finding[] {
  const atCell = new Set<string>();
  const atColumn = new Set<string>();
  for (const f of already) {
    if (!f.cell) continue;
    atCell.add(`${f.sheet}!${f.cell}`);
    if (WHOLE_COLUMN.has(f.rule)) atColumn.add(`${f.sheet}!${splitCell(f.cell).letter}`);
  }
  const groups = new Map<string, Group>();
  for (const l of ledger)
    for (const c of l.leftOut) {
      if (c.amount === null || ACCOUNTED.has(c.reason)) continue;
      if (atCell.has(`${c.sheet}!${c.cell}`) || countedThrough(c.sheet, c.cell)) continue;
      const { letter, row } = splitCell(c.cell);
      if (atColumn.has(`${c.sheet}!${letter}`)) continue;
      const key = `${c.sheet}\u0000${letter}\u0000${c.reason}`;
      const g = groups.get(key);
      if (g) {
        g.others++;
        g.sum += c.amount;
      } else {
        const first = { sheet: c.sheet, cell: c.cell, letter, row, reason: c.reason };
        groups.set(key, { ...first, value: c.value, amount: c.amount, others: 0, sum: 0 });
      }
    }
  const sink = new FindingSink(lang);
  for (const g of groups.values())
    sink.add("amount-left-out", { sheet: g.sheet, row: g.row, letter: g.letter }, null, g.value, {
      cell: g.cell,
      letter: g.letter,
      reason: LEDGER_REASONS[lang][g.reason],
      amount: g.amount,
      others: g.others,
      sum: g.sum,
      hidden: HIDDEN.has(g.reason),
    });
  return sink.findings;
}
