/**
 * Several files read at once on worker threads, as many as the machine has cores (and no more than there
 * are files); the answers come back in the order of the files. One file alone is read in this thread:
 * sharing one workbook's sheets out to a worker was measured (100,000 rows) to cost 1.5 to 2.5 s more
 * processor time and 50 MB more memory than it saved, the worker's start and the copies included.
 */
import { stat } from "node:fs/promises";
import { availableParallelism } from "node:os";
import type { WorkbookSnapshot } from "../../workbook/port";
import { WorkbookReadError } from "../errors";
import { readWorkbookFile } from "./read";
import { textInterner } from "./intern";
import { unpackSnapshot } from "./transfer";
import { poolShare, ReaderWorker, takeNext, type PoolAnswer } from "./worker-client";

export type FileRead = { file: string } & (
  { snapshot: WorkbookSnapshot } | { error: WorkbookReadError }
);

export interface PoolOptions {
  /** Most threads to use; default the number of cores. */
  threads?: number;
  /** Called as each file is read, in the order they finish, with what was read. */
  onRead?: (file: string, read: FileRead) => void;
  /**
   * Files smaller than this together are read in this thread: a worker's start (its modules loaded) costs
   * about what reading a few megabytes of workbook does. Default 4 MB.
   */
  minBytes?: number;
  /**
   * Whether this thread reads files too, next to the workers (default): one worker fewer is one start
   * fewer (a worker loads its modules, about half a second of processor time) and one thread fewer on
   * the cores; what `onRead` does with each file read runs between this thread's reads.
   */
  inThisThread?: boolean;
}

/** The files' sizes together (a file that cannot be seen counts 0: reading it will say why). */
async function totalBytes(files: readonly string[]): Promise<number> {
  const sizes = await Promise.all(
    files.map((f) =>
      stat(f).then(
        (s) => s.size,
        () => 0
      )
    )
  );
  return sizes.reduce((a, b) => a + b, 0);
}

/**
 * A worker's answer as a file read: a snapshot (its used range unpacked and its table rows rebuilt from
 * it, see transfer.ts, its texts made one string each again by `intern`, see intern.ts), or the error the
 * full read gives; a bug is thrown.
 */
export function asFileRead(
  file: string,
  a: PoolAnswer,
  intern?: (text: string) => string
): FileRead {
  if ("failure" in a) throw new Error(`${file}: ${a.failure}`);
  if ("snapshot" in a) return { file, snapshot: unpackSnapshot(a.snapshot, intern) };
  return {
    file,
    error: new WorkbookReadError(a.readError.file, a.readError.kind, a.readError.detail),
  };
}

/** Threads to use: VV_MONITOR_THREADS when set (1 reads everything in this thread), else the cores. */
export function threadCount(): number {
  const n = Number(process.env.VV_MONITOR_THREADS);
  return Number.isInteger(n) && n >= 1 ? n : availableParallelism();
}

/**
 * Read every file's snapshot; unreadable files are answered with their error, in place. This thread and
 * the workers take the files one by one from a shared counter (worker-client.ts); a worker's answer is
 * taken in (and `onRead` called) between this thread's own reads.
 */
export async function readWorkbookFiles(
  files: readonly string[],
  opts: PoolOptions = {}
): Promise<FileRead[]> {
  const threads = Math.min(opts.threads ?? threadCount(), files.length);
  const workers =
    threads > 1 && (await totalBytes(files)) >= (opts.minBytes ?? 4 << 20)
      ? threads - (opts.inThisThread === false ? 0 : 1)
      : 0;
  const out: FileRead[] = new Array(files.length);
  const share = poolShare(files);
  const intern = textInterner();
  let left = files.length;
  let finish!: () => void;
  let fail!: (e: unknown) => void;
  const allRead = new Promise<void>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  // A worker may fail while this thread reads: the failure waits for the `await` below.
  allRead.catch(() => undefined);
  if (files.length === 0) finish();
  const done = (id: number, read: FileRead) => {
    out[id] = read;
    opts.onRead?.(files[id], read);
    if (--left === 0) finish();
  };
  const onAnswer = (a: PoolAnswer) => {
    try {
      done(a.id, asFileRead(files[a.id], a, intern));
    } catch (e) {
      fail(e);
    }
  };
  const readers = Array.from({ length: workers }, () => new ReaderWorker(share, onAnswer, fail));
  try {
    if (workers === 0 || opts.inThisThread !== false)
      for (let id = takeNext(share); id < files.length; id = takeNext(share))
        done(id, await readOne(files[id]));
    await allRead;
  } finally {
    // No file is taken after a failure: the workers stop at their next file.
    Atomics.store(share.next, 0, files.length);
    await Promise.all(readers.map((w) => w.stop()));
  }
  return out;
}

async function readOne(file: string): Promise<FileRead> {
  try {
    return { file, snapshot: await readWorkbookFile(file) };
  } catch (e) {
    if (e instanceof WorkbookReadError) return { file, error: e };
    throw e;
  }
}
