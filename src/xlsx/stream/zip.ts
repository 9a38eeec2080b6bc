/**
 * The parts of a package (its zip directory read by yauzl), each handed out as text in pieces (or bytes). A small
 * part is inflated in one call (zlib's synchronous inflate: an asynchronous stream costs a trip to the
 * thread pool per 16 KB, which was a sixth of the time to read a 300 KB workbook); a large one (a sheet
 * of 100,000 rows, a table of shared strings) is inflated as a stream in pieces of 64 KB, so that it never
 * sits in memory whole. Part names as exceljs uses them (a leading "/" dropped).
 */
import { isAscii } from "node:buffer";
import { createInflateRaw, inflateRawSync } from "node:zlib";
import yauzl, { type Entry, type ZipFile } from "yauzl";
import { plannedName, type PackagePlan, type StoredParts } from "../package";

/** Parts up to this size (inflated) are inflated in one call. */
const WHOLE = 1 << 20;
/** The size of the pieces of a large part, inflated. */
const PIECE = 1 << 16;

export class ZipParts {
  private readonly entries = new Map<string, Entry>();
  /** Parts written anew by the package's plan (relationships, content types), as UTF-8. */
  private readonly written = new Map<string, Buffer>();

  private constructor(
    private readonly zip: ZipFile,
    private readonly bytes: Buffer,
    /** The zip's entries in its order, as stored. */
    private readonly stored: readonly Entry[],
    plan?: PackagePlan | null
  ) {
    for (const [name, text] of plan?.written ?? [])
      this.written.set(name, Buffer.from(text, "utf8"));
    const taken = new Set(this.written.keys());
    for (const e of stored) {
      const name = e.fileName.endsWith("/")
        ? null
        : plan
          ? plannedName(plan, e.fileName, taken)
          : e.fileName;
      if (name !== null) this.entries.set(name.replace(/^\//, ""), e);
    }
  }

  /**
   * The parts of a package; with a plan (package.ts), as the package `normalisePackage` makes would hold
   * them: renamed, and the rewritten parts in place of theirs, without building that package.
   */
  static open(bytes: Uint8Array, plan?: PackagePlan | null): Promise<ZipParts> {
    const buffer = Buffer.isBuffer(bytes)
      ? bytes
      : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return new Promise((resolve, reject) => {
      yauzl.fromBuffer(buffer, { lazyEntries: true, decodeStrings: true }, (err, zip) => {
        if (err || !zip) return reject(err ?? new Error("zip"));
        const stored: Entry[] = [];
        zip.on("entry", (e: Entry) => {
          stored.push(e);
          zip.readEntry();
        });
        zip.on("end", () => resolve(new ZipParts(zip, buffer, stored, plan)));
        zip.on("error", reject);
        zip.readEntry();
      });
    });
  }

  /** The same zip's parts through a plan (this one is read as stored): its directory not read again. */
  withPlan(plan: PackagePlan | null): ZipParts {
    return new ZipParts(this.zip, this.bytes, this.stored, plan);
  }

  /**
   * The parts by their stored names, as JSZip names them (a folder is no part), for the package's plan
   * (package.ts `partsPlan`): the zip is then opened once, not by JSZip as well.
   */
  storedParts(): StoredParts {
    const byName = new Map<string, Entry>();
    for (const e of this.stored) if (!e.fileName.endsWith("/")) byName.set(e.fileName, e);
    return {
      has: (name) => byName.has(name),
      text: (name) => {
        const entry = byName.get(name);
        if (!entry) return Promise.reject(new Error(`no part ${name}`));
        return joined(this.decoded(this.entryChunks(name, entry)));
      },
    };
  }

  names(): string[] {
    return [...this.written.keys(), ...this.entries.keys()];
  }

  has(name: string): boolean {
    return this.written.has(name) || this.entries.has(name);
  }

  /** A part's bytes as stored (deflated or not); what yauzl refuses to open is refused here too. */
  private storedBytes(entry: Entry): Promise<Buffer> {
    if (entry.isEncrypted()) return Promise.reject(new Error(`${entry.fileName}: encrypted`));
    if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8)
      return Promise.reject(new Error(`${entry.fileName}: compression ${entry.compressionMethod}`));
    return new Promise((resolve, reject) =>
      this.zip.readLocalFileHeader(entry, { minimal: true }, (err, header) => {
        if (err || !header) return reject(err ?? new Error(entry.fileName));
        const start = header.fileDataStart;
        resolve(this.bytes.subarray(start, start + entry.compressedSize));
      })
    );
  }

  /** A part's inflated bytes in pieces, in order; throws where the part's size is not the one listed. */
  private async *chunks(name: string): AsyncGenerator<Buffer, void, undefined> {
    const text = this.written.get(name);
    if (text) {
      yield text;
      return;
    }
    const entry = this.entries.get(name);
    if (!entry) throw new Error(`no part ${name}`);
    yield* this.entryChunks(name, entry);
  }

  private async *entryChunks(name: string, entry: Entry): AsyncGenerator<Buffer, void, undefined> {
    const stored = await this.storedBytes(entry);
    const expect = (n: number) => {
      if (n !== entry.uncompressedSize)
        throw new Error(`${name}: ${n} bytes, not ${entry.uncompressedSize}`);
    };
    if (entry.compressionMethod === 0 || entry.uncompressedSize <= WHOLE) {
      const data = entry.compressionMethod === 0 ? stored : inflateRawSync(stored);
      expect(data.length);
      yield data;
      return;
    }
    const inflate = createInflateRaw({ chunkSize: PIECE });
    inflate.end(stored);
    let n = 0;
    for await (const chunk of inflate as AsyncIterable<Buffer>) {
      n += chunk.length;
      yield chunk;
    }
    expect(n);
  }

  /**
   * A part's text (UTF-8) in pieces, in order; throws where the part's size is not the one listed. Pieces
   * of ASCII only (most of a workbook's XML) are taken as they are, without decoding: that was a seventh of
   * reading a workbook. From the first piece that is not, a TextDecoder decodes the rest (it keeps a
   * character cut between two pieces), taking a byte order mark as a mark only at the start of the part.
   */
  pieces(name: string): AsyncGenerator<string, void, undefined> {
    return this.decoded(this.chunks(name));
  }

  private async *decoded(chunks: AsyncIterable<Buffer>): AsyncGenerator<string, void, undefined> {
    let decoder: TextDecoder | null = null;
    let started = false;
    for await (const chunk of chunks) {
      if (!decoder && isAscii(chunk)) {
        if (chunk.length) yield chunk.toString("latin1");
        started ||= chunk.length > 0;
        continue;
      }
      decoder ??= new TextDecoder("utf-8", { ignoreBOM: started });
      const text = decoder.decode(chunk, { stream: true });
      if (text) yield text;
    }
    const rest = decoder?.decode();
    if (rest) yield rest;
  }

  /** Feed a part's inflated bytes to `onChunk` as they come (a part that is not text, as it is). */
  async stream(name: string, onChunk: (chunk: Buffer) => void): Promise<void> {
    for await (const chunk of this.chunks(name)) onChunk(chunk);
  }

  /** A part's whole text, or undefined when the package has no such part. */
  async text(name: string): Promise<string | undefined> {
    return this.has(name) ? joined(this.pieces(name)) : undefined;
  }
}

async function joined(pieces: AsyncIterable<string>): Promise<string> {
  let text = "";
  for await (const piece of pieces) text += piece;
  return text;
}
