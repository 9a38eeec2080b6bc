/**
 * A part deflated in pieces (deflate-pieces.ts) is one raw deflate stream of the whole part, read back by
 * zlib and by JSZip (pako, as exceljs reads) alike, with the crc32 and size of the part; pieces of
 * any size (empty ones, one byte, many) and no piece at all. The queue lets no more pieces run at once than
 * it is told.
 */
import fc from "fast-check";
import JSZip from "jszip";
import zlib from "node:zlib";
import yazl from "yazl";
import { DeflateQueue, DeflatingPart } from "../../src/xlsx/deflate-pieces";

const crc32 = (b: Uint8Array) => (zlib as unknown as { crc32: (b: Uint8Array) => number }).crc32(b);

async function deflateInPieces(pieces: Uint8Array[], level = 2) {
  const part = new DeflatingPart(new DeflateQueue(level, 3));
  for (const p of pieces) await part.write(p);
  return part.end();
}

test("random pieces: zlib inflates the whole part, crc32 and size are the part's", async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.uint8Array({ maxLength: 3000 }), { maxLength: 12 }),
      fc.integer({ min: 1, max: 9 }),
      async (pieces, level) => {
        const whole = Buffer.concat(pieces);
        const d = await deflateInPieces(pieces, level);
        expect(zlib.inflateRawSync(d.bytes)).toEqual(whole);
        expect(d.size).toBe(whole.length);
        expect(d.crc32).toBe(crc32(whole));
      }
    ),
    { numRuns: 200 }
  );
});

test("a big part of XML in half-megabyte pieces, zipped by yazl, reads back through JSZip (pako), crc checked", async () => {
  const text = Array.from(
    { length: 120_000 },
    (_, i) => `<row r="${i}"><c><v>${i * 7}</v></c></row>`
  );
  const whole = Buffer.from(text.join(""));
  const pieces: Buffer[] = [];
  for (let k = 0; k < whole.length; k += 1 << 19) pieces.push(whole.subarray(k, k + (1 << 19)));
  expect(pieces.length).toBeGreaterThan(3);
  const d = await deflateInPieces(pieces);
  const zip = new yazl.ZipFile();
  const out: Buffer[] = [];
  const done = new Promise<void>((resolve) => {
    zip.outputStream.on("data", (c: Buffer) => out.push(c));
    zip.outputStream.on("end", () => resolve());
  });
  zip.addBuffer(d.bytes, "xl/worksheets/sheet1.xml", {
    compressionLevel: 2,
    deflated: { crc32: d.crc32, size: d.size },
  } as yazl.Options);
  zip.end();
  await done;
  const back = await JSZip.loadAsync(Buffer.concat(out), { checkCRC32: true });
  expect(await back.file("xl/worksheets/sheet1.xml")!.async("nodebuffer")).toEqual(whole);
});

test("the queue runs no more pieces at once than its limit", async () => {
  const queue = new DeflateQueue(2, 2);
  const piece = Buffer.alloc(1 << 20, 7);
  const a = queue.piece(piece);
  const b = queue.piece(piece);
  let roomed = false;
  const room = queue.room().then(() => (roomed = true));
  await new Promise((r) => setImmediate(r));
  expect(roomed).toBe(false);
  await Promise.race([a, b]);
  await room;
  expect(roomed).toBe(true);
  await Promise.all([a, b]);
});
