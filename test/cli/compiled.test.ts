/**
 * bin/compiled.cjs: the command line runs from sources compiled by esbuild, rebuilt when a source changes,
 * and falls back to tsx when they do not compile; bin/code-cache.cjs runs it with V8's code cache. Checked on a project of three small files of its own, so
 * that the test never touches the real sources' times, then on the real command.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { tempDir } from "../flows/support";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const compiledCommand = require("../../bin/compiled.cjs") as (root?: string) => string | null;

const tmp = tempDir("vv-compiled-");
afterAll(() => tmp.cleanup());
const root = join(__dirname, "../..");

function write(project: string, file: string, text: string, secondsAgo: number) {
  const p = join(project, file);
  mkdirSync(dirname(p), { recursive: true });
  writeFileSync(p, text);
  const t = Date.now() / 1000 - secondsAgo;
  utimesSync(p, t, t);
}

const runNode = (file: string) => execFileSync(process.execPath, [file], { encoding: "utf8" });

/** A project of its own: the command's source `index`, and the worker's and the pool's entries. */
function project(name: string, index: string): string {
  const dir = tmp.path(name);
  write(dir, "src/cli/index.ts", index, 60);
  write(dir, "src/xlsx/stream/worker-main.ts", "export {};\n", 60);
  write(dir, "src/xlsx/stream/pool.ts", "export const pool = 1;\n", 60);
  return dir;
}

it("compiles a project once, again after a source changes, and not at all when it does not compile", () => {
  const dir = project("project", 'import { word } from "./word";\nconsole.log(`cli ${word}`);\n');
  write(dir, "src/cli/word.ts", 'export const word: string = "een";\n', 60);

  const first = compiledCommand(dir);
  expect(first).toMatch(
    /node_modules[/\\].cache[/\\]vv-monitor[/\\][0-9a-f]{16}[/\\]vv-monitor\.cjs$/
  );
  expect(runNode(first!)).toBe("cli een\n");
  expect(compiledCommand(dir)).toBe(first);

  write(dir, "src/cli/word.ts", 'export const word: string = "twee";\n', 30);
  const second = compiledCommand(dir);
  expect(second).not.toBe(first);
  expect(runNode(second!)).toBe("cli twee\n");
  // The worker is compiled next to the command: worker-client.ts starts it from there.
  expect(runNode(join(dirname(second!), "worker.cjs"))).toBe("");

  write(dir, "src/cli/word.ts", "export const word = ;\n", 10);
  expect(compiledCommand(dir)).toBeNull();
});

it("the real command gives the same help compiled as through tsx", () => {
  const bin = join(root, "bin/vv-monitor.cjs");
  const help = (env: NodeJS.ProcessEnv) =>
    execFileSync(process.execPath, [bin, "--help"], {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, ...env },
    });
  const compiled = compiledCommand();
  expect(compiled).not.toBeNull();
  expect(help({})).toBe(help({ VV_MONITOR_TSX: "1" }));
  expect(help({})).toContain("merge");
  // Which of the two ran: whether tsx was loaded.
  const tsx = /[\\/]tsx[\\/]/;
  expect(loads(tsx, ["--help"])).toBe(false);
  expect(loads(tsx, ["--help"], { VV_MONITOR_TSX: "1" })).toBe(true);
});

it("writes workbooks with exceljs' workbook model, without loading its streaming reader", () => {
  // exceljs-lib.cjs: all of exceljs (its streaming reader and the unzip library) cost the merge 0.2 s.
  const workbook = /[\\/]exceljs[\\/]lib[\\/]doc[\\/]workbook\.js$/;
  expect(loads(workbook, ["template", tmp.path("a.xlsx")])).toBe(true);
  const stream = /[\\/](unzipper|exceljs[\\/]lib[\\/]stream)[\\/]/;
  expect(loads(stream, ["template", tmp.path("b.xlsx")])).toBe(false);
});

/** Whether the command, run with `args`, loaded a module whose path matches `module`. */
function loads(module: RegExp, args: string[], env: NodeJS.ProcessEnv = {}): boolean {
  const bin = join(root, "bin/vv-monitor.cjs");
  const r = spawnSync(
    process.execPath,
    [
      "-e",
      `process.argv.splice(1, 0, "vv-monitor"); require(${JSON.stringify(bin)});
       process.on("exit", () => console.error("loaded:" + Object.keys(require.cache).some((k) => ${module}.test(k))));`,
      "--",
      ...args,
    ],
    { cwd: root, encoding: "utf8", env: { ...process.env, ...env } }
  );
  const said = /loaded:(true|false)/.exec(r.stderr);
  if (!said) throw new Error(`vv-monitor ${args.join(" ")}: ${r.stderr}`);
  return said[1] === "true";
}

it("runs the compiled command with V8's code cache: written after a run, used after, remade when refused or outgrown", () => {
  const dir = project(
    "cached",
    'console.log(`cli ${process.argv[2] ?? ""}`);\nif (process.argv[2] === "fail") process.exitCode = 3;\n'
  );
  const main = compiledCommand(dir)!;
  const cacheFile = `${main}.v8cache`;
  const metaFile = `${cacheFile}.json`;
  const runner = `process.argv.splice(1, 0, "vv-monitor"); require(${JSON.stringify(
    join(root, "bin/code-cache.cjs")
  )})(${JSON.stringify(main)})`;
  const run = (arg: string) =>
    spawnSync(process.execPath, ["-e", runner, "--", arg], { encoding: "utf8" });
  const first = run("een");
  expect(first.stdout).toBe("cli een\n");
  expect(existsSync(cacheFile)).toBe(true);
  const written = readFileSync(cacheFile);
  // Accepted: not written again by a run no busier than the one that wrote it.
  writeFileSync(metaFile, JSON.stringify({ cpuMs: 1e9 }));
  const second = run("fail");
  expect(second.stdout).toBe("cli fail\n");
  expect(second.status).toBe(3);
  expect(readFileSync(cacheFile)).toEqual(written);
  // Outgrown: a run far busier than the one that wrote the cache writes it again.
  writeFileSync(metaFile, JSON.stringify({ cpuMs: 0.001 }));
  expect(run("drie").stdout).toBe("cli drie\n");
  expect(JSON.parse(readFileSync(metaFile, "utf8")).cpuMs).toBeGreaterThan(0.001);
  // Refused by V8 (not a cache of this code): the command runs all the same and the cache is made anew.
  writeFileSync(cacheFile, "geen cache");
  writeFileSync(metaFile, JSON.stringify({ cpuMs: 1e9 }));
  expect(run("vier").stdout).toBe("cli vier\n");
  expect(readFileSync(cacheFile).toString()).not.toBe("geen cache");
});
