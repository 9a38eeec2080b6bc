/**
 * Start-up of the command: `vv-monitor --help` as a user starts it, wall-clock medians in milliseconds.
 * - `node bin/vv-monitor.cjs --help` in the checkout (the compiled cache of bin/compiled.cjs, built first);
 * - the installed command (scripts/build-cli.cjs: packed, `npm install --global --prefix <temp>`), run from
 *   a folder outside the repository, as docs/cli.md's "Install for daily use" describes.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { median } from "./median";
import { envNumber } from "./env";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { installTo } = require("../scripts/build-cli.cjs") as {
  installTo: (prefix: string, work: string) => string;
};

function wall(cmd: string, args: string[], cwd: string, env?: NodeJS.ProcessEnv): number {
  const t = performance.now();
  const r = spawnSync(cmd, args, { cwd, env, stdio: "ignore" });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")}: exit ${r.status}`);
  return performance.now() - t;
}

export function run(opts: { runs?: number } = {}): Record<string, number> {
  const runs = opts.runs ?? envNumber("BENCH_RUNS", 5);
  const root = join(__dirname, "..");
  const work = mkdtempSync(join(tmpdir(), "vv-bench-start-"));
  try {
    const bin = join(root, "bin", "vv-monitor.cjs");
    wall(process.execPath, [bin, "--help"], root); // builds the compiled cache when it is stale
    const checkout = Array.from({ length: runs }, () =>
      wall(process.execPath, [bin, "--help"], root)
    );
    const command = installTo(join(work, "prefix"), work);
    const folder = join(work, "controller");
    mkdirSync(folder);
    const env = {
      HOME: folder,
      PATH: [dirname(command), dirname(process.execPath), "/usr/bin", "/bin"].join(":"),
    };
    const installed = Array.from({ length: runs }, () =>
      wall("vv-monitor", ["--help"], folder, env)
    );
    const result = {
      helpCheckoutMs: Math.round(median(checkout)),
      helpInstalledMs: Math.round(median(installed)),
      helpRuns: runs,
    };
    process.stderr.write(
      `cli: --help ${result.helpCheckoutMs} ms with node bin/vv-monitor.cjs, ${result.helpInstalledMs} ms installed (vv-monitor from another folder); medians of ${runs} runs\n`
    );
    return result;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (require.main === module) console.log(JSON.stringify(run()));
