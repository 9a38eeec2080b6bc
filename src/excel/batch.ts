/**
 * The write batch: the port queues its writes as units (each unit gets its objects from the workbook by
 * name, so it can be queued again), and the batch sends them in as few requests as the platform allows.
 * Without a payload limit (Excel on Windows and Mac) everything goes in one sync. With one (Excel on the
 * web: 5 MB per request), units are grouped by their measured size below the limit; a request refused
 * anyway (`RequestPayloadSizeLimitExceeded`) is split in halves and sent again, so an apply never stops
 * half-way for its size.
 *
 * Sizes are those of Microsoft's own client serialisation (test/excel/request-size.test.ts measures them
 * with the @microsoft/office-js client): a 2-D write costs its JSON plus the range's path; a mark (fill and
 * note) about 1.4 kB plus its text; a probe of a cell's fill and note about 1.1 kB; a hyperlink about 0.6 kB.
 * The constants below are those, rounded up.
 */

/** Bytes of one queued action with its object paths (a property set on a range's format, say). */
export const ACTION_BYTES = 400;
/** A mark: the cell's fill and its note (content or add), with their object paths, without the text. */
export const MARK_BYTES = 1_600;
/** A probe of one cell: its fill (color, pattern) and its note (content), as loads. */
export const PROBE_BYTES = 1_300;
/**
 * The answer to a probe: the fill and the note's text, about 1.5 kB with a mark's message as measured
 * through Microsoft's client at 50,000 rows (groups of 3,400 probes answered 5.11 MB); a fifth more for
 * margin.
 */
export const PROBE_RESPONSE_BYTES = 1_800;
/** A hyperlink on one cell, without its texts. */
export const LINK_BYTES = 700;
/** Stay this far below the limit: the estimates are measured, not exact. */
export const MARGIN = 0.85;

/** Bytes of a text in the request (UTF-8, JSON-escaped roughly). */
export function textBytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? (c === 0x22 || c === 0x5c || c < 0x20 ? 2 : 1) : c < 0x800 ? 2 : 3;
  }
  return n;
}

/** Bytes of a 2-D array of values in the request. */
export function gridBytes(grid: readonly (readonly unknown[])[]): number {
  let n = 2;
  for (const row of grid) {
    n += 3;
    for (const v of row) n += (typeof v === "string" ? textBytes(v) + 2 : String(v).length) + 1;
  }
  return n;
}

/**
 * Errors that mean "too much in one request or response": split and retry. Excel on the web has also
 * answered large payloads with a plain "GeneralException" (OfficeDev/office-js#1314): that counts as one
 * when the request or response is large by estimate (`bytes` at least LARGE_SHARE of the limit, capped at
 * 1 MB), so that a GeneralException of a small request is reported, not split down to nothing.
 */
export function isPayloadError(e: unknown, bytes = 0, limit = Infinity): boolean {
  const code = (e as { code?: string } | null)?.code ?? "";
  const text = e instanceof Error ? e.message : String(e);
  if (
    /PayloadSizeLimitExceeded|RequestPayloadSizeLimitExceeded|ResponsePayloadSizeLimitExceeded/.test(
      `${code} ${text}`
    )
  )
    return true;
  return /GeneralException/.test(`${code} ${text}`) && bytes >= largePayload(limit);
}

/** A payload this large may be refused with a GeneralException on Excel on the web. */
export const LARGE_SHARE = 0.2;
export function largePayload(limit: number): number {
  return Math.min(1_000_000, limit * LARGE_SHARE);
}

/** Split rows into chunks of at most `maxCells` cells. */
export function rowChunks(
  rows: number,
  columns: number,
  maxCells: number
): { start: number; count: number }[] {
  const per = Math.max(1, Math.floor(maxCells / Math.max(1, columns)));
  const out: { start: number; count: number }[] = [];
  for (let start = 0; start < rows; start += per)
    out.push({ start, count: Math.min(per, rows - start) });
  return out;
}

export interface Unit {
  bytes: number;
  queue: () => void;
  /** Smaller units that together write the same (a 2-D write in fewer rows). */
  split?: () => Unit[];
}

export class WriteBatch {
  private pending: Unit[] = [];
  private bytes = 0;
  private readonly budget: number;
  /** The largest request sent, by estimate (for the benchmark and the tests). */
  largest = 0;

  /**
   * @param sync sends what is queued
   * @param prelude queued at the start of every request (events off, calculation suspended until the sync)
   */
  constructor(
    private readonly sync: () => Promise<void>,
    private readonly limit: number,
    private readonly prelude: () => void = () => undefined
  ) {
    this.budget = limit === Infinity ? Infinity : Math.floor(limit * MARGIN);
  }

  /** The largest unit worth making: half a request (or 1 MB without a limit, to keep arrays small). */
  get unitLimit(): number {
    return Math.min(1_000_000, Math.floor(this.budget / 2));
  }

  /** Add a unit of writes; sends what is pending first when the unit would not fit. */
  async add(bytes: number, queue: () => void, split?: () => Unit[]): Promise<void> {
    if (this.pending.length > 0 && this.bytes + bytes > this.budget) await this.flush();
    this.pending.push({ bytes, queue, split });
    this.bytes += bytes;
  }

  /** Send everything pending (nothing when nothing is). */
  async flush(): Promise<void> {
    const units = this.pending;
    this.pending = [];
    this.bytes = 0;
    if (units.length) await this.send(units);
  }

  private async send(units: Unit[]): Promise<void> {
    this.prelude();
    for (const u of units) u.queue();
    try {
      await this.sync();
      this.largest = Math.max(
        this.largest,
        units.reduce((n, u) => n + u.bytes, 0)
      );
    } catch (e) {
      // A refused request ran nothing: send each half again (a single unit in smaller parts).
      const bytes = units.reduce((n, u) => n + u.bytes, 0);
      if (!isPayloadError(e, bytes, this.limit)) throw e;
      const parts =
        units.length > 1
          ? [units.slice(0, Math.ceil(units.length / 2)), units.slice(Math.ceil(units.length / 2))]
          : (units[0].split?.() ?? []).map((u) => [u]);
      if (parts.length < 2) throw e;
      for (const p of parts) await this.send(p);
    }
  }
}
