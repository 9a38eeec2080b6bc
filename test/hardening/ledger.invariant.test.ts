/**
 * The reading ledger's invariant (issue 26): on every fixture workbook and on the random generator's
 * workbooks, every non-empty cell of every sheet is in the ledger exactly once (read, or left out with a
 * reason, or counted on an own sheet), and the amounts read plus the amounts left out equal all the
 * amounts on the sheet. The cells are counted here from the snapshot, independently of the ledger; and
 * the amounts the ledger says were read are those of the records the reading produced.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { isBlank, isUncomputedFormula } from "../../src/core/cells";
import { SHEET_BY_KEY } from "../../src/core/template";
import { amountOf, fileLedger, readFiles, type SheetLedger } from "../../src/workbook/flows";
import type { WorkbookSnapshot } from "../../src/workbook/port";
import { openXlsx } from "../../src/xlsx/open";
import { materialise, workbookArb } from "./random-workbook";

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
const close = (a: number, b: number) =>
  Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

function checkLedger(snapshot: WorkbookSnapshot, ledger: SheetLedger[]): void {
  const truth = census(snapshot);
  expect(ledger.map((l) => l.sheet)).toEqual(snapshot.sheets.map((s) => s.name));
  for (const l of ledger) {
    const t = truth.get(l.sheet)!;
    // Exactly once: the counts add up and no left-out cell is listed twice.
    expect({ sheet: l.sheet, cells: l.read + l.own + l.leftOut.length }).toEqual({
      sheet: l.sheet,
      cells: t.cells,
    });
    const where = l.leftOut.map((c) => c.cell);
    expect(new Set(where).size).toBe(where.length);
    for (const c of l.leftOut) expect(c.reason).toEqual(expect.any(String));
    // Amounts read + amounts left out = all amounts on the sheet (own sheets aside; a formula without a
    // stored result has its amount only once computed, which this census does not do).
    if (l.own === 0 && !t.uncomputed) {
      const left = l.leftOut.reduce((s, c) => s + (c.amount ?? 0), 0);
      expect({ sheet: l.sheet, ok: close(l.readAmount + left, t.amount) }).toEqual({
        sheet: l.sheet,
        ok: true,
      });
    }
  }
}

async function ledgerOfFile(file: string) {
  const snapshot = await (await openXlsx(file)).read();
  const reading = readFiles([{ file, snapshot }]);
  return { snapshot, ledger: fileLedger(reading.files[0]), reading };
}

const dirs = [
  "../corpus/files",
  "../corpus/files-26",
  "../fixtures/writers",
  "../fixtures/kerncijfers",
];
const fixtures = dirs.flatMap((d) =>
  readdirSync(join(__dirname, d))
    .filter((f) => f.endsWith(".xlsx"))
    .map((f) => join(__dirname, d, f))
);

describe.each(fixtures.map((f) => [f.replace(/^.*test\//, ""), f]))(
  "the ledger covers every cell once: %s",
  (_name, file) => {
    it("every non-empty cell once; amounts read + left out = all amounts", async () => {
      const { snapshot, ledger } = await ledgerOfFile(file);
      checkLedger(snapshot, ledger);
    });
  }
);

it("the amounts the ledger counts as read on Financiering are the amounts of the records read", async () => {
  // Rows under a table; a summary table left out; formulas computed over other sheets.
  const amountKeys = SHEET_BY_KEY.financing.columns
    .filter((c) => c.kind === "amount")
    .map((c) => c.key);
  for (const name of [
    "files-26/26-onder-tabel-lege-rij.xlsx",
    "files-26/26-formule-bladnamen.xlsx",
    "files/01-totaalrij-lo.xlsx",
  ]) {
    const { ledger, reading } = await ledgerOfFile(join(__dirname, "../corpus", name));
    let records = 0;
    for (const r of reading.records.financing as unknown as Record<string, unknown>[])
      for (const k of amountKeys) records += typeof r[k] === "number" ? (r[k] as number) : 0;
    const fin = ledger.find((l) => l.sheet === "Financiering")!;
    expect({ name, ok: close(fin.readAmount, records) }).toEqual({ name, ok: true });
    expect(records).toBeGreaterThan(0);
  }
});

it("the ledger covers every cell once on random workbooks", async () => {
  await fc.assert(
    fc.asyncProperty(workbookArb, async (sheets) => {
      const port = await materialise(sheets);
      const snapshot = await port.read();
      const reading = readFiles([{ file: "random.xlsx", snapshot }]);
      checkLedger(snapshot, fileLedger(reading.files[0]));
    }),
    { numRuns: Number(process.env.FUZZ_RUNS ?? 40), seed: 26 }
  );
}, 120_000);
