// Runs the vv-monitor command line in this process and, when it exits, writes the process's peak
// resident memory (KB, from the kernel's rusage) to the file named by VV_BENCH_RSS. The file benchmark
// (bench/files.ts) starts it as a child: the command as a user runs it, memory measured from the outside
// of the JavaScript heap.
"use strict";
const { writeFileSync } = require("node:fs");
process.on("exit", () => {
  if (process.env.VV_BENCH_RSS)
    writeFileSync(process.env.VV_BENCH_RSS, String(process.resourceUsage().maxRSS));
});
require("../bin/vv-monitor.cjs");
