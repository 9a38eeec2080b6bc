/**
 * A worker thread that reads files (worker-main.ts). It takes the next file to read from a counter shared
 * with every reader of the pool (Atomics.add on a SharedArrayBuffer), so it never waits for the thread
 * that started it to hand out work: that thread is busy reading files of its own, and a worker that waited
 * for it stood idle a fifth of the time (measured on the merge of 50 workbooks).
 */
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import type { ReadErrorKind } from "../errors";
import type { PackedSnapshot } from "./transfer";

/** What a worker is started with: all the files, and the counter of the next one to take. */
export interface PoolShare {
  files: readonly string[];
  /** An Int32Array of one element over a SharedArrayBuffer: the index of the next file to read. */
  next: Int32Array;
}

export type PoolAnswer = { id: number } & (
  | { snapshot: PackedSnapshot }
  | { readError: { file: string; kind: ReadErrorKind; detail?: string } }
  | { failure: string }
);

/** The index of the next file to read, taken (by this thread or a worker); past the end when none is left. */
export const takeNext = (share: PoolShare): number => Atomics.add(share.next, 0, 1);

/** A new share of `files`, none of them taken yet. */
export const poolShare = (files: readonly string[]): PoolShare => ({
  files,
  next: new Int32Array(new SharedArrayBuffer(4)),
});

/** A worker thread reading from `share` until no file is left, each answer handed to `onAnswer`. */
export class ReaderWorker {
  private readonly worker: Worker;

  constructor(share: PoolShare, onAnswer: (a: PoolAnswer) => void, onError: (e: Error) => void) {
    this.worker = new Worker(join(__dirname, "worker.cjs"), { workerData: share });
    this.worker.on("message", onAnswer);
    this.worker.on("error", onError);
    this.worker.on("exit", (code) => {
      if (code !== 0) onError(new Error(`worker stopped (${code})`));
    });
  }

  stop(): Promise<number> {
    this.worker.removeAllListeners("exit");
    return this.worker.terminate();
  }
}
