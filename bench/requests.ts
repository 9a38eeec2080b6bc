/**
 * Request sizes on Excel on the web: each add-in operation at 10,000 and 50,000 rows per sheet (more than
 * 20,000 and 100,000 marked cells) through Microsoft's own Office.js client (test/support/office-js-client.ts),
 * answered by the twin. Per operation: the requests sent, the largest request and the largest response in
 * bytes (the limit is 5 MB), all bytes sent and received, and the responses refused for their size and
 * loaded again in halves. `liveEditOneCell` and `livePaste1000Rows` are live validation after a user's edit.
 */
import { requestSizes } from "../test/support/request-sizes";

export async function run(): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = { limitBytes: 5 * 1024 * 1024 };
  for (const n of [10_000, 50_000]) {
    const t0 = performance.now();
    const r = await requestSizes(n);
    const ms = Math.round(performance.now() - t0);
    process.stderr.write(
      `excel requests at ${n} rows, ${r.marks} marks: ${Object.entries(r.operations)
        .map(
          ([k, o]) =>
            `${k} ${o.requests} requests, ${(o.totalBytes / 1e6).toFixed(3)} MB in all, largest response ${(o.largestResponse / 1e6).toFixed(2)} MB`
        )
        .join("; ")}\n`
    );
    out[String(n)] = { rows: r.rows, marks: r.marks, ms, operations: r.operations };
  }
  return out;
}
