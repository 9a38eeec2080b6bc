/**
 * Bundle sizes of the production build in dist/ (built first when missing or older than a source file): gzip -9 bytes of the task pane
 * bundle and of functions.js (it loads with every workbook, so it must stay small), plus raw bytes; and of xlsx.js, the chunk
 * (exceljs' browser build) that the task pane loads only when the user picks the previous meting's workbook.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";

const ROOT = resolve(__dirname, "..");
const DIST = join(ROOT, "dist");

/** The newest modification time among the build's inputs. */
function newestInput(): number {
  const walk = (p: string): number => {
    const st = statSync(p);
    if (!st.isDirectory()) return st.mtimeMs;
    return Math.max(0, ...readdirSync(p).map((e) => walk(join(p, e))));
  };
  return Math.max(
    ...["src", "assets", "webpack.config.js", "manifest.xml", "package-lock.json"]
      .map((p) => join(ROOT, p))
      .filter(existsSync)
      .map(walk)
  );
}

export async function run(): Promise<Record<string, unknown>> {
  const files = {
    taskpane: join(DIST, "taskpane.js"),
    functions: join(DIST, "functions.js"),
    xlsx: join(DIST, "xlsx.js"),
  };
  const missing = Object.values(files).some((f) => !existsSync(f));
  if (
    missing ||
    Math.min(statSync(files.taskpane).mtimeMs, statSync(files.functions).mtimeMs) < newestInput()
  ) {
    process.stderr.write(
      `bundle: dist/ is ${missing ? "missing" : "older than the sources"}, building (webpack --mode production)\n`
    );
    execFileSync(
      process.execPath,
      [join(ROOT, "node_modules/webpack-cli/bin/cli.js"), "--mode", "production"],
      { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] }
    );
  }
  const size = (f: string) => {
    const buf = readFileSync(f);
    return { raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
  };
  const t = size(files.taskpane);
  const f = size(files.functions);
  const x = size(files.xlsx);
  const out = {
    taskpaneGzipBytes: t.gzip,
    functionsGzipBytes: f.gzip,
    taskpaneBytes: t.raw,
    functionsBytes: f.raw,
    xlsxChunkGzipBytes: x.gzip,
    xlsxChunkBytes: x.raw,
  };
  process.stderr.write(
    `bundle: taskpane.js ${(t.gzip / 1024).toFixed(1)} KiB gzip (${(t.raw / 1024).toFixed(0)} KiB), functions.js ${(f.gzip / 1024).toFixed(1)} KiB gzip (${(f.raw / 1024).toFixed(0)} KiB), xlsx.js (on demand) ${(x.gzip / 1024).toFixed(1)} KiB gzip (${(x.raw / 1024).toFixed(0)} KiB)\n`
  );
  return out;
}

if (require.main === module) run().then((r) => console.log(JSON.stringify(r)));
