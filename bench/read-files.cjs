// Reads the workbooks named on the command line as merge, validate and kerncijfers read their inputs
// (readWorkbookFiles: the streaming read, this thread and worker threads), and nothing else: prints the
// wall time of the read, the processor time of the whole process (all threads) and the file count, as
// JSON. The file benchmark (bench/files.ts) runs it as a child, timed and measured from the outside too.
// It loads the pool compiled as the command runs (bin/compiled.cjs), else through tsx.
"use strict";
const { dirname, join } = require("node:path");
const compiled = require("../bin/compiled.cjs")();
const { readWorkbookFiles } = compiled
  ? require(join(dirname(compiled), "pool.cjs"))
  : (require("tsx/cjs"), require("../src/xlsx/stream/pool.ts"));

const files = process.argv.slice(2);
const t0 = performance.now();
const c0 = process.cpuUsage();
readWorkbookFiles(files).then((read) => {
  const failed = read.filter((r) => "error" in r).map((r) => `${r.file}: ${r.error.message}`);
  if (failed.length) throw new Error(failed.join("\n"));
  const cpu = process.cpuUsage(c0);
  const out = {
    readMs: Math.round(performance.now() - t0),
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    files: read.length,
    peakMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
  console.log(JSON.stringify(out));
});
