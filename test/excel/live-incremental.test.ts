/**
 * Incremental live validation (src/excel/live-run.ts) against the full run: after random edits and pastes,
 * the marks, notes, state records and findings a live run leaves are those a full validate-and-mark leaves
 * (a property test), and one edited cell costs at most three requests whatever the workbook's size.
 */
import fc from "fast-check";
import { ExcelWorkbookPort, type ExcelRun } from "../../src/excel/port";
import { ExcelWorkbench } from "../../src/taskpane/workbench";
import { cellA1, rectA1 } from "../../src/workbook/address";
import { convertWorkbook } from "../../src/workbook/flows";
import { parseState, STATE_SHEET } from "../../src/workbook/state";
import { SHEETS } from "../../src/core/template";
import { FakeRequestContext, type FakeExcel } from "../fakes/excel";
import { plainWorkbook } from "../fakes/workbooks";

const M = "2022-06-01";

async function setup(n: number) {
  const x = plainWorkbook(n);
  const port = new ExcelWorkbookPort({ run: x.run as unknown as ExcelRun, notes: true });
  await convertWorkbook(port, { meetmoment: M });
  const bench = new ExcelWorkbench({ port, run: x.run as unknown as ExcelRun });
  await bench.validate({ lang: "nl", meetmoment: M, annotate: true });
  return { x, port, bench };
}

/** What validation leaves that a user can see: fills and notes of the data sheets, mark records. */
function observed(x: FakeExcel) {
  const cells: string[] = [];
  for (const s of SHEETS) {
    const sheet = x.sheet(s.name);
    for (const [k, c] of sheet.cells) if (c.fill) cells.push(`${s.name}!${k}:fill=${c.fill}`);
    for (const [k, note] of sheet.notes) cells.push(`${s.name}!${k}:note=${note.content}`);
  }
  const state = parseState(x.read(STATE_SHEET, "A1:B20000"));
  const marks = state.marks.map((m) => JSON.stringify(m));
  return { cells: cells.sort(), marks: marks.sort() };
}

/** Type into data row `row` (0-based) of a template table as a user would, and the change Excel reports. */
function edit(x: FakeExcel, sheet: string, row: number, column: number, values: unknown[][]) {
  const s = SHEETS.find((d) => d.name === sheet)!;
  const t = x.table(s.tableName);
  const at = { row: t.rect.row + 1 + row, column: t.rect.column + column };
  x.type(sheet, cellA1(at.row, at.column), values);
  return {
    table: s.tableName,
    address: rectA1({ ...at, rows: values.length, columns: values[0].length }),
    changeType: "RangeEdited",
  };
}

const JUNK = [
  "",
  "VV999",
  "VV001",
  "VV002",
  "abc",
  "2022 Q9",
  "2023 Q1",
  -5,
  0,
  1650000,
  "Op schema",
];

describe("incremental live validation", () => {
  it("equals a full run after random edits and pastes (property)", async () => {
    const N = 12;
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            sheet: fc.constantFrom(...SHEETS.map((s) => s.name)),
            row: fc.nat(N - 1),
            column: fc.nat(6),
            rows: fc.integer({ min: 1, max: 3 }),
            value: fc.constantFrom(...JUNK),
          }),
          { minLength: 1, maxLength: 4 }
        ),
        async (edits) => {
          const { x, bench } = await setup(N);
          for (const e of edits) {
            const rows = Math.min(e.rows, N - e.row);
            const change = edit(
              x,
              e.sheet,
              e.row,
              e.column,
              Array.from({ length: rows }, () => [e.value])
            );
            const r = await bench.validate({
              lang: "nl",
              meetmoment: M,
              annotate: true,
              quiet: true,
              changes: [change],
            });
            expect(r.mode).toBe("incremental");
          }
          const live = observed(x);
          const liveFindings = (
            await bench.validate({ lang: "nl", meetmoment: M, annotate: false })
          ).findings.map((f) => JSON.stringify(f));
          const full = await bench.validate({ lang: "nl", meetmoment: M, annotate: true });
          expect(full.mode).toBe("full");
          expect(live).toEqual(observed(x));
          expect(liveFindings.sort()).toEqual(full.findings.map((f) => JSON.stringify(f)).sort());
        }
      ),
      { numRuns: 25 }
    );
  }, 120_000);

  it("after one edited cell reads that row, writes its marks, and sends at most 3 requests", async () => {
    const { x, bench } = await setup(400);
    const before = x.syncs;
    const change = edit(x, "Mijlpalen", 200, 2, [["2022 Q9"]]);
    const r = await bench.validate({
      lang: "nl",
      meetmoment: M,
      annotate: true,
      quiet: true,
      changes: [change],
    });
    expect(r.mode).toBe("incremental");
    expect(x.syncs - before).toBeLessThanOrEqual(3);
    const cell = cellA1(x.table("tblMijlpalen").rect.row + 201, 2);
    expect(x.cell("Mijlpalen", cell)?.fill).toBeTruthy();
    expect(x.sheet("Mijlpalen").notes.get(cell)?.content).toMatch(/vv-monitor/);
    expect(x.eventsEnabled).toBe(true);
  });

  it("puts every write of a live run in one request: one undo step (Ctrl+Z) for the marks", async () => {
    const { x, bench } = await setup(200);
    const requests: string[][] = [];
    const sync = FakeRequestContext.prototype.sync;
    let from = x.calls.length;
    const spy = jest.spyOn(FakeRequestContext.prototype, "sync").mockImplementation(async function (
      this: FakeRequestContext
    ) {
      requests.push(x.calls.slice(from));
      await sync.call(this);
      from = x.calls.length;
    });
    try {
      from = x.calls.length;
      const change = edit(
        x,
        "Mijlpalen",
        50,
        2,
        Array.from({ length: 40 }, (_, i) => [i % 2 ? "2022 Q9" : "2021 Q1"])
      );
      await bench.validate({
        lang: "nl",
        meetmoment: M,
        annotate: true,
        quiet: true,
        changes: [change],
      });
    } finally {
      spy.mockRestore();
    }
    const writes = requests.filter((calls) =>
      calls.some((c) => /=$|\.add$|\.delete$|\.clear$/.test(c) && !c.startsWith("Runtime."))
    );
    expect(writes).toHaveLength(1);
  });

  it("falls back to a full run when rows were inserted", async () => {
    const { x, bench } = await setup(20);
    const change = { ...edit(x, "Mijlpalen", 3, 2, [["2022 Q9"]]), changeType: "RowInserted" };
    const r = await bench.validate({
      lang: "nl",
      meetmoment: M,
      annotate: true,
      quiet: true,
      changes: [change],
    });
    expect(r.mode).toBe("full");
  });
});
