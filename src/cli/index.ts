/** Entry point of `vv-monitor` (bin/vv-monitor.cjs loads this through tsx, no build step). */
import { main } from "./main";

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`vv-monitor: ${(e as Error)?.message ?? String(e)}\n`);
    process.exitCode = 2;
  }
);
