/** Whatever lands in the cells, the validator reports and never throws. Fixed seed in CI; FUZZ_RUNS for more. */
import fc from "fast-check";
import { validateTables } from "../../src/core/validate";
import { SHEETS } from "../../src/core/template";
import type { TableData } from "../../src/core/table";

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const SEED = Number(process.env.FUZZ_SEED ?? 20220601);

const cell = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      null,
      "",
      " ",
      "VV001",
      "vv12",
      "2022 Q1",
      "Q3 2021",
      "Op schema",
      "Gerealiseerd",
      "05. Versterking O&O",
      "7,2 %",
      "1.650.000",
      "74,032",
      "#N/A"
    ),
  },
  fc.double(),
  fc.integer({ min: -1e9, max: 1e12 }),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: "grapheme", maxLength: 10 }),
  fc.boolean(),
  fc.date({ noInvalidDate: false }),
  fc.record({ error: fc.constantFrom("#N/A", "#REF!", "#VALUE!") }),
  fc.record({ richText: fc.array(fc.record({ text: fc.string() }), { maxLength: 3 }) }),
  fc.record({ formula: fc.string(), result: fc.anything() }),
  fc.string({ minLength: 1000, maxLength: 3000 })
);

const table: fc.Arbitrary<TableData> = fc.record({
  sheet: fc.oneof(
    fc.constantFrom(...SHEETS.map((s) => s.name), "projects", "MIJLPALEN", "Blad1"),
    fc.string()
  ),
  headerRow: fc.integer({ min: 1, max: 50 }),
  firstColumn: fc.integer({ min: 0, max: 30 }),
  headers: fc.oneof(
    fc
      .constantFrom(...SHEETS.map((s) => s.columns.map((c) => c.header)))
      .chain((h) => fc.shuffledSubarray(h, { minLength: 0 })),
    fc.array(cell, { maxLength: 12 })
  ),
  rows: fc.array(fc.array(cell, { maxLength: 20 }), { maxLength: 15 }),
});

test("validateTables never throws and every finding is well formed", () => {
  fc.assert(
    fc.property(
      fc.array(table, { maxLength: 6 }),
      fc.option(fc.constantFrom("2022-06-01", "2021-12-31")),
      fc.constantFrom("nl" as const, "en" as const),
      (tables, meetmoment, lang) => {
        const r = validateTables(tables, { meetmoment, lang });
        expect(r.errors + r.warnings).toBe(r.findings.length);
        for (const f of r.findings) {
          expect(typeof f.message).toBe("string");
          expect(f.message).not.toMatch(/undefined|\[object Object\]|NaN/);
          expect(["error", "warning"]).toContain(f.severity);
          if (f.cell !== null) expect(f.cell).toMatch(/^[A-Z]+[1-9]\d*$/);
          expect(f.value === null || ["string", "number", "boolean"].includes(typeof f.value)).toBe(
            true
          );
        }
      }
    ),
    { numRuns: RUNS, seed: SEED }
  );
});
