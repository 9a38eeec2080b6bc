/** The worker side of the file pool: read the files it is sent, answer each with its snapshot or its error. */
import { parentPort } from "node:worker_threads";
import { WorkbookReadError } from "../errors";
import { readWorkbookFile } from "./read";
import { packSnapshot } from "./transfer";
import type { PoolAnswer, PoolJob } from "./worker-client";

parentPort!.on("message", async (job: PoolJob) => {
  let answer: PoolAnswer;
  try {
    answer = { id: job.id, snapshot: packSnapshot(await readWorkbookFile(job.file)) };
  } catch (e) {
    answer =
      e instanceof WorkbookReadError
        ? { id: job.id, readError: { file: e.file, kind: e.kind, detail: e.detail } }
        : { id: job.id, failure: e instanceof Error ? e.message : String(e) };
  }
  parentPort!.postMessage(answer);
});
