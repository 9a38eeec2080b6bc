/**
 * A production build for the tests, cached: built once per content of its inputs into a temporary
 * directory (never dist/, which other work uses), with ADDIN_URL set to TEST_URL. Later runs with the
 * same sources reuse it, so the build tests stay fast.
 */
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const ROOT = path.resolve(__dirname, "../..");
/** The production URL the test build uses: with a path, to prove URLs keep it. */
export const TEST_URL = "https://addin.test.example/vv-monitor";

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? listFiles(p) : [p];
  });
}

/** The files the build reads: sources, manifest, icons, config, lockfile. */
export function buildInputs(): string[] {
  return [
    ...listFiles(path.join(ROOT, "src")),
    ...listFiles(path.join(ROOT, "assets")),
    ...["webpack.config.js", "manifest.xml", "package-lock.json", "tsconfig.json"].map((f) =>
      path.join(ROOT, f)
    ),
  ]
    .filter((f) => fs.existsSync(f))
    .sort();
}

export function buildKey(): string {
  const h = createHash("sha256");
  for (const f of buildInputs()) {
    h.update(path.relative(ROOT, f));
    h.update("\0");
    h.update(fs.readFileSync(f));
    h.update("\0");
  }
  h.update(TEST_URL);
  return h.digest("hex").slice(0, 16);
}

/** The directory of a production build of the current sources (built now if not cached). */
export function builtDist(): string {
  const dir = path.join(os.tmpdir(), `vv-addin-dist-${buildKey()}`);
  if (fs.existsSync(path.join(dir, ".complete"))) return dir;
  // One build at a time: test files running in parallel wait for the one that builds.
  const lock = `${dir}.lock`;
  const deadline = Date.now() + 300_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      if (fs.existsSync(path.join(dir, ".complete"))) return dir;
      if (Date.now() > deadline)
        throw new Error(
          `builtDist: ${lock} is held for more than 5 minutes; remove it if no build is running`,
          { cause: e }
        );
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
    }
  }
  try {
    if (fs.existsSync(path.join(dir, ".complete"))) return dir;
    return build(dir);
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

function build(dir: string): string {
  const partial = `${dir}.partial-${process.pid}`;
  execFileSync(
    process.execPath,
    [
      path.join(ROOT, "node_modules/webpack-cli/bin/cli.js"),
      "--mode",
      "production",
      "--output-path",
      partial,
    ],
    {
      cwd: ROOT,
      env: { ...process.env, ADDIN_URL: TEST_URL },
      stdio: ["ignore", "pipe", "pipe"],
      maxBuffer: 64 * 1024 * 1024,
    }
  );
  fs.writeFileSync(path.join(partial, ".complete"), new Date().toISOString());
  try {
    fs.renameSync(partial, dir);
  } catch (e) {
    // Another test process finished the same build first: use that one.
    if (!fs.existsSync(path.join(dir, ".complete"))) throw e;
    fs.rmSync(partial, { recursive: true, force: true });
  }
  // Drop builds of older sources so that temporary space does not grow with every change.
  for (const other of fs.readdirSync(os.tmpdir()))
    if (/^vv-addin-dist-[0-9a-f]{16}$/.test(other) && other !== path.basename(dir))
      fs.rmSync(path.join(os.tmpdir(), other), { recursive: true, force: true });
  return dir;
}
