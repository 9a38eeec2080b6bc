/**
 * Office.js round trips: the context.sync() calls of each add-in operation at 10 and at 10,000 rows per
 * sheet, counted by the fake Excel (test/fakes/excel.ts). They must not grow with the rows.
 */
import { syncScenario } from "../test/fakes/scenario";

export async function run(): Promise<Record<string, unknown>> {
  const sizes = [10, 10_000] as const;
  const results = [];
  for (const n of sizes) results.push(await syncScenario(n));
  const out: Record<string, { "10": number; "10000": number }> = {};
  for (const op of Object.keys(results[0].counts))
    out[op] = { "10": results[0].counts[op], "10000": results[1].counts[op] };
  const grows = Object.entries(out)
    .filter(([, v]) => v["10"] !== v["10000"])
    .map(([k]) => k);
  process.stderr.write(
    `excel syncs per operation (10 → 10000 rows): ${Object.entries(out)
      .map(([k, v]) => `${k} ${v["10"]}→${v["10000"]}`)
      .join(", ")}\n`
  );
  process.stderr.write(
    grows.length
      ? `excel: sync counts GROW for ${grows.join(", ")}\n`
      : "excel: no operation's syncs grow with rows\n"
  );
  return out;
}
