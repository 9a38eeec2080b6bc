/**
 * The worker side of the file pool: take the next file from the shared counter, read it, answer with its
 * snapshot or its error, until no file is left (see worker-client.ts).
 */
import { parentPort, workerData } from "node:worker_threads";
import { WorkbookReadError } from "../errors";
import { readWorkbookFile } from "./read";
import { packSnapshot, snapshotBuffers } from "./transfer";
import { takeNext, type PoolAnswer, type PoolShare } from "./worker-client";

async function answer(id: number, file: string): Promise<PoolAnswer> {
  try {
    return { id, snapshot: packSnapshot(await readWorkbookFile(file)) };
  } catch (e) {
    return e instanceof WorkbookReadError
      ? { id, readError: { file: e.file, kind: e.kind, detail: e.detail } }
      : { id, failure: e instanceof Error ? e.message : String(e) };
  }
}

void (async () => {
  const share = workerData as PoolShare;
  for (let id = takeNext(share); id < share.files.length; id = takeNext(share)) {
    const a = await answer(id, share.files[id]);
    // The packed used ranges' buffers are moved, not copied.
    parentPort!.postMessage(a, "snapshot" in a ? snapshotBuffers(a.snapshot) : []);
  }
})();
