/**
 * An interrupted write never breaks the user's file: `convert big.xlsx x.xlsx --force` killed while it
 * writes leaves x.xlsx as it was (or, had it finished, the whole new workbook), never a broken one
 * (src/cli/output-file.ts). Real processes, a large input so that the write takes a while.
 */
import { spawn } from "node:child_process";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { readWorkbookFile } from "../../src/xlsx/stream/read";
import { run } from "./run";
import { tempDir } from "../flows/support";

jest.setTimeout(240_000);

const tmp = tempDir("vv-atomic-");
afterAll(() => tmp.cleanup());
const root = join(__dirname, "../..");
const bin = join(root, "bin/vv-monitor.cjs");
const demo = tmp.path("demo.xlsx");
const big = tmp.path("big.xlsx");

beforeAll(async () => {
  expect((await run("demo", demo)).code).toBe(0);
  // The demo with a sheet of controller's notes: the converted workbook takes seconds to write.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(demo);
  const ws = wb.addWorksheet("Notities");
  for (let i = 0; i < 30_000; i++)
    ws.addRow([`notitie ${i}`, i * 3.5, `toelichting bij regel ${i} van de controller`, i % 7]);
  await wb.xlsx.writeFile(big);
});

/**
 * Start the conversion over `target`, wait until the write has begun (a temporary file beside the target,
 * or the target itself changing), wait `delay` ms more, then send `signal`. Resolves with the exit code or
 * signal, and whether a temporary file was seen.
 */
function interrupt(target: string, signal: NodeJS.Signals, delay: number) {
  const dir = join(target, "..");
  const before = statSync(target);
  const child = spawn(process.execPath, [bin, "convert", big, target, "--force"], {
    cwd: root,
    stdio: "ignore",
  });
  let sawTemporary = false;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, sig) => resolve({ code, signal: sig }))
  );
  const timer = setInterval(() => {
    const temporary = readdirSync(dir).some((n) => n.endsWith(".vv-monitor.tmp"));
    const now = statSync(target);
    if (temporary || now.mtimeMs !== before.mtimeMs || now.size !== before.size) {
      sawTemporary ||= temporary;
      clearInterval(timer);
      setTimeout(() => child.kill(signal), delay);
    }
  }, 10);
  return exited.then((r) => {
    clearInterval(timer);
    return { ...r, sawTemporary };
  });
}

/** The old bytes, or a whole workbook that reads (the conversion finished before the signal). */
async function oldOrWhole(target: string, old: Buffer) {
  const now = readFileSync(target);
  if (now.equals(old)) return "old";
  const snapshot = await readWorkbookFile(target);
  expect(snapshot.sheets.map((s) => s.name)).toContain("Notities");
  return "new";
}

it("SIGKILL while writing: x.xlsx is the old file, never a broken one", async () => {
  mkdirSync(tmp.path("kill"));
  const target = tmp.path("kill/x.xlsx");
  copyFileSync(demo, target);
  const old = readFileSync(target);
  const r = await interrupt(target, "SIGKILL", 300);
  expect(r.signal).toBe("SIGKILL");
  expect(r.sawTemporary).toBe(true);
  expect(await oldOrWhole(target, old)).toBe("old");
});

it("SIGTERM (or Ctrl+C) while writing: the old file intact and the temporary file removed", async () => {
  mkdirSync(tmp.path("term"));
  const target = tmp.path("term/x.xlsx");
  copyFileSync(demo, target);
  const old = readFileSync(target);
  for (const [signal, code] of [
    ["SIGTERM", 143],
    ["SIGINT", 130],
  ] as const) {
    const r = await interrupt(target, signal, 100);
    expect(r.sawTemporary).toBe(true);
    expect([signal, r.code]).toEqual([signal, code]);
    expect(await oldOrWhole(target, old)).toBe("old");
    expect(readdirSync(tmp.path("term"))).toEqual(["x.xlsx"]);
  }
});
