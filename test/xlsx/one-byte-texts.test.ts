/**
 * Texts of Latin-1 characters are held one byte a character, even when they come from a part with one
 * character past Latin-1 (a curly quote, a dash), which V8 holds two bytes a character whole, and a slice
 * of it likewise: read by the shared strings scanner (strings.ts), and sent by a worker thread (grid-pack.ts,
 * narrow-texts.ts). A string's form is what V8's serializer writes for it (`v8.serialize`: the tag `"` for
 * one byte a character, `c` for two); measuring the heap instead was at the mercy of what the test files
 * before it in the same worker left to collect. The texts also come back character for character.
 */
import fc from "fast-check";
import { serialize } from "node:v8";
import { packGrid, unpackGrid } from "../../src/xlsx/stream/grid-pack";
import { joinTexts, splitTexts } from "../../src/xlsx/stream/narrow-texts";
import { stringsScanner } from "../../src/xlsx/stream/strings";

/** Whether V8 holds the string one byte a character. */
function oneByte(s: string): boolean {
  const bytes = serialize(s);
  // The header (0xFF and the version), then padding bytes (0) that align a two-byte string, then the tag.
  let i = 2;
  while (bytes[i] === 0) i++;
  if (bytes[i] !== 0x22 && bytes[i] !== 0x63) throw new Error(`not a string's tag: ${bytes[i]}`);
  return bytes[i] === 0x22;
}

/** 2,000 texts of 200 Latin-1 characters (ASCII, and é, ë), and one with a curly quote. */
const TEXTS = Array.from({ length: 2_000 }, (_, i) =>
  (i % 2
    ? `Toelichting ${i}: één fase is beëindigd `
    : `Toelichting ${i}: de werken lopen `
  ).padEnd(200, "x")
).concat(["de ‘Vlaamse Veerkracht’"]);
const WIDE = TEXTS.length - 1;

function part(): string {
  return `<sst count="${TEXTS.length}">${TEXTS.map((t) => `<si><t>${t}</t></si>`).join("")}</sst>`;
}

/** The part's texts sliced from it, as one decoded string of it would give them. */
function sliced(xml: string): string[] {
  const out: string[] = [];
  for (let i = xml.indexOf("<t>"); i >= 0; i = xml.indexOf("<t>", i)) {
    const end = xml.indexOf("</t>", i);
    out.push(xml.slice(i + 3, end));
    i = end;
  }
  return out;
}

/** The part's texts as the shared strings scanner reads them from its bytes, in pieces of `size`. */
function scanned(size: number): string[] {
  const s = stringsScanner();
  const bytes = Buffer.from(part(), "utf8");
  for (let i = 0; i < bytes.length; i += size) s.write(bytes.subarray(i, i + size));
  return s.end() as string[];
}

/** The texts held two bytes a character, by index. */
const twoByte = (texts: string[]) => texts.flatMap((t, i) => (oneByte(t) ? [] : [i]));

test("slices of a decoded part are two bytes a character, all of them (what the scanner avoids)", () => {
  expect(oneByte("Toelichting")).toBe(true);
  expect(oneByte("de ‘Vlaamse Veerkracht’")).toBe(false);
  expect(twoByte(sliced(part())).length).toBe(TEXTS.length);
});

test("the shared strings scanner holds every Latin-1 text one byte a character", () => {
  for (const size of [65_536, 1 << 20, 4_099]) {
    const texts = scanned(size);
    expect(texts).toStrictEqual(TEXTS);
    expect(twoByte(texts)).toStrictEqual([WIDE]);
  }
});

test("the texts a worker read are one byte a character where they can be, on the thread that takes them", () => {
  const texts = unpackGrid(
    structuredClone(packGrid({ firstRow: 1, firstColumn: 1, values: [scanned(65_536)] }))
  ).values[0] as string[];
  expect(texts).toStrictEqual(TEXTS);
  expect(twoByte(texts)).toStrictEqual([WIDE]);
  // Latin-1 texts held two bytes a character (sliced from a decoded part) are sent one byte a character too.
  const fromSlices = unpackGrid(
    structuredClone(packGrid({ firstRow: 1, firstColumn: 1, values: [sliced(part())] }))
  ).values[0] as string[];
  expect(fromSlices).toStrictEqual(TEXTS);
  expect(twoByte(fromSlices)).toStrictEqual([WIDE]);
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
