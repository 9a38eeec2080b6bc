/**
 * The ledger's invariant catches a stage that forgets to account for a cell: each test makes one stage of
 * the reading (reading.ts) skip one kind of record, and the invariant (ledger-check.ts) that holds on the
 * same file without the fault then names what went missing.
 */
import { join } from "node:path";
import { fileLedger, readFiles, ReadingLedger } from "../../src/workbook/flows";
import type { WorkbookSnapshot } from "../../src/workbook/port";
import { ledgerOfFile, ledgerProblems, readAmountProblems } from "./ledger-check";

const file = (name: string) => join(__dirname, "../corpus", name);

afterEach(() => jest.restoreAllMocks());

it("stage 1 forgets the sheets it leaves out whole (a hidden superseded sheet)", async () => {
  const f = file("files-26/26-verborgen-oud-blad.xlsx");
  const ok = await ledgerOfFile(f);
  expect(ledgerProblems(ok.snapshot, ok.ledger)).toEqual([]);
  const whole = ReadingLedger.prototype.wholeSheet;
  jest.spyOn(ReadingLedger.prototype, "wholeSheet").mockImplementation(function (
    this: ReadingLedger,
    sheet,
    reason
  ) {
    if (reason === "own") whole.call(this, sheet, reason);
  });
  const bad = await ledgerOfFile(f);
  expect(ledgerProblems(bad.snapshot, bad.ledger)).toEqual([
    expect.stringMatching(/^Financiering \(oud\): 0 cells in the ledger, \d+ on the sheet$/),
    expect.stringMatching(/^Financiering \(oud\): read 0 \+ left out 0 ≠ \d/),
  ]);
});

it("stage 2 forgets the cells outside every table (a note beside an Excel table)", () => {
  // An Excel table A1:C3 and a note with a number in F9, outside it.
  const headers = ["Projectcode", "Beleidsruimte (begroot)", "Uitvoering VAK"];
  const rows = [
    ["VV021", 30000000, 12345678.9],
    ["VV024", 45000000, 20000000],
  ];
  const used: unknown[][] = [headers, ...rows];
  for (let r = 3; r < 9; r++) used.push([]);
  used[8] = [null, null, null, null, null, 123];
  const snapshot: WorkbookSnapshot = {
    stamp: null,
    sheets: [
      {
        name: "Financiering",
        index: 0,
        visible: true,
        tables: [
          { sheet: "Financiering", tableName: "T", headerRow: 1, firstColumn: 0, headers, rows },
        ],
        used: { firstRow: 1, firstColumn: 0, values: used },
      },
    ],
  };
  const ledgerOf = () => fileLedger(readFiles([{ file: "x.xlsx", snapshot }]).files[0]);
  expect(ledgerProblems(snapshot, ledgerOf())).toEqual([]);
  expect(ledgerOf()[0].leftOut.filter((c) => c.reason !== "header")).toEqual([
    { sheet: "Financiering", cell: "F9", reason: "outside-table", value: 123, amount: 123 },
  ]);
  jest.spyOn(ReadingLedger.prototype, "outside").mockImplementation(() => undefined);
  expect(ledgerProblems(snapshot, ledgerOf())).toEqual([
    "Financiering: 9 cells in the ledger, 10 on the sheet",
    "Financiering: read 107345678.9 + left out 0 ≠ 107345801.9 on the sheet",
  ]);
});

it("stage 2 forgets a region it located: its amounts are no longer the records'", async () => {
  const f = file("files-26/26-onder-tabel-lege-rij.xlsx");
  const ok = await ledgerOfFile(f);
  expect(readAmountProblems(ok.reading, ok.ledger, "Financiering")).toEqual([]);
  jest
    .spyOn(ReadingLedger.prototype, "region")
    .mockImplementation((r) => ({ ...r, leftOutRows: new Map() }));
  const bad = await ledgerOfFile(f);
  expect(readAmountProblems(bad.reading, bad.ledger, "Financiering")).toEqual([
    expect.stringMatching(/^Financiering: read 0, records \d/),
  ]);
});

it("stage 3 forgets the rows it left out (a total row): its amounts count as read", async () => {
  const f = file("files/01-totaalrij-lo.xlsx");
  const ok = await ledgerOfFile(f);
  expect(readAmountProblems(ok.reading, ok.ledger, "Financiering")).toEqual([]);
  jest.spyOn(ReadingLedger.prototype, "tableReports").mockImplementation(() => undefined);
  const bad = await ledgerOfFile(f);
  expect(readAmountProblems(bad.reading, bad.ledger, "Financiering")).toEqual([
    expect.stringMatching(/^Financiering: read \d/),
  ]);
});
