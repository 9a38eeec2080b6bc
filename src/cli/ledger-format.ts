/**
 * The reading ledger for people (--verbose, on stderr) and scripts (JSON `cells`): per sheet how many
 * cells were read, and every cell left out with its reason. One formatter for every command that reads
 * (validate, totals, export, convert). A left-out number is a finding of its own (amount-left-out), listed
 * with the other findings.
 */
import { columnIndex, columnLetter, cutText, displayValue } from "../core/cells";
import { countText } from "../core/number-format";
import type { Lang } from "../core/vocabulary";
import { LEDGER_REASONS, type LedgerReason, type SheetLedger } from "../workbook/flows";

export { LEDGER_REASONS };

/** Ranges named per sheet and reason; the cells of the rest are counted. */
const MAX_RANGES = 12;

/**
 * Cells (A1) as the fewest ranges a person reads at a glance: each column's consecutive rows as one run,
 * neighbouring columns with the same run as one rectangle ("A2:J5001"). Column by column, top down.
 */
export function cellRanges(cells: readonly string[]): { range: string; cells: number }[] {
  const rows = new Map<number, number[]>();
  for (const c of cells) {
    const m = /^([A-Z]+)(\d+)$/.exec(c);
    if (!m) continue;
    const col = columnIndex(m[1]);
    const list = rows.get(col);
    if (list) list.push(Number(m[2]));
    else rows.set(col, [Number(m[2])]);
  }
  // Each column's runs of consecutive rows.
  const runs: { col: number; from: number; to: number }[] = [];
  for (const [col, list] of [...rows].sort((a, b) => a[0] - b[0])) {
    list.sort((a, b) => a - b);
    let from = list[0];
    let to = from;
    for (const r of list.slice(1)) {
      if (r === to + 1) to = r;
      else if (r !== to) {
        runs.push({ col, from, to });
        from = to = r;
      }
    }
    runs.push({ col, from, to });
  }
  // A run joins the rectangle of the column before when it spans the same rows.
  const open = new Map<string, { left: number; right: number; from: number; to: number }>();
  const out: { left: number; right: number; from: number; to: number }[] = [];
  for (const r of runs) {
    const key = `${r.from}-${r.to}`;
    const rect = open.get(key);
    if (rect && rect.right === r.col - 1) rect.right = r.col;
    else {
      const fresh = { left: r.col, right: r.col, from: r.from, to: r.to };
      open.set(key, fresh);
      out.push(fresh);
    }
  }
  return out.map((x) => {
    const a = `${columnLetter(x.left)}${x.from}`;
    const b = `${columnLetter(x.right)}${x.to}`;
    return {
      range: a === b ? a : `${a}:${b}`,
      cells: (x.right - x.left + 1) * (x.to - x.from + 1),
    };
  });
}

/** --verbose: per sheet the cells read and, per reason, the cells left out as ranges (the first dozen). */
export function formatLedger(
  files: readonly { file: string; ledger: readonly SheetLedger[] }[],
  lang: Lang
): string {
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
      for (const c of l.leftOut) {
        const list = by.get(c.reason);
        if (list) list.push(c.cell);
        else by.set(c.reason, [c.cell]);
      }
      for (const [reason, cells] of by) {
        const ranges = cellRanges(cells);
        const named = ranges.slice(0, MAX_RANGES);
        const rest = ranges.slice(MAX_RANGES).reduce((n, r) => n + r.cells, 0);
        const more = rest
          ? ` (+${countText(rest, lang === "nl" ? "cel" : "cell", lang === "nl" ? "cellen" : "cells", lang)})`
          : "";
        s += `    ${LEDGER_REASONS[lang][reason]}: ${named.map((r) => r.range).join(", ")}${more}\n`;
      }
    }
  }
  return s;
}

/** The ledger as JSON: [{file, sheet, read, own, leftOut: [{cell, reason, value, amount}]}]. */
export function ledgerJson(files: readonly { file: string; ledger: readonly SheetLedger[] }[]) {
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
