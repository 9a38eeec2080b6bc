/** A worker thread that reads files (worker-main.ts), one job at a time, and what it is sent and answers. */
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import type { ReadErrorKind } from "../errors";
import type { PackedSnapshot } from "./transfer";

export interface PoolJob {
  id: number;
  file: string;
}
export type PoolAnswer = { id: number } & (
  | { snapshot: PackedSnapshot }
  | { readError: { file: string; kind: ReadErrorKind; detail?: string } }
  | { failure: string }
);

/** A worker thread that reads files (worker-main.ts), one job at a time. */
export class ReaderWorker {
  private readonly worker = new Worker(join(__dirname, "worker.cjs"));
  private pending: { resolve: (a: PoolAnswer) => void; reject: (e: Error) => void } | null = null;

  constructor() {
    this.worker.on("message", (a: PoolAnswer) => this.settle((p) => p.resolve(a)));
    this.worker.on("error", (e) => this.settle((p) => p.reject(e)));
    this.worker.on("exit", (code) =>
      this.settle((p) => p.reject(new Error(`worker stopped (${code})`)))
    );
  }

  private settle(fn: (p: NonNullable<ReaderWorker["pending"]>) => void) {
    const p = this.pending;
    this.pending = null;
    if (p) fn(p);
  }

  read(job: PoolJob): Promise<PoolAnswer> {
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this.worker.postMessage(job);
    });
  }

  stop(): Promise<number> {
    return this.worker.terminate();
  }
}
