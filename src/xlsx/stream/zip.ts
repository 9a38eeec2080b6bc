/**
 * The parts of a package, inflated by Node's zlib as they are read (yauzl): a worksheet part reaches the
 * parser in pieces, never whole. Part names as exceljs uses them (a leading "/" dropped).
 */
import yauzl, { type Entry, type ZipFile } from "yauzl";

export class ZipParts {
  private constructor(
    private readonly zip: ZipFile,
    private readonly entries: Map<string, Entry>
  ) {}

  static open(bytes: Uint8Array): Promise<ZipParts> {
    const buffer = Buffer.isBuffer(bytes)
      ? bytes
      : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return new Promise((resolve, reject) => {
      yauzl.fromBuffer(buffer, { lazyEntries: true, decodeStrings: true }, (err, zip) => {
        if (err || !zip) return reject(err ?? new Error("zip"));
        const entries = new Map<string, Entry>();
        zip.on("entry", (e: Entry) => {
          if (!e.fileName.endsWith("/")) entries.set(e.fileName.replace(/^\//, ""), e);
          zip.readEntry();
        });
        zip.on("end", () => resolve(new ZipParts(zip, entries)));
        zip.on("error", reject);
        zip.readEntry();
      });
    });
  }

  names(): string[] {
    return [...this.entries.keys()];
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** Feed a part's inflated bytes to `onChunk` as they come. */
  stream(name: string, onChunk: (chunk: Buffer) => void): Promise<void> {
    const entry = this.entries.get(name);
    if (!entry) return Promise.reject(new Error(`no part ${name}`));
    return new Promise((resolve, reject) => {
      this.zip.openReadStream(entry, (err, stream) => {
        if (err || !stream) return reject(err ?? new Error(name));
        stream.on("data", (chunk: Buffer) => {
          try {
            onChunk(chunk);
          } catch (e) {
            stream.destroy();
            reject(e);
          }
        });
        stream.on("end", resolve);
        stream.on("error", reject);
      });
    });
  }

  /** A small part's text (UTF-8), or undefined when the package has no such part. */
  async text(name: string): Promise<string | undefined> {
    if (!this.entries.has(name)) return undefined;
    const chunks: Buffer[] = [];
    await this.stream(name, (c) => chunks.push(c));
    return new TextDecoder().decode(Buffer.concat(chunks));
  }
}
