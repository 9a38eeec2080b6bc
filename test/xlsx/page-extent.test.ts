/**
 * The page layout's extent of a sheet plan with a very tall block: merge's Bewaard holds 240,002 kept
 * values for the 50 bench workbooks; spreading its rows into Math.max overflowed the call stack.
 */
import { planExtent } from "../../src/workbook/page-layout";

test("a block of 300,000 rows has its extent, widest row included", () => {
  const values = Array.from({ length: 300_000 }, (_, i) =>
    i === 123_456 ? [1, 2, 3, 4, 5] : [1, 2]
  );
  expect(
    planExtent({ name: "Bewaard", mode: "ensure", blocks: [{ row: 2, column: 1, values }] })
  ).toEqual({
    rows: 300_001,
    columns: 6,
  });
});
