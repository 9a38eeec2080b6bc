/**
 * Taking in snapshots from worker threads (their used ranges packed, grid-pack.ts, each text made one string
 * across the files, intern.ts) leaves every value as it was: cells, headers, formula results, dates,
 * errors, notes and the stamp. Its effect, less time and memory, is measured by `npm run bench -- files`
 * (read 50 and merge of 50 workbooks).
 */
import { writeDemo } from "../../src/workbook/flows";
import { XlsxPort } from "../../src/xlsx/port";
import { textInterner } from "../../src/xlsx/stream/intern";
import { readSnapshot } from "../../src/xlsx/stream/read";
import { packSnapshot, unpackSnapshot } from "../../src/xlsx/stream/transfer";

test("taking in two snapshots changes no value, and every short text is kept once", async () => {
  const port = new XlsxPort();
  await writeDemo(port);
  const bytes = await port.toBuffer();
  const a = await readSnapshot("a.xlsx", bytes);
  const b = await readSnapshot("b.xlsx", bytes);
  const seen = new Map<string, string>();
  const intern = textInterner(seen);
  expect(unpackSnapshot(structuredClone(packSnapshot(a)), intern)).toStrictEqual(a);
  const size = seen.size;
  expect(unpackSnapshot(structuredClone(packSnapshot(b)), intern)).toStrictEqual(b);
  // The second file's texts were all seen with the first.
  expect(seen.size).toBe(size);
  expect(seen.get("Projectcode")).toBe("Projectcode");
  expect(seen.size).toBeGreaterThan(1000);
});

test("a long text is not looked up; a short one is the first string seen of it", () => {
  const seen = new Map<string, string>();
  const intern = textInterner(seen);
  const long = "x".repeat(65);
  expect(intern(long)).toBe(long);
  expect(seen.has(long)).toBe(false);
  expect(intern("Lopend")).toBe("Lopend");
  expect(seen.get("Lopend")).toBe("Lopend");
});
