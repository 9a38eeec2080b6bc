/**
 * The reading ledger's invariant, as a list of what is wrong (empty when it holds), so that a test can
 * both require it on every workbook and show that it catches a stage that forgets a cell
 * (ledger.fault.test.ts). The cells are counted here from the snapshot, independently of the ledger; the
 * amounts the ledger says were read are compared with those of the records the reading produced.
 */
import { isBlank, isUncomputedFormula } from "../../src/core/cells";
import { SHEET_BY_KEY } from "../../src/core/template";
import {
  amountOf,
  fileLedger,
  readFiles,
  type CombinedReading,
  type SheetLedger,
} from "../../src/workbook/flows";
import type { WorkbookSnapshot } from "../../src/workbook/port";
import { openXlsx } from "../../src/xlsx/open";

/** Every non-empty cell of every sheet, counted from the snapshot, and the sum of their numbers. */
function census(
  snapshot: WorkbookSnapshot
): Map<string, { cells: number; amount: number; uncomputed: boolean }> {
  const out = new Map<string, { cells: number; amount: number; uncomputed: boolean }>();
  for (const s of snapshot.sheets) {
    const c = { cells: 0, amount: 0, uncomputed: false };
    const grids = s.used
      ? [s.used.values]
      : s.tables.map((t) => [t.headers, ...t.rows] as unknown[][]);
    for (const g of grids)
      for (const row of g)
        for (const v of row) {
          if (isBlank(v)) continue;
          c.cells++;
          c.amount += amountOf(v) ?? 0;
          if (isUncomputedFormula(v)) c.uncomputed = true;
        }
    out.set(s.name, c);
  }
  return out;
}

/** Equal to a relative 1e-9 (sums of the same numbers in another order). */
export const close = (a: number, b: number) =>
  Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/**
 * Every non-empty cell of every sheet is in the ledger exactly once (read, left out with a reason, or
 * counted on an own sheet), and the amounts read plus the amounts left out equal all amounts on the sheet.
 */
export function ledgerProblems(snapshot: WorkbookSnapshot, ledger: SheetLedger[]): string[] {
  const problems: string[] = [];
  const truth = census(snapshot);
  const names = snapshot.sheets.map((s) => s.name);
  if (JSON.stringify(ledger.map((l) => l.sheet)) !== JSON.stringify(names))
    problems.push(
      `sheets ${JSON.stringify(ledger.map((l) => l.sheet))} ≠ ${JSON.stringify(names)}`
    );
  for (const l of ledger) {
    const t = truth.get(l.sheet);
    if (!t) continue;
    const counted = l.read + l.own + l.leftOut.length;
    if (counted !== t.cells)
      problems.push(`${l.sheet}: ${counted} cells in the ledger, ${t.cells} on the sheet`);
    const where = l.leftOut.map((c) => c.cell);
    if (new Set(where).size !== where.length) problems.push(`${l.sheet}: a cell left out twice`);
    for (const c of l.leftOut)
      if (typeof c.reason !== "string" || !c.reason)
        problems.push(`${l.sheet}!${c.cell}: no reason`);
    // Own sheets aside; a formula without a stored result has its amount only once computed, which this
    // census does not do.
    if (l.own === 0 && !t.uncomputed) {
      const left = l.leftOut.reduce((s, c) => s + (c.amount ?? 0), 0);
      if (!close(l.readAmount + left, t.amount))
        problems.push(
          `${l.sheet}: read ${l.readAmount} + left out ${left} ≠ ${t.amount} on the sheet`
        );
    }
  }
  return problems;
}

const AMOUNT_KEYS = SHEET_BY_KEY.financing.columns
  .filter((c) => c.kind === "amount")
  .map((c) => c.key);

/** The amounts the ledger counts as read on a sheet that holds only financing = those of the records. */
export function readAmountProblems(reading: CombinedReading, ledger: SheetLedger[], sheet: string) {
  let records = 0;
  for (const r of reading.records.financing as unknown as Record<string, unknown>[])
    for (const k of AMOUNT_KEYS) records += typeof r[k] === "number" ? (r[k] as number) : 0;
  const l = ledger.find((x) => x.sheet === sheet);
  if (!l) return [`no sheet ${sheet}`];
  if (records === 0) return [`${sheet}: no amounts in the records`];
  return close(l.readAmount, records) ? [] : [`${sheet}: read ${l.readAmount}, records ${records}`];
}

/** A file read as `totals` reads it, with its ledger. */
export async function ledgerOfFile(file: string) {
  const snapshot = await (await openXlsx(file)).read();
  const reading = readFiles([{ file, snapshot }]);
  return { snapshot, ledger: fileLedger(reading.files[0]), reading };
}
