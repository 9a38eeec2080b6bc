// The compiled command loaded with V8's code cache: the functions V8 compiled in an earlier run are taken
// from `<command>.v8cache` instead of being compiled again. The cache is written when a run ends: when
// there was none (or V8 refused it: another Node), or when this run did much more than the run that wrote
// it (the first run after a build is often `--help`, which compiles little of what `validate` needs).
// Compiling the command was 60 ms of every start, and more of a big run's first second (profiles).
// Node 22's module.enableCompileCache would do this for every module, but the project supports Node 20.
// Anything that goes wrong here before the command runs loads it the ordinary way instead.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");
const Module = require("node:module");

/** A run this many times busier than the one that wrote the cache writes it again. */
const MORE = 4;

function readMeta(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

/** Write `bytes` to `file` whole or not at all (another run may read it meanwhile). */
function writeWhole(file, bytes) {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, bytes);
  fs.renameSync(tmp, file);
}

/** Prepare the compiled command at `main` for running, or null when it cannot be (load it plainly). */
function prepare(main) {
  try {
    const cacheFile = `${main}.v8cache`;
    const metaFile = `${cacheFile}.json`;
    const cached = fs.existsSync(cacheFile) ? fs.readFileSync(cacheFile) : undefined;
    const meta = cached ? readMeta(metaFile) : null;
    const script = new vm.Script(Module.wrap(fs.readFileSync(main, "utf8")), {
      filename: main,
      cachedData: cached,
    });
    const stale = !cached || !meta || script.cachedDataRejected;
    process.once("exit", () => {
      try {
        const usage = process.cpuUsage();
        const cpuMs = (usage.user + usage.system) / 1000;
        if (!stale && cpuMs < MORE * meta.cpuMs) return;
        writeWhole(cacheFile, script.createCachedData());
        writeWhole(metaFile, JSON.stringify({ cpuMs }));
      } catch {
        // A cache that cannot be written (a read-only install): the next run compiles as this one did.
      }
    });
    return script;
  } catch {
    return null;
  }
}

/** Run the compiled command at `main` as `require(main)` would, with the code cache when it can. */
module.exports = function runCompiled(main) {
  const script = prepare(main);
  if (!script) return require(main);
  const m = new Module(main, module);
  m.filename = main;
  const run = script.runInThisContext();
  run.call(m.exports, m.exports, Module.createRequire(main), m, main, path.dirname(main));
  m.loaded = true;
  return m.exports;
};
