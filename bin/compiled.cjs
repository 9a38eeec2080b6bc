// The command line compiled by esbuild into one file per thread (the command, the file reader's worker; and
// the file pool alone, for its benchmark), kept in node_modules/.cache/vv-monitor/<stamp>/ and rebuilt when a
// source changes: the stamp is a hash of every file's name, size and time under src/, and of this file.
// `npx vv-monitor` right after `npm ci` needs no build step, as before, and runs from the compiled file: tsx
// compiling each module on loading, and each imported binding being a getter call in its CommonJS output,
// cost a third of a second on every start and a fifth of the merge of 50 workbooks (measured; see
// docs/files.md). Returns the compiled command's path, or null when it cannot be built here (no esbuild, a
// cache that cannot be written): the caller then runs the sources through tsx, which also reports a syntax
// error in the sources the usual way.
"use strict";
const { createHash } = require("node:crypto");
const fs = require("node:fs");
const path = require("node:path");

const ENTRIES = {
  "vv-monitor": ["src", "cli", "index.ts"],
  // worker-client.ts starts `worker.cjs` next to itself: here, the compiled worker.
  worker: ["src", "xlsx", "stream", "worker-main.ts"],
  // The file pool alone, as the benchmark of reading many files loads it (bench/read-files.cjs).
  pool: ["src", "xlsx", "stream", "pool.ts"],
};
/** Compiled directories older than this are removed after a build (a running command may still use one). */
const KEEP_MS = 24 * 3600 * 1000;

/** A hash of every file's relative name, size and modification time under src/. */
function sourceStamp(root) {
  const hash = createHash("sha1");
  const walk = (dir) => {
    for (const e of fs
      .readdirSync(dir, { withFileTypes: true })
      .sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else {
        const s = fs.statSync(p);
        hash.update(`${path.relative(root, p)}\0${s.size}\0${s.mtimeMs}\n`);
      }
    }
  };
  walk(path.join(root, "src"));
  // How they are compiled: this file (its entries and options) and Node's version.
  hash.update(fs.readFileSync(__filename));
  hash.update(process.version);
  return hash.digest("hex").slice(0, 16);
}

function build(root, cache, dir) {
  const esbuild = require("esbuild");
  const tmp = `${dir}.${process.pid}.tmp`;
  const entryPoints = {};
  for (const [name, parts] of Object.entries(ENTRIES))
    entryPoints[name] = path.join(root, ...parts);
  esbuild.buildSync({
    entryPoints,
    outdir: tmp,
    outExtension: { ".js": ".cjs" },
    bundle: true,
    platform: "node",
    format: "cjs",
    target: `node${process.versions.node.split(".")[0]}`,
    // Packages are loaded from node_modules as they are; only the project's own modules are bundled.
    packages: "external",
    logLevel: "silent",
  });
  try {
    fs.renameSync(tmp, dir);
  } catch (e) {
    // Another command built the same stamp at the same time: its directory is as good as ours.
    fs.rmSync(tmp, { recursive: true, force: true });
    if (!fs.existsSync(dir)) throw e;
  }
  for (const old of fs.readdirSync(cache)) {
    const p = path.join(cache, old);
    if (p !== dir && Date.now() - fs.statSync(p).mtimeMs > KEEP_MS)
      fs.rmSync(p, { recursive: true, force: true });
  }
}

/** The compiled command of the project at `root` (this one by default), built when missing. */
module.exports = function compiledCommand(root = path.join(__dirname, "..")) {
  try {
    const cache = path.join(root, "node_modules", ".cache", "vv-monitor");
    const dir = path.join(cache, sourceStamp(root));
    const main = path.join(dir, "vv-monitor.cjs");
    if (!fs.existsSync(main)) {
      fs.mkdirSync(cache, { recursive: true });
      build(root, cache, dir);
    }
    return main;
  } catch {
    return null;
  }
};
