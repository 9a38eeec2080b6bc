/**
 * Request sizes on Excel on the web: each add-in operation at 10,000 rows per sheet (and more than 20,000
 * marked cells) through Microsoft's own Office.js client (test/support/office-js-client.ts), answered by
 * the twin. Per operation: the requests sent, the largest request and the largest response in bytes (the
 * limit is 5 MB), and the responses refused for their size and loaded again in halves.
 */
import { requestSizes } from "../test/support/request-sizes";

export async function run(): Promise<Record<string, unknown>> {
  const t0 = performance.now();
  const r = await requestSizes(10_000);
  const ms = Math.round(performance.now() - t0);
  process.stderr.write(
    `excel requests at 10000 rows, ${r.marks} marks: ${Object.entries(r.operations)
      .map(
        ([k, o]) => `${k} ${o.requests} requests, largest ${(o.largestRequest / 1e6).toFixed(2)} MB`
      )
      .join("; ")}\n`
  );
  return {
    rows: r.rows,
    marks: r.marks,
    limitBytes: 5 * 1024 * 1024,
    ms,
    operations: r.operations,
  };
}
