/**
 * Data safety: every flow that writes keeps every value the user typed, and running it twice gives the
 * same workbook as running it once. Random workbooks, fixed seed (FUZZ_SEED), FUZZ_RUNS for more cases.
 */
import fc from "fast-check";
import {
  buildOverview,
  convertWorkbook,
  createTemplate,
  mergeWorkbooks,
  validateFlow,
} from "../../src/workbook/flows";
import { XlsxPort } from "../../src/xlsx/port";
import {
  cellKey,
  cellMap,
  materialise,
  roundTrip,
  valueCounts,
  workbookArb,
} from "./random-workbook";

const RUNS = Number(process.env.FUZZ_RUNS ?? 25);
const SEED = Number(process.env.FUZZ_SEED ?? 20220601);
const opts = { numRuns: RUNS, seed: SEED, endOnFailure: true };
// About a second per case (a real .xlsx written, read, converted and read again): scale the time limit.
const TIMEOUT = 60_000 + RUNS * 4_000;
jest.setTimeout(TIMEOUT);

/** The values of `before` that are missing in `after` (multiset), as readable lines. */
function lostValues(before: Map<string, number>, after: Map<string, number>): string[] {
  const lost: string[] = [];
  for (const [k, n] of before) {
    // A formula may be kept as its text (=A1*2) on the Bewaard sheet, its value in the table.
    // An error value (#N/A) may be kept as its text.
    const alt = k.startsWith("f:")
      ? `s:=${k.slice(2)}`
      : k.startsWith("e:")
        ? `s:${k.slice(2)}`
        : null;
    const found = (after.get(k) ?? 0) + (alt ? (after.get(alt) ?? 0) : 0);
    if (found < n) lost.push(`${k} ×${n - found}`);
  }
  return lost;
}

/** Cells whose value changed or vanished at their own address (sheets that the flow may not touch). */
function movedOrChanged(
  before: Map<string, Map<string, string>>,
  after: Map<string, Map<string, string>>
): string[] {
  const bad: string[] = [];
  for (const [sheet, cells] of before)
    for (const [addr, k] of cells)
      if (after.get(sheet)?.get(addr) !== k)
        bad.push(`${sheet}!${addr}: ${k} → ${after.get(sheet)?.get(addr) ?? "(leeg)"}`);
  return bad;
}

const without = (m: Map<string, Map<string, string>>) => {
  const out = new Map(m);
  out.delete("_vvmonitor");
  return out;
};

describe("no flow loses a value", () => {
  test("convert keeps every value somewhere in the output, and converting twice changes nothing", async () => {
    await fc.assert(
      fc.asyncProperty(workbookArb, async (sheets) => {
        const port = await materialise(sheets);
        const before = valueCounts(port);
        await convertWorkbook(port, { meetmoment: "2022-06-01" });
        const once = await roundTrip(port);
        expect(lostValues(before, valueCounts(once))).toEqual([]);
        const snapshotOnce = without(cellMap(once));
        await convertWorkbook(once, { meetmoment: "2022-06-01" });
        const twice = await roundTrip(once);
        expect(without(cellMap(twice))).toEqual(snapshotOnce);
      }),
      opts
    );
  });

  test("creating the template over an existing workbook keeps every value, and is idempotent", async () => {
    await fc.assert(
      fc.asyncProperty(workbookArb, async (sheets) => {
        const port = await materialise(sheets);
        const before = valueCounts(port);
        await createTemplate(port, { meetmoment: "2022-06-01" });
        const once = await roundTrip(port);
        expect(lostValues(before, valueCounts(once))).toEqual([]);
        const snapshotOnce = without(cellMap(once));
        await createTemplate(once, { meetmoment: "2022-06-01" });
        expect(without(cellMap(await roundTrip(once)))).toEqual(snapshotOnce);
      }),
      opts
    );
  });

  test("annotating (validate --annotate) and rebuilding the overview leave every user cell where it was, with its value", async () => {
    await fc.assert(
      fc.asyncProperty(workbookArb, async (sheets) => {
        const port = await materialise(sheets);
        await convertWorkbook(port, { meetmoment: "2022-06-01" });
        const converted = await roundTrip(port);
        const own = (s: string) => ["Validatie", "Overzicht", "_vvmonitor", "Lijsten"].includes(s);
        const before = cellMap(converted, own);
        await validateFlow(converted, { annotate: true, meetmoment: "2022-06-01" });
        await buildOverview(converted, {});
        const once = await roundTrip(converted);
        expect(movedOrChanged(before, cellMap(once, own))).toEqual([]);
        // Twice is once: marks and sheets are replaced, not stacked.
        const snapshotOnce = cellMap(once, (s) => s === "_vvmonitor");
        await validateFlow(once, { annotate: true, meetmoment: "2022-06-01" });
        await buildOverview(once, {});
        const twice = await roundTrip(once);
        expect(cellMap(twice, (s) => s === "_vvmonitor")).toEqual(snapshotOnce);
        const notes = (p: XlsxPort) => {
          const out: string[] = [];
          p.workbook.eachSheet((ws) =>
            ws.eachRow((row) =>
              row.eachCell(
                (c) => c.note && out.push(`${ws.name}!${c.address}:${JSON.stringify(c.note)}`)
              )
            )
          );
          return out.sort();
        };
        expect(notes(twice)).toEqual(notes(once));
      }),
      opts
    );
  });

  test("merge keeps every value of the template sheets of every input", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(workbookArb, { minLength: 1, maxLength: 3 }), async (books) => {
        const inputs = [];
        const expected = new Map<string, number>();
        for (const [i, sheets] of books.entries()) {
          const port = await materialise(sheets);
          await convertWorkbook(port, {});
          const converted = await roundTrip(port);
          const snapshot = await converted.read();
          // What merge must carry: every value on the four template sheets.
          for (const s of snapshot.sheets)
            if (["Projecten", "Mijlpalen", "Outputindicatoren", "Financiering"].includes(s.name))
              for (const t of s.tables)
                for (const row of t.rows)
                  for (const v of row) {
                    const k = cellKey(v);
                    if (k !== null && !k.startsWith("f:"))
                      expected.set(k, (expected.get(k) ?? 0) + 1);
                  }
          inputs.push({ file: `entiteit-${i}.xlsx`, snapshot });
        }
        const out = new XlsxPort();
        await mergeWorkbooks(inputs, out, {});
        expect(lostValues(expected, valueCounts(await roundTrip(out)))).toEqual([]);
      }),
      { ...opts, numRuns: Math.max(5, Math.round(RUNS / 3)) }
    );
  });
});
