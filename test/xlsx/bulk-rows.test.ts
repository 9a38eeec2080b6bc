/**
 * The rows of a bulk table (bulk-rows.ts) are the XML exceljs writes for the same cells: every kind of
 * value, styled and unstyled empty cells, non-ASCII text in formulas, numbers written as JavaScript writes
 * them, and rows across the chunks' edges. The rows are written byte by byte; random rows of every kind
 * of value spell, byte for byte, what the same cells give as strings (`cellXml`).
 */
import fc from "fast-check";
import { cellXml, rowChunks, type ColumnStyles } from "../../src/xlsx/bulk-rows";
import { columnLetter } from "../../src/core/cells";
import type { WriteValue } from "../../src/workbook/port";

const xml = (chunks: Buffer[]) => Buffer.concat(chunks).toString("utf8");

test("each kind of cell, as exceljs writes it", () => {
  const styles: ColumnStyles = { plain: [0, 3, 0, 4], date: [5, 6, 5, 7] };
  const rows: WriteValue[][] = [
    ["VV001", 1.5, null, null],
    [-3, 1e21, -0, 2 ** 31],
    [true, new Date(Date.UTC(2022, 5, 1)), { formula: 'A1&"€"', result: "€ 5" }, { formula: "A1" }],
    [NaN, { formula: "B1*2", result: 3 }, false, "x"],
  ];
  const ids = new Int32Array(16).fill(-1);
  ids[0] = 7;
  ids[15] = 2_000_000;
  expect(xml([...rowChunks(rows, 4, 9, styles, ids, 1)])).toBe(
    '<row r="9"><c r="B9" t="s"><v>7</v></c><c r="C9" s="3"><v>1.5</v></c><c r="E9" s="4"/></row>' +
      '<row r="10"><c r="B10"><v>-3</v></c><c r="C10" s="3"><v>1e+21</v></c><c r="D10"><v>0</v></c>' +
      '<c r="E10" s="4"><v>2147483648</v></c></row>' +
      '<row r="11"><c r="B11" t="b"><v>1</v></c><c r="C11" s="6"><v>44713</v></c>' +
      '<c r="D11" t="str"><f>A1&amp;&quot;€&quot;</f><v>€ 5</v></c><c r="E11" s="4"><f>A1</f></c></row>' +
      '<row r="12"><c r="B12"><v>NaN</v></c><c r="C12" s="3"><f>B1*2</f><v>3</v></c>' +
      '<c r="D12" t="b"><v>0</v></c><c r="E12" s="4" t="s"><v>2000000</v></c></row>'
  );
});

test("rows over several buffers come out whole and in order", () => {
  const n = 60_000;
  const rows: WriteValue[][] = Array.from({ length: n }, (_, i) => [i, "t", i / 7]);
  const ids = new Int32Array(n * 3).fill(-1);
  for (let i = 0; i < n; i++) ids[i * 3 + 1] = i;
  const chunks = [...rowChunks(rows, 3, 2, { plain: [0, 0, 1], date: [0, 0, 0] }, ids)];
  expect(chunks.length).toBeGreaterThan(1);
  const text = xml(chunks);
  let expected = "";
  for (let i = 0; i < n; i++)
    expected +=
      `<row r="${i + 2}"><c r="A${i + 2}"><v>${i}</v></c>` +
      `<c r="B${i + 2}" t="s"><v>${i}</v></c><c r="C${i + 2}" s="1"><v>${i / 7}</v></c></row>`;
  expect(text).toBe(expected);
});

/** Any value a plan writes: texts (as their numbers), numbers of every sort, booleans, dates, formulas. */
const anyValue: fc.Arbitrary<WriteValue> = fc.oneof(
  fc.constant(null),
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -0, 1e15, -1e15, 1e15 - 1, 2 ** 53, 1e21, 0.1 + 0.2, NaN, Infinity, -Infinity),
  fc.boolean(),
  fc.date({
    min: new Date(Date.UTC(1900, 2, 1)),
    max: new Date(Date.UTC(2200, 0, 1)),
    noInvalidDate: true,
  }),
  fc.record(
    {
      formula: fc.string({ minLength: 1 }),
      result: fc.oneof(fc.string(), fc.double(), fc.boolean()),
    },
    { requiredKeys: ["formula"] }
  )
);

test("random rows of every kind of value: the bytes spell each cell as cellXml does", () => {
  fc.assert(
    fc.property(
      fc.array(fc.array(anyValue, { maxLength: 6 }), { maxLength: 30 }),
      fc.array(fc.nat(70000), { minLength: 6, maxLength: 6 }),
      fc.nat(20000),
      fc.nat(30),
      (rows, styleIds, firstRow, firstColumn) => {
        const width = 6;
        const styles: ColumnStyles = { plain: styleIds, date: styleIds.map((s) => s + 1) };
        const ids = new Int32Array(rows.length * width).fill(-1);
        rows.forEach((row, i) =>
          row.forEach((v, j) => {
            if (typeof v === "string") ids[i * width + j] = (i * 7919 + j * 104729) % 3_000_000;
          })
        );
        let expected = "";
        rows.forEach((row, i) => {
          const r = firstRow + 1 + i;
          expected += `<row r="${r}">`;
          for (let j = 0; j < width; j++) {
            const id = styles.plain[j];
            const column = {
              letter: columnLetter(firstColumn + j),
              s: id ? ` s="${id}"` : "",
              date: ` s="${styles.date[j]}"`,
            };
            expected += cellXml(column, r, row[j] ?? null, ids[i * width + j]);
          }
          expected += "</row>";
        });
        const got = xml([...rowChunks(rows, width, firstRow + 1, styles, ids, firstColumn)]);
        expect(got).toBe(expected);
      }
    ),
    { numRuns: 300 }
  );
});
