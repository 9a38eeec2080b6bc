/**
 * Loads in as few syncs as the platform allows. Each load queues its part (and returns how to collect the
 * result after the sync); loads are grouped below the request budget (Excel on the web: 5 MB per request),
 * and a group refused for the size of its request or its response is halved and loaded again, down to a
 * single load, which is split further when it can be (fewer rows, fewer notes). Without a payload limit
 * everything goes in one sync. There is always at least one sync, so that an operation's sync count does not
 * depend on what the workbook holds (a sync with nothing queued sends no request in Office.js).
 */
import { isPayloadError, MARGIN } from "./batch";

/** The share of the payload limit a group of loads may expect in its response. */
export const RESPONSE_MARGIN = 0.75;

export interface Load {
  /** Bytes of the queued request, as Microsoft's client serialises it (estimate). */
  requestBytes: number;
  /** Bytes of the expected response (estimate; a wrong one costs a split, never a failure). */
  responseBytes?: number;
  /** Queue the load; the returned function reads its result after a successful sync. */
  queue: () => () => void;
  /** Smaller loads that together do the same, for a response too large. */
  split?: () => Load[];
}

export async function loadAll(
  sync: () => Promise<void>,
  loads: readonly Load[],
  limit: number
): Promise<void> {
  const budget = limit === Infinity ? Infinity : limit * MARGIN;
  // Responses aim lower: their size is an estimate, and Excel on the web has refused answers near 5 MB
  // with a GeneralException (office-js#1314); 0.75 of 5 MB keeps them below 4 MB.
  const responseBudget = limit === Infinity ? Infinity : limit * RESPONSE_MARGIN;
  let group: Load[] = [];
  let bytes = 0;
  let response = 0;
  for (const l of loads) {
    const r = l.responseBytes ?? 0;
    if (group.length && (bytes + l.requestBytes > budget || response + r > responseBudget)) {
      await loadGroup(sync, group, limit);
      group = [];
      bytes = 0;
      response = 0;
    }
    group.push(l);
    bytes += l.requestBytes;
    response += r;
  }
  if (group.length) await loadGroup(sync, group, limit);
  else if (loads.length === 0) await sync();
}

async function loadGroup(sync: () => Promise<void>, group: Load[], limit: number): Promise<void> {
  const collect = group.map((l) => l.queue());
  try {
    await sync();
  } catch (e) {
    const bytes = group.reduce((n, l) => n + l.requestBytes + (l.responseBytes ?? 0), 0);
    if (!isPayloadError(e, bytes, limit)) throw e;
    if (group.length > 1) {
      const half = Math.ceil(group.length / 2);
      await loadGroup(sync, group.slice(0, half), limit);
      await loadGroup(sync, group.slice(half), limit);
      return;
    }
    const parts = group[0].split?.() ?? [];
    if (parts.length < 2) throw e;
    for (const p of parts) await loadGroup(sync, [p], limit);
    return;
  }
  for (const c of collect) c();
}
