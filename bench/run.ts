/**
 * One benchmark report: runs every area's benchmark in turn (they share two cores, so never in parallel)
 * and prints, as its last line, one JSON object, also written to bench/results.json.
 * Each area module exports `run()` returning its figures (medians of several runs).
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";

const AREAS: { key: string; module: string }[] = [
  { key: "core", module: "./core" },
  { key: "functions", module: "./functions" },
  { key: "excelSyncs", module: "./excel" },
  { key: "excelRequests", module: "./requests" },
  { key: "cli", module: "./cli" },
  { key: "files", module: "./files" },
  { key: "bundle", module: "./bundle" },
];

async function main() {
  const only = process.argv.slice(2);
  const report: Record<string, unknown> = {};
  let failed = false;
  for (const area of AREAS) {
    if (only.length && !only.includes(area.key)) continue;
    const t0 = performance.now();
    try {
      const mod = (await import(area.module)) as { run: () => Promise<Record<string, unknown>> };
      report[area.key] = await mod.run();
    } catch (e) {
      failed = true;
      report[area.key] = { error: e instanceof Error ? e.message : String(e) };
      process.stderr.write(`bench ${area.key} failed: ${e instanceof Error ? e.stack : e}\n`);
    }
    process.stderr.write(`bench ${area.key}: ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
  }
  const line = JSON.stringify(report);
  writeFileSync(join(__dirname, "results.json"), JSON.stringify(report, null, 2) + "\n");
  console.log(line);
  if (failed) process.exitCode = 1;
}

main();
