/**
 * Interning a snapshot's texts (what the pool does with every snapshot a worker thread sends back) leaves
 * every value as it was: cells, headers, formula results, dates, errors, notes and the stamp. Its effect,
 * less memory, is measured by `npm run bench -- files` (merge of 50 workbooks).
 */
import { writeDemo } from "../../src/workbook/flows";
import { XlsxPort } from "../../src/xlsx/port";
import { internStrings } from "../../src/xlsx/stream/intern";
import { readSnapshot } from "../../src/xlsx/stream/read";

test("interning changes no value of the demo's snapshot, across two snapshots read together", async () => {
  const port = new XlsxPort();
  await writeDemo(port);
  const bytes = await port.toBuffer();
  const a = await readSnapshot("a.xlsx", bytes);
  const b = await readSnapshot("b.xlsx", bytes);
  const before = structuredClone(a);
  const seen = new Map<string, string>();
  internStrings(a, seen);
  internStrings(b, seen);
  expect(a).toStrictEqual(before);
  expect(b).toStrictEqual(before);
  // Every text of the two snapshots is in the map once.
  expect(seen.get("Projectcode")).toBe("Projectcode");
  expect(seen.size).toBeGreaterThan(1000);
});
