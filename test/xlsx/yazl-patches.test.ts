/**
 * The patches to yazl (patches/yazl+3.3.1+*.patch) that the bulk save relies on: Node's own crc32 (for a
 * part given whole and for one streamed), deflating a big part in pieces of half its size, and a part
 * given already deflated (the bulk save deflates its big parts in pieces itself, deflate-pieces.ts). Lost
 * with an upgrade of yazl or a failed patch, the first three would leave the merge right but slower, and
 * no other test would say so; without the last, the zip would hold the deflated bytes as the part.
 */
import JSZip from "jszip";
import { Readable } from "node:stream";
import zlib from "node:zlib";
import yazl from "yazl";

afterEach(() => jest.restoreAllMocks());

/** Add one part to a new zip and wait for yazl to have deflated it. */
function addPart(bytes: Buffer): Promise<void> {
  const zip = new yazl.ZipFile();
  const done = new Promise<void>((resolve) => {
    zip.outputStream.on("data", () => {});
    zip.outputStream.on("end", () => resolve());
  });
  zip.addBuffer(bytes, "part.xml", { compressionLevel: 2 });
  zip.end();
  return done;
}

it("deflates a big part in pieces of half its size: the thread pool need not wait for this thread", async () => {
  // Each piece of zlib's output is a trip back to this thread. With zlib's 16 KB the shared strings of a
  // big merge waited for the rows being made (0.3 s more at the end of the merge of 50 workbooks).
  const deflate = jest.spyOn(zlib, "deflateRaw");
  const big = Buffer.from("<row><c><v>1</v></c></row>".repeat(40_000));
  await addPart(big);
  expect(deflate).toHaveBeenCalledTimes(1);
  const opts = deflate.mock.calls[0][1] as zlib.ZlibOptions;
  expect(opts.chunkSize).toBeGreaterThanOrEqual(big.length / 2);
  expect(opts.level).toBe(2);
  // A small part keeps zlib's smallest reasonable piece, not one of a few bytes.
  deflate.mockClear();
  await addPart(Buffer.from("<a/>"));
  expect((deflate.mock.calls[0][1] as zlib.ZlibOptions).chunkSize).toBe(16 * 1024);
});

it("computes the parts' crc32 with Node's own", async () => {
  if (!("crc32" in zlib)) return; // Node before 20.15: yazl's own, as unpatched
  const crc = jest.spyOn(zlib as unknown as { crc32: (b: Buffer) => number }, "crc32");
  await addPart(Buffer.from("<a/>"));
  expect(crc).toHaveBeenCalledTimes(1);
});

it("computes a streamed part's crc32 with Node's own, across its chunks", async () => {
  if (!("crc32" in zlib)) return; // Node before 20.15: yazl's own, as unpatched
  const crc = jest.spyOn(zlib as unknown as { crc32: (b: Buffer, v?: number) => number }, "crc32");
  const chunks = ["<row>", "<c><v>1</v></c>", "</row>"].map((t) => Buffer.from(t.repeat(500)));
  const zip = new yazl.ZipFile();
  const out: Buffer[] = [];
  const done = new Promise<void>((resolve) => {
    zip.outputStream.on("data", (d: Buffer) => out.push(d));
    zip.outputStream.on("end", () => resolve());
  });
  zip.addReadStream(Readable.from(chunks), "part.xml", { compressionLevel: 2 });
  zip.end();
  await done;
  expect(crc).toHaveBeenCalledTimes(chunks.length);
  // The central directory's crc (offset 16 of its entry) is that of the whole part.
  const file = Buffer.concat(out);
  const central = file.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
  crc.mockRestore();
  const whole = (zlib as unknown as { crc32: (b: Buffer) => number }).crc32(Buffer.concat(chunks));
  expect(file.readUInt32LE(central + 16)).toBe(whole);
});

it("writes a part given already deflated as it is, with the part's own crc32 and size", async () => {
  const part = Buffer.from("<row><c><v>1</v></c></row>".repeat(10_000));
  const crc32 = (zlib as unknown as { crc32: (b: Buffer) => number }).crc32(part);
  const zip = new yazl.ZipFile();
  const out: Buffer[] = [];
  const done = new Promise<void>((resolve) => {
    zip.outputStream.on("data", (d: Buffer) => out.push(d));
    zip.outputStream.on("end", () => resolve());
  });
  const deflated = zlib.deflateRawSync(part, { level: 2 });
  zip.addBuffer(deflated, "part.xml", {
    compressionLevel: 2,
    deflated: { crc32, size: part.length },
  } as yazl.Options);
  zip.end();
  await done;
  // JSZip checks the crc32 and inflates: the part itself comes back.
  const back = await JSZip.loadAsync(Buffer.concat(out), { checkCRC32: true });
  expect(await back.file("part.xml")!.async("nodebuffer")).toEqual(part);
  // Already deflated needs the entry to say deflated.
  expect(() =>
    new yazl.ZipFile().addBuffer(deflated, "x.xml", {
      compressionLevel: 0,
      deflated: { crc32, size: part.length },
    } as yazl.Options)
  ).toThrow(/needs compression/);
});
