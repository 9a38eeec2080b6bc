/**
 * The text of a package's parts (src/xlsx/stream/zip.ts): ASCII pieces are taken without decoding, the
 * rest through a TextDecoder. Whatever the pieces, the text is the part's bytes decoded as UTF-8 whole.
 */
import JSZip from "jszip";
import { ZipParts } from "../../src/xlsx/stream/zip";

const PIECE = 1 << 16;

/** The part's text as one TextDecoder reads the whole part (what the pieces must join to). */
const whole = (b: Buffer) => new TextDecoder().decode(b);

async function piecesOf(parts: Record<string, Buffer>): Promise<Record<string, string[]>> {
  const zip = new JSZip();
  for (const [name, bytes] of Object.entries(parts)) zip.file(name, bytes);
  const z = await ZipParts.open(
    await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" })
  );
  const out: Record<string, string[]> = {};
  for (const name of Object.keys(parts)) {
    out[name] = [];
    for await (const p of z.pieces(name)) out[name].push(p);
  }
  return out;
}

it("joins to the part decoded whole: characters cut between pieces, marks, ASCII and not", async () => {
  const ascii = Buffer.from("<row/>".repeat(200_000)); // 1.2 MB: streamed in pieces
  const euro = Buffer.from("€"); // three bytes
  // A character cut across the boundary of the fourth piece, after pieces of ASCII only.
  const cut = Buffer.concat([ascii.subarray(0, 4 * PIECE - 1), euro, ascii]);
  // A mark (U+FEFF) in the middle: a character, not a mark, after ASCII pieces.
  const markInside = Buffer.concat([ascii.subarray(0, 2 * PIECE), Buffer.from("\uFEFF"), ascii]);
  const markFirst = Buffer.concat([Buffer.from("\uFEFF"), ascii]);
  const small = Buffer.from("<t>café &amp; thé</t>");
  const parts = {
    "a.xml": cut,
    "b.xml": markInside,
    "c.xml": markFirst,
    "d.xml": small,
    "e.xml": ascii,
  };
  const got = await piecesOf(parts);
  for (const [name, bytes] of Object.entries(parts)) expect(got[name].join("")).toBe(whole(bytes));
  // Large parts come in pieces (never whole), and the mark inside stays.
  expect(got["a.xml"].length).toBeGreaterThan(4);
  expect(got["b.xml"].join("")).toContain("\uFEFF");
  expect(got["c.xml"].join("").startsWith("\uFEFF")).toBe(false);
});
