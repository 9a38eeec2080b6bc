/**
 * The custom functions never throw, whatever Excel hands them: random tables (with and without the
 * Financiering headers, shuffled columns, garbage rows, errors, blanks) and random filter arguments. Each
 * call returns a finite number or a CustomFunctions.Error with a message. Fixed seed; FUZZ_RUNS for more.
 */
import fc from "fast-check";
import { SHEET_BY_KEY } from "../../src/core/template";
import { cellArb } from "./random-workbook";
import { MockError, withCustomFunctions } from "../support/custom-functions-runtime";

const runtime = withCustomFunctions();
const fn = () => runtime.fns();

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const SEED = Number(process.env.FUZZ_SEED ?? 20220601);

// Excel passes blanks as "" or 0 and errors as error objects; our random cells cover that and more.
// Excel hands a custom function values only: dates as serial numbers, formulas as their results.
const asArgument = (c: unknown) =>
  c instanceof Date
    ? c.getTime() / 86400000 + 25569
    : c !== null && typeof c === "object" && "result" in c
      ? (c as { result: unknown }).result
      : c;
const arg = fc.oneof(
  cellArb.map(asArgument),
  fc.constant(""),
  fc.constant(undefined),
  fc.constantFrom(
    "cluster",
    "speerpunt",
    "envelop",
    "codes",
    "relance",
    "VV001:VV158",
    "05. Versterking O&O",
    "ja",
    "nee"
  )
);
const headerRow = fc.oneof(
  fc.shuffledSubarray(
    SHEET_BY_KEY.financing.columns.map((c) => c.header as unknown),
    { minLength: 1 }
  ),
  fc.array(arg, { maxLength: 6 })
);
const table = fc
  .tuple(headerRow, fc.array(fc.array(arg, { maxLength: 16 }), { maxLength: 10 }))
  .map(([h, rows]) => [h, ...rows] as unknown[][]);
const projects = fc
  .tuple(
    fc.shuffledSubarray(
      SHEET_BY_KEY.projects.columns.map((c) => c.header as unknown),
      { minLength: 1 }
    ),
    fc.array(fc.array(arg, { maxLength: 20 }), { maxLength: 6 })
  )
  .map(([h, rows]) => [h, ...rows] as unknown[][]);

function wellFormed(v: unknown) {
  if (typeof v === "number") expect(Number.isFinite(v)).toBe(true);
  else {
    expect(v).toBeInstanceOf(MockError);
    expect(["#VALUE!", "#N/A", "#DIV/0!", "#NUM!"]).toContain((v as MockError).code);
    expect((v as MockError).message ?? "").not.toMatch(/undefined|\[object Object\]/);
  }
}

test("REALISATIONRATE never throws", () => {
  fc.assert(
    fc.property(arg, arg, arg, arg, (a, b, c, d) => wellFormed(fn().REALISATIONRATE(a, b, c, d))),
    { numRuns: RUNS * 5, seed: SEED }
  );
});

test("the totals and rates over tables never throw", () => {
  fc.assert(
    fc.property(
      table,
      arg,
      arg,
      fc.option(projects, { nil: undefined }),
      arg,
      (t, by, value, p, extra) => {
        wellFormed(fn().BUDGET(t, by, value, p, extra));
        wellFormed(fn().COMMITMENTS(t, by, value, p));
        wellFormed(fn().PAYMENTS(t, by, value, p));
        wellFormed(fn().COMMITMENTRATE(t, by, value, p));
        wellFormed(fn().PAYMENTRATE(t, by, value, p, extra));
      }
    ),
    { numRuns: RUNS, seed: SEED }
  );
});
