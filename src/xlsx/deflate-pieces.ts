/**
 * A big part of the package deflated in pieces, each piece a job of its own on Node's thread pool, while
 * this thread makes the next piece (as pigz does). Each piece is deflated alone and ends on a byte boundary
 * without closing the stream (Z_SYNC_FLUSH); a last empty piece closes it (Z_FINISH). Their bytes one after
 * the other are one raw deflate stream, which any inflater reads as the whole part (Excel, LibreOffice,
 * zlib, pako in exceljs; test/xlsx/deflate-pieces.test.ts).
 *
 * Why: a part given to the zip whole is one job for one thread, and a part streamed to it is deflated only
 * when the zip reaches it, after every part before it. In the merge of 50 workbooks the last 0.3 to 0.4 s
 * were Bewaard's 39 MB of XML deflated that way, with this thread waiting. In pieces, the deflating keeps
 * pace with the making, on the other core. At most `inFlight` pieces wait or are deflated at once (each is
 * half a megabyte of XML held until it is deflated): what a part holds in memory does not grow with it.
 */
import { promisify } from "node:util";
import zlib from "node:zlib";

const deflateRaw = promisify(zlib.deflateRaw);

/** A part deflated: the raw deflate stream, and the crc32 and size of the part itself. */
export interface DeflatedPart {
  bytes: Buffer;
  crc32: number;
  size: number;
}

/** The pieces being deflated, for every part of one package: at most `limit` at a time. */
export class DeflateQueue {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly level: number,
    private readonly limit = 8
  ) {}

  /** Waits until one more piece may be deflated. */
  async room(): Promise<void> {
    while (this.running >= this.limit) await new Promise<void>((r) => this.waiting.push(r));
  }

  /** Deflate one piece of a part, not ending the stream. */
  piece(bytes: Uint8Array): Promise<Buffer> {
    this.running++;
    const done = deflateRaw(bytes, { level: this.level, finishFlush: zlib.constants.Z_SYNC_FLUSH });
    const next = () => {
      this.running--;
      this.waiting.shift()?.();
    };
    done.then(next, next);
    return done;
  }
}

/** One part, written piece by piece. */
export class DeflatingPart {
  private readonly pieces: Promise<Buffer>[] = [];
  private crc = 0;
  private size = 0;

  constructor(private readonly queue: DeflateQueue) {}

  /**
   * The next bytes of the part; resolves once they are on their way: when the queue has room, unless they
   * are `held` anyway (a view of a buffer kept whole until the end, which waiting would not free).
   */
  async write(bytes: Uint8Array, held = false): Promise<void> {
    if (!bytes.length) return;
    if (!held) await this.queue.room();
    this.crc = zlib.crc32(bytes, this.crc);
    this.size += bytes.length;
    const piece = this.queue.piece(bytes);
    // A failed piece fails `end`; until then it is not an unhandled rejection.
    piece.catch(() => undefined);
    this.pieces.push(piece);
  }

  /** Every piece deflated, and the stream closed: the part as the zip takes it. */
  async end(): Promise<DeflatedPart> {
    const close = deflateRaw(Buffer.alloc(0), { level: this.queue.level });
    const bytes = Buffer.concat(await Promise.all([...this.pieces, close]));
    return { bytes, crc32: this.crc >>> 0, size: this.size };
  }
}
