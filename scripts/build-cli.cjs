#!/usr/bin/env node
/**
 * The command line as a self-contained package for daily use (docs/cli.md, "Install for daily use"):
 * dist/vv-monitor/ holds the command and the file reader's worker bundled by esbuild with every library
 * they use (exceljs from its patched sources, commander, zod, ...), and a package.json without
 * dependencies. `npm install --global ./dist/vv-monitor` (or its `npm pack` tarball) puts `vv-monitor` on
 * the PATH: nothing is fetched from a registry, nothing is compiled or cached at start-up, and it needs no
 * checkout, no node_modules and no writable cache (bin/compiled.cjs' cache lives in the checkout).
 *
 *   node scripts/build-cli.cjs [outdir]     (npm run build:cli)
 */
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const esbuild = require("esbuild");

const root = path.join(__dirname, "..");
const out = path.resolve(process.argv[2] ?? path.join(root, "dist", "vv-monitor"));
const pkg = require(path.join(root, "package.json"));
/** The oldest Node the command runs on (package.json's engines). */
const NODE = pkg.engines.node.replace(/^>=\s*/, "");

function build() {
  return buildInto(out);
}

/** Build the package into `out`. */
function buildInto(out) {
  // Built beside the target and renamed into place: a failed build leaves the previous one.
  const tmp = `${out}.${process.pid}.tmp`;
  fs.rmSync(tmp, { recursive: true, force: true });
  esbuild.buildSync({
    entryPoints: {
      "vv-monitor": path.join(root, "src", "cli", "index.ts"),
      // worker-client.ts starts `worker.cjs` next to itself.
      worker: path.join(root, "src", "xlsx", "stream", "worker-main.ts"),
    },
    outdir: tmp,
    outExtension: { ".js": ".cjs" },
    bundle: true,
    platform: "node",
    format: "cjs",
    target: `node${NODE.split(".")[0]}`,
    minifySyntax: true,
    legalComments: "linked",
    logLevel: "warning",
  });
  const main = path.join(tmp, "vv-monitor.cjs");
  fs.writeFileSync(main, "#!/usr/bin/env node\n" + fs.readFileSync(main, "utf8"));
  fs.chmodSync(main, 0o755);
  fs.writeFileSync(
    path.join(tmp, "package.json"),
    JSON.stringify(
      {
        name: "vv-monitor",
        version: pkg.version,
        description: pkg.description,
        license: pkg.license,
        bin: { "vv-monitor": "vv-monitor.cjs" },
        engines: pkg.engines,
        files: ["*.cjs", "*.txt"],
      },
      null,
      2
    ) + "\n"
  );
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.renameSync(tmp, out);
  return out;
}

/**
 * Build, pack and install the command into `prefix` as a user would (`npm install --global --prefix`): the
 * installed test and the start-up benchmark use it. Returns the installed command's path.
 */
function installTo(prefix, work) {
  const { execFileSync } = require("node:child_process");
  const dir = path.join(work, "vv-monitor");
  buildInto(dir);
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const quiet = ["--no-audit", "--no-fund", "--loglevel=error"];
  const tgz = execFileSync(npm, ["pack", "--pack-destination", work, ...quiet], {
    cwd: dir,
    encoding: "utf8",
  })
    .trim()
    .split("\n")
    .pop();
  execFileSync(npm, ["install", "--global", "--prefix", prefix, path.join(work, tgz), ...quiet], {
    cwd: work,
    stdio: "ignore",
  });
  return process.platform === "win32"
    ? path.join(prefix, "vv-monitor.cmd")
    : path.join(prefix, "bin", "vv-monitor");
}

if (require.main === module) process.stdout.write(`${build()}\n`);
module.exports = { build, installTo };
