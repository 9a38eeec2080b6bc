/**
 * The command installed for daily use (docs/cli.md, "Install for daily use"): the self-contained package
 * (scripts/build-cli.cjs) packed and installed with `npm install --global --prefix <temp>`, then run from a
 * folder outside the repository with a PATH that has no checkout in it: help, a workbook written and read
 * (the reader's worker thread included), a message in English. Nothing fetched from a registry.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { tempDir } from "../flows/support";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { installTo } = require("../../scripts/build-cli.cjs") as {
  installTo: (prefix: string, work: string) => string;
};

jest.setTimeout(180_000);

const tmp = tempDir("vv-install-");
afterAll(() => tmp.cleanup());
let command: string;
let folder: string;
/** Only the installed command's folder and Node's on the PATH: no checkout, no node_modules/.bin. */
let env: NodeJS.ProcessEnv;

beforeAll(() => {
  command = installTo(tmp.path("prefix"), tmp.dir);
  folder = tmp.path("controller");
  mkdirSync(folder);
  env = {
    HOME: folder,
    PATH: [dirname(command), dirname(process.execPath), "/usr/bin", "/bin"].join(":"),
  };
});

const vv = (...args: string[]) =>
  spawnSync("vv-monitor", args, { cwd: folder, env, encoding: "utf8" });

it("is on the PATH of the prefix and answers --help from another folder", () => {
  expect(existsSync(command)).toBe(true);
  const r = vv("--help");
  expect(r.status).toBe(0);
  expect(r.stdout).toContain("Gebruik: vv-monitor");
  expect(r.stdout).toContain("template");
  expect(
    execFileSync("vv-monitor", ["--lang", "en", "--help"], { cwd: folder, env, encoding: "utf8" })
  ).toContain("Usage: vv-monitor");
});

it("writes and reads workbooks there (the reader's worker thread is in the package)", () => {
  expect(vv("demo", "demo.xlsx").status).toBe(0);
  const t = vv("totals", "demo.xlsx", "--json");
  expect(t.status).toBe(0);
  expect(JSON.parse(t.stdout).total.count).toBe(180);
  const again = vv("--lang", "en", "template", "demo.xlsx");
  expect([again.status, again.stderr]).toEqual([
    2,
    "vv-monitor: demo.xlsx: already exists and is not overwritten; choose another name, or use --force to replace it\n",
  ]);
});
