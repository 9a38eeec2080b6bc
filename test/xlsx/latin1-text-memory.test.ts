/**
 * Texts of Latin-1 characters are held one byte a character, even when they come from a part with one
 * character past Latin-1 (a curly quote, a dash), which V8 would hold two bytes a character whole: read by
 * the shared strings scanner (strings.ts), and sent by a worker thread (grid-pack.ts, narrow-texts.ts).
 * Measured on the heap (and external strings) after a collection, as inline-text-memory.test.ts does; the
 * texts also come back character for character.
 */
import fc from "fast-check";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { packGrid, unpackGrid } from "../../src/xlsx/stream/grid-pack";
import { joinTexts, splitTexts } from "../../src/xlsx/stream/narrow-texts";
import { stringsScanner } from "../../src/xlsx/stream/strings";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/** The heap and the memory outside it (Node makes a Latin-1 text of over a megabyte an external string). */
const used = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
};

/** Bytes per character of the texts `make` returns, held after a collection. */
function perChar(make: () => string[]): { ratio: number; texts: string[] } {
  // Twice, before and after: a big buffer let go is counted off the external memory one collection late
  // (a test file run before this one in the same worker left some).
  gc();
  gc();
  const before = used();
  const texts = make();
  // V8 keeps the subject of the last regular expression run (RegExp.input): one that is not a slice.
  /x/.test("x");
  gc();
  gc();
  const chars = texts.reduce((n, t) => n + t.length, 0);
  return { ratio: (used() - before) / chars, texts };
}

/** 20,000 texts of 200 Latin-1 characters (é, ë), and one with a curly quote. */
const TEXTS = Array.from({ length: 20_000 }, (_, i) =>
  `Toelichting ${i}: de werken zijn gestart, één fase is beëindigd `.padEnd(200, "x")
).concat(["de ‘Vlaamse Veerkracht’"]);

function part(): string {
  return `<sst count="${TEXTS.length}">${TEXTS.map((t) => `<si><t>${t}</t></si>`).join("")}</sst>`;
}

/** The part's texts sliced from it, as one decoded string of it would give them: two bytes a character. */
function sliced(xml: string): string[] {
  const out: string[] = [];
  for (let i = xml.indexOf("<t>"); i >= 0; i = xml.indexOf("<t>", i)) {
    const end = xml.indexOf("</t>", i);
    out.push(xml.slice(i + 3, end));
    i = end;
  }
  return out;
}

test("slices of a decoded part hold the part two bytes a character (what the tests below avoid)", () => {
  expect(perChar(() => sliced(part())).ratio).toBeGreaterThan(2);
});

/** The part's texts as the shared strings scanner reads them from its bytes, in pieces of 64 KB. */
function scanned(): string[] {
  const s = stringsScanner();
  const bytes = Buffer.from(part(), "utf8");
  for (let i = 0; i < bytes.length; i += 65_536) s.write(bytes.subarray(i, i + 65_536));
  return s.end() as string[];
}

test("the shared strings scanner holds Latin-1 texts one byte a character", () => {
  const { ratio, texts } = perChar(scanned);
  expect(texts).toStrictEqual(TEXTS);
  // Measured: 1.1 to 1.3 bytes a character (a slice's header per text, the array), against 2.3 and more.
  expect(ratio).toBeLessThan(1.7);
});

test("the texts a worker read are held one byte a character where they can be on the thread that takes them", () => {
  const { ratio, texts } = perChar(() => {
    const grid = packGrid({ firstRow: 1, firstColumn: 1, values: [scanned()] });
    return unpackGrid(structuredClone(grid)).values[0] as string[];
  });
  expect(texts).toStrictEqual(TEXTS);
  expect(ratio).toBeLessThan(1.7);
});

test("any texts come back as they were, in their order", () => {
  const odd = ["", "Projectcode", "‘Vlaamse Veerkracht’ – € 1,5 mio", "\ud800 los", "é ë ï ÿ", "𝔘"];
  expect(splitTexts(structuredClone(joinTexts(odd)))).toStrictEqual(odd);
  fc.assert(
    fc.property(fc.array(fc.string({ unit: "binary" }), { maxLength: 30 }), (t) => {
      expect(splitTexts(structuredClone(joinTexts(t)))).toStrictEqual(t);
    }),
    { numRuns: 300, seed: 20220601 }
  );
});
