/**
 * How a table's rows are read (src/core/region.ts): the same row reads the same whether an amount is typed
 * as a number or as text. Found by the data-safety property (seed 20220601): a last row holding a contact
 * name and "344.000 EUR" was data before conversion and a footnote after it (the text had become the
 * number 344000), so converting twice moved it to Bewaard.
 */
import { validateTables } from "../../src/core/validate";
import type { TableData } from "../../src/core/table";

const HEADERS = ["Projectcode", "Beleidsruimte (begroot)", "Uitvoering VAK", "Contact"];

function read(last: unknown[]) {
  const table: TableData = {
    sheet: "Financiering",
    headerRow: 1,
    firstColumn: 0,
    headers: HEADERS,
    rows: [["VV001", 1000, 500, "an"], ["VV002", 2000, 700, "bo"], last],
  };
  const r = validateTables([table], { meetmoment: "2022-06-01" });
  return { leftOut: r.reading.tables[0].leftOut, financing: r.records.financing };
}

it.each([
  ["a number", 344000],
  ["an amount typed as text", "344.000 EUR"],
])("a row of one text and %s under the table is a footnote", (_label, amount) => {
  const r = read([null, amount, null, "Marie Peeters"]);
  expect(r.leftOut).toEqual([{ row: 4, reason: "footnote", text: "Marie Peeters" }]);
  expect(r.financing.map((f) => f.begroot)).toEqual([1000, 2000]);
});

it("a row of two texts and an amount is a data row without a code, either way", () => {
  for (const amount of [344000, "344.000 EUR"]) {
    const r = read([null, amount, "n.b.", "Marie Peeters"]);
    expect(r.leftOut).toEqual([]);
    expect(r.financing).toHaveLength(3);
  }
});
