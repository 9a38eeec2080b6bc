/**
 * The reading ledger's invariant (issue 26): on every fixture workbook and on the random generator's
 * workbooks, every non-empty cell of every sheet is in the ledger exactly once (read, or left out with a
 * reason, or counted on an own sheet), and the amounts read plus the amounts left out equal all the
 * amounts on the sheet (ledger-check.ts). ledger.fault.test.ts shows that it fails when a stage of the
 * reading forgets to account for a cell.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { fileLedger, readFiles } from "../../src/workbook/flows";
import { loadXlsx } from "../../src/xlsx/open";
import { materialise, randomWorkbook, workbookArb, type RandomSheet } from "./random-workbook";
import { ledgerOfFile, ledgerProblems, readAmountProblems } from "./ledger-check";

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
      expect(ledgerProblems(snapshot, ledger)).toEqual([]);
    });
  }
);

it.each([
  // Rows under a table; formulas computed over other sheets; a total row; hidden twins and a hidden
  // column read; a two-row header.
  "files-26/26-onder-tabel-lege-rij.xlsx",
  "files-26/26-formule-bladnamen.xlsx",
  "files/01-totaalrij-lo.xlsx",
  "files-26/26-verborgen-kolom.xlsx",
  "files-26/26-verborgen-kolom-rechts.xlsx",
  "files-26/26-verborgen-kolom-alleen.xlsx",
  "files-26/26-kop-twee-rijen.xlsx",
])("the amounts the ledger counts as read on Financiering are the records': %s", async (name) => {
  const { ledger, reading } = await ledgerOfFile(join(__dirname, "../corpus", name));
  expect(readAmountProblems(reading, ledger, "Financiering")).toEqual([]);
});

it("the ledger covers every cell once on random workbooks", async () => {
  await fc.assert(
    fc.asyncProperty(workbookArb, async (sheets) => {
      const port = await materialise(sheets);
      const snapshot = await port.read();
      const reading = readFiles([{ file: "random.xlsx", snapshot }]);
      expect(ledgerProblems(snapshot, fileLedger(reading.files[0]))).toEqual([]);
    }),
    { numRuns: Number(process.env.FUZZ_RUNS ?? 40), seed: 26 }
  );
}, 120_000);

/**
 * Random workbooks with views a person leaves behind: some columns hidden, a header copied into a column
 * of its own (a twin of a template column, hidden or not), a header label merged down over the row
 * below it.
 */
const viewsArb = fc.record({
  sheets: workbookArb,
  hidden: fc.array(fc.integer({ min: 1, max: 16 }), { maxLength: 3 }),
  twin: fc.option(fc.integer({ min: 0, max: 12 })),
  mergeDown: fc.boolean(),
});

async function withViews(v: {
  sheets: RandomSheet[];
  hidden: number[];
  twin: number | null;
  mergeDown: boolean;
}) {
  const sheets = v.sheets.map((s) => {
    if (v.twin === null || v.twin >= s.headers.length) return s;
    // The twin goes last: the same header again, its values those of the column plus one where numeric.
    const i = v.twin;
    return {
      ...s,
      headers: [...s.headers, s.headers[i]],
      rows: s.rows.map((r) => [
        ...r,
        ...Array.from({ length: Math.max(0, s.headers.length - r.length) }, () => null),
        typeof r[i] === "number" ? (r[i] as number) + 1 : (r[i] ?? null),
      ]),
    };
  });
  const wb = randomWorkbook(sheets);
  wb.worksheets.forEach((ws, k) => {
    for (const c of v.hidden) ws.getColumn(c).hidden = true;
    if (v.mergeDown && sheets[k].offset > 0) {
      // A two-row header: the first label merged down over the row above the header.
      const top = sheets[k].offset;
      ws.getCell(top, 1).value = ws.getCell(top + 1, 1).value;
      ws.getCell(top + 1, 1).value = null;
      ws.mergeCells(top, 1, top + 1, 1);
    }
  });
  return loadXlsx("views.xlsx", Buffer.from(await wb.xlsx.writeBuffer()));
}

it("the ledger covers every cell once on random workbooks with hidden columns, twins and merges", async () => {
  await fc.assert(
    fc.asyncProperty(viewsArb, async (v) => {
      const snapshot = await (await withViews(v)).read();
      const reading = readFiles([{ file: "views.xlsx", snapshot }]);
      expect(ledgerProblems(snapshot, fileLedger(reading.files[0]))).toEqual([]);
    }),
    { numRuns: Number(process.env.FUZZ_RUNS ?? 40), seed: 2626 }
  );
}, 120_000);
