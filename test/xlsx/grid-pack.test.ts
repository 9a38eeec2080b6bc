/**
 * A used range packed to cross threads (grid-pack.ts) comes back cell for cell: texts (repeated, empty, with
 * characters outside the basic plane and lone surrogates), numbers (-0, NaN, infinities), booleans, null,
 * undefined, dates (an invalid one too), formulas, errors, holes and rows of different lengths.
 */
import fc from "fast-check";
import { packGrid, unpackGrid } from "../../src/xlsx/stream/grid-pack";

const used = (values: unknown[][]) => ({ firstRow: 3, firstColumn: 2, values });

test("every kind of value comes back as it was", () => {
  const holey = new Array<unknown>(3);
  holey[1] = "midden";
  const values = [
    ["Projectcode", "", "€ 1,5 mio 𝔘", "\ud800 los", "Projectcode"],
    [0, -0, NaN, Infinity, -Infinity, 1.5e300],
    [true, false, null, undefined],
    [new Date(Date.UTC(2022, 5, 1))],
    [{ formula: "SUM(A1:A2)", result: 3 }, { error: "#REF!" }, { formula: "A1" }],
    holey,
    [],
  ];
  const back = unpackGrid(structuredClone(packGrid(used(values))));
  expect(back).toStrictEqual(used(values));
  expect(1 in back.values[5]).toBe(true);
  expect(0 in back.values[5]).toBe(false);
  expect(Object.is(back.values[1][1], -0)).toBe(true);
  // An invalid date (jest finds no two equal) is an invalid date again.
  const invalid = unpackGrid(packGrid(used([[new Date(NaN)]]))).values[0][0];
  expect(invalid instanceof Date && Number.isNaN(invalid.getTime())).toBe(true);
});

test("a text repeated in the range crosses once", () => {
  const text = "Uitvoering VAK";
  const g = packGrid(used(Array.from({ length: 100 }, () => [text, text, 1])));
  expect(g.texts.narrow).toBe(text);
  expect(g.texts.wide).toBe("");
  expect(g.numbers.length).toBe(100);
});

test("random ranges come back cell for cell", () => {
  const cell = fc.oneof(
    fc.string({ unit: "binary" }),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.date({ noInvalidDate: true }),
    fc.record(
      { formula: fc.string(), result: fc.oneof(fc.double(), fc.string()) },
      { noNullPrototype: true }
    )
  );
  fc.assert(
    fc.property(fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 20 }), (values) => {
      expect(unpackGrid(structuredClone(packGrid(used(values))))).toStrictEqual(used(values));
    }),
    { numRuns: 200, seed: 20220601 }
  );
});
