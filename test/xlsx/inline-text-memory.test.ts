/**
 * A sheet of inline strings (openpyxl's and pandas' way of writing texts) read by the row scanner keeps its
 * texts, not its XML: a text sliced from the XML kept the whole piece it came from alive (V8 slices share
 * their parent), so the cells of a 100,000-row sheet held most of its 65 MB of XML, and a text repeated on
 * every row (a status, a cluster, a title) was held once per cell. Measured on the heap after a collection.
 */
import { collectGarbage as gc } from "../../src/cli/free-memory";
import { sheetScanner } from "../../src/xlsx/stream/rows";
import type { CellContext } from "../../src/xlsx/stream/sheet";

const ctx: CellContext = {
  sharedString: (i) => `s${i}`,
  isDateStyle: () => false,
  date1904: false,
};

const ROWS = 25_000;
/** Ten texts of 200 characters, well over V8's 13 (shorter slices are copied by V8 itself). */
const TEXTS = Array.from({ length: 10 }, (_, i) =>
  `Lopend project nr ${i} van de Vlaamse overheid `.padEnd(200, "x")
);
/** A unique text per row too: it cannot be shared, only copied out of its piece. */
const unique = (r: number) => `Toelichting bij rij ${r} van het werkblad`;

function sheetXml(): string {
  const rows: string[] = [];
  for (let r = 1; r <= ROWS; r++) {
    const t = TEXTS[r % TEXTS.length];
    rows.push(
      `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>${t}</t></is></c>` +
        `<c r="B${r}" t="inlineStr"><is><t>${t}</t></is></c>` +
        `<c r="C${r}" t="inlineStr"><is><t>${unique(r)}</t></is></c></row>`
    );
  }
  return `<worksheet><sheetData>${rows.join("")}</sheetData></worksheet>`;
}

/** The sheet's XML made and scanned in pieces of 64 KB, as the package is inflated; the XML let go. */
function scanned() {
  const xml = sheetXml();
  const scanner = sheetScanner(ctx);
  for (let i = 0; i < xml.length; i += 65_536) scanner.write(xml.slice(i, i + 65_536));
  return { cells: scanner.end(), xmlChars: xml.length };
}

test("the cells of an inline-string sheet keep their texts, not the XML they were read from", () => {
  gc();
  const before = process.memoryUsage().heapUsed;
  const { cells, xmlChars } = scanned();
  gc();
  const retained = process.memoryUsage().heapUsed - before;
  expect(cells.value(ROWS, 1)).toBe(TEXTS[ROWS % TEXTS.length]);
  expect(cells.value(ROWS, 3)).toBe(unique(ROWS));
  // The XML is 15 MB of one-byte characters. The grid of 75,000 cells with its 25,000 unique texts took
  // 8.5 MB when measured; the slices kept 22.6 MB (the XML and the grid), and copies of every text without
  // sharing the repeated ones would add 10 MB (50,000 texts of 200 characters).
  expect(xmlChars).toBeGreaterThan(15_000_000);
  expect(retained).toBeLessThan(xmlChars * 0.75);
});
