/**
 * Benchmark of the .xlsx flows (the `vv-monitor` command's work, in-process): build the June 2022 demo
 * workbook and write it, validate it (open + read + validate), merge 50 copies of it (open each, merge,
 * write). Figures are medians in milliseconds.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { mergeWorkbooks, validateFlow, writeDemo } from "../src/workbook/flows";
import { loadXlsx, openXlsx } from "../src/xlsx/open";
import { XlsxPort } from "../src/xlsx/port";
import { BulkXlsxPort } from "../src/xlsx/bulk-port";
import { median } from "./median";
import { run as startUp } from "./cli-start";
import { envNumber } from "./env";

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

export async function run(
  opts: { runs?: number; mergeRuns?: number; copies?: number } = {}
): Promise<Record<string, unknown>> {
  const runs = opts.runs ?? envNumber("BENCH_RUNS", 5);
  const mergeRuns = opts.mergeRuns ?? envNumber("BENCH_MERGE_RUNS", 3);
  const copies = opts.copies ?? 50;
  const dir = mkdtempSync(join(tmpdir(), "vv-bench-"));
  try {
    const demoFile = join(dir, "demo.xlsx");
    const demo: number[] = [];
    for (let i = 0; i < runs; i++)
      demo.push(
        await time(async () => {
          const port = new XlsxPort();
          await writeDemo(port);
          await port.save(demoFile);
        })
      );
    const validate: number[] = [];
    let findings = 0;
    for (let i = 0; i < runs; i++)
      validate.push(
        await time(async () => {
          const r = await validateFlow(await openXlsx(demoFile));
          findings = r.findings.length;
        })
      );
    const bytes = readFileSync(demoFile);
    const merge: number[] = [];
    let rows = 0;
    for (let i = 0; i < mergeRuns; i++)
      merge.push(
        await time(async () => {
          const inputs = [];
          for (let k = 0; k < copies; k++)
            inputs.push({
              file: `entiteit-${k + 1}.xlsx`,
              snapshot: await (await loadXlsx(`entiteit-${k + 1}.xlsx`, bytes)).read(),
            });
          // Written as `vv-monitor merge` writes it: the tables' rows in bulk.
          const out = new BulkXlsxPort();
          const report = await mergeWorkbooks(inputs, out);
          rows =
            report.rows.projects +
            report.rows.milestones +
            report.rows.indicators +
            report.rows.financing;
          await out.save(join(dir, "merged.xlsx"));
        })
      );
    const result = {
      demoMs: Math.round(median(demo)),
      validateDemoMs: Math.round(median(validate)),
      merge50Ms: Math.round(median(merge)),
      runs,
      mergeRuns,
      copies,
      demoFindings: findings,
      mergedRows: rows,
      // `vv-monitor --help` in the checkout and installed for daily use (bench/cli-start.ts).
      ...startUp({ runs }),
    };
    process.stderr.write(
      `cli: demo workbook ${result.demoMs} ms, validate it ${result.validateDemoMs} ms (${findings} findings), merge ${copies} copies ${result.merge50Ms} ms (${rows} rows); medians of ${runs}/${runs}/${mergeRuns} runs\n`
    );
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) run().then((r) => console.log(JSON.stringify(r)));
