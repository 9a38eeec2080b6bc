/**
 * Benchmark of the commands on files, as a user runs them: each run is a child process
 * (`node bin/vv-monitor.cjs ...`), timed from start to exit, its peak resident memory taken from the
 * kernel (bench/measure-child.cjs). The peer, openpyxl in read-only mode reading every cell of the same
 * workbook (bench/peer-openpyxl.py, Debian's /usr/bin/python3), runs in the same loop, interleaved with
 * validate so that both see the same machine; it is skipped, with a note, where openpyxl is missing.
 *
 * The 100,000-row workbook is 46 entity workbooks merged (99,728 table rows, about 7.5 MB); merge50 merges 50
 * of them (108,400 rows) and writes the result; read50 only reads those 50 (bench/read-files.cjs: the read
 * merge, validate and kerncijfers do on several files, this thread and worker threads). Each entity workbook is the June 2022 demo with a text
 * added on every row of its four sheets (and its regular funds raised by a few euro): identical copies
 * would count once under the overlap rule, and the merge would be one demo, not 100,000 rows. So every
 * project conflicts across the files: merge, totals and validate exit 1, which is their result here, not
 * a failure; the record count of the 100,000-row workbook is checked before anything is timed.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { median } from "./median";

const ROOT = join(__dirname, "..");
const PYTHON = "/usr/bin/python3";

interface Run {
  ms: number;
  peakMb: number;
}

/** Run a command as a child; wall time from spawn to exit, and the peak memory it reports. */
function child(
  cmd: string,
  args: string[],
  rssFile?: string,
  okCodes: readonly number[] = [0]
): Promise<Run & { stdout: string }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const p = spawn(cmd, args, {
      cwd: ROOT,
      env: { ...process.env, VV_BENCH_RSS: rssFile ?? "" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    p.stdout.on("data", (d) => (stdout += d));
    p.stderr.on("data", (d) => (stderr += d));
    p.on("error", reject);
    p.on("close", (code) => {
      const ms = performance.now() - t0;
      if (!okCodes.includes(code ?? -1))
        return reject(new Error(`${cmd} ${args.join(" ")}: exit ${code}\n${stderr}`));
      const peakMb = rssFile
        ? Number(readFileSync(rssFile, "utf8")) / 1024
        : (JSON.parse(stdout.trim().split("\n").pop()!) as { peakMb: number }).peakMb;
      resolve({ ms, peakMb, stdout });
    });
  });
}

const cli = (dir: string, args: string[]) =>
  child(
    process.execPath,
    [join(ROOT, "bench/measure-child.cjs"), ...args],
    join(dir, "rss"),
    // Exit 1 is a result (the demo has errors; the entities' workbooks conflict), exit 2 a failure.
    [0, 1]
  );

/** The column of each template sheet that differs per entity workbook (see the top of this file). */
const PER_ENTITY = {
  Projecten: "Beschrijving projectstatus",
  Mijlpalen: "Statusbeschrijving",
  Outputindicatoren: "Realisatie (toelichting)",
  Financiering: "Reguliere Vlaamse middelen",
} as const;

/** Entity workbook `n`: the demo with a text (or a few euro) of its own on every row. */
async function entityWorkbook(demo: string, n: number, out: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(demo);
  for (const [sheet, header] of Object.entries(PER_ENTITY)) {
    const ws = wb.getWorksheet(sheet)!;
    const col = (ws.getRow(1).values as unknown[]).indexOf(header);
    if (col < 1) throw new Error(`${sheet}: no column ${header}`);
    ws.eachRow((row, r) => {
      if (r === 1) return;
      const c = row.getCell(col);
      c.value = sheet === "Financiering" ? (Number(c.value) || 0) + n : `${c.text} (entiteit ${n})`;
    });
  }
  await wb.xlsx.writeFile(out);
}

/** Rows of the records `export --json` printed. */
function recordCount(json: string): number {
  const j = JSON.parse(json) as Record<string, unknown>;
  return ["projects", "milestones", "indicators", "financing"].reduce(
    (n, k) => n + (j[k] as unknown[]).length,
    0
  );
}

function summary(runs: Run[]) {
  const ms = runs.map((r) => r.ms);
  return {
    ms: Math.round(median(ms)),
    minMs: Math.round(Math.min(...ms)),
    maxMs: Math.round(Math.max(...ms)),
    peakMb: Math.round(Math.max(...runs.map((r) => r.peakMb))),
  };
}

/**
 * How fast the machine is right now: a fixed loop of arithmetic in a fresh Node, in milliseconds (about 1.5
 * s here). The machine is a shared virtual one; the same merge took 5.7 s in one run and 7.3 s in another,
 * and this figure, taken before and after the runs, says which minutes were slow.
 */
function machineLoopMs(): number {
  const loop =
    "const t=performance.now();let x=0;for(let i=0;i<3e8;i++)x=(x+i*7)%1000003;" +
    "console.log(Math.round(performance.now()-t),x)";
  const r = spawnSync(process.execPath, ["-e", loop], { encoding: "utf8" });
  const ms = Number(r.stdout.split(" ")[0]);
  if (r.status !== 0 || !Number.isFinite(ms)) throw new Error(`machine loop: ${r.stderr}`);
  return ms;
}

function hasOpenpyxl(): boolean {
  return spawnSync(PYTHON, ["-c", "import openpyxl"], { stdio: "ignore" }).status === 0;
}

export async function run(
  opts: { runs?: number; mergeRuns?: number } = {}
): Promise<Record<string, unknown>> {
  const runs = opts.runs ?? 5;
  const mergeRuns = opts.mergeRuns ?? 3;
  const loopBefore = machineLoopMs();
  const dir = mkdtempSync(join(tmpdir(), "vv-bench-files-"));
  try {
    const demo = join(dir, "demo.xlsx");
    await cli(dir, ["demo", demo]);
    const copies = Array.from({ length: 50 }, (_, i) => join(dir, `entiteit-${i + 1}.xlsx`));
    for (let i = 0; i < copies.length; i++) await entityWorkbook(demo, i + 1, copies[i]);
    const big = join(dir, "100k.xlsx");
    await cli(dir, ["merge", ...copies.slice(0, 46), "-o", big]);
    const rows = recordCount((await cli(dir, ["export", big, "--json"])).stdout);
    if (rows < 99_000) throw new Error(`the 100,000-row workbook holds ${rows} records`);
    const peer = hasOpenpyxl();
    const validate: Run[] = [];
    const openpyxl: Run[] = [];
    const totals: Run[] = [];
    const exported: Run[] = [];
    const keyFigures: Run[] = [];
    const read50: (Run & { readMs: number; cpuMs: number })[] = [];
    let cells = 0;
    for (let i = 0; i < runs; i++) {
      validate.push(await cli(dir, ["validate", big]));
      if (peer) {
        const r = await child(PYTHON, [join(ROOT, "bench/peer-openpyxl.py"), big]);
        cells = (JSON.parse(r.stdout.trim()) as { cells: number }).cells;
        openpyxl.push(r);
      }
      totals.push(await cli(dir, ["totals", big, "--by", "cluster"]));
      exported.push(await cli(dir, ["export", big, "--json"]));
      keyFigures.push(await cli(dir, ["kerncijfers", big]));
      const r = await child(process.execPath, [join(ROOT, "bench/read-files.cjs"), ...copies]);
      read50.push({ ...r, ...(JSON.parse(r.stdout.trim()) as { readMs: number; cpuMs: number }) });
    }
    const merge: Run[] = [];
    for (let i = 0; i < mergeRuns; i++)
      merge.push(await cli(dir, ["merge", ...copies, "-o", join(dir, "merged.xlsx")]));
    const loopAfter = machineLoopMs();
    const v = summary(validate);
    const p = peer ? summary(openpyxl) : null;
    const m = summary(merge);
    const result = {
      validate100kMs: v.ms,
      validate100kSpreadMs: [v.minMs, v.maxMs],
      validate100kPeakMb: v.peakMb,
      peerOpenpyxlReadMs: p?.ms ?? null,
      peerOpenpyxlSpreadMs: p ? [p.minMs, p.maxMs] : null,
      peerOpenpyxlPeakMb: p?.peakMb ?? null,
      validateOverPeer: p ? Math.round((v.ms / p.ms) * 100) / 100 : null,
      peerNote: peer ? undefined : `openpyxl not found for ${PYTHON}: peer skipped`,
      totals100kMs: summary(totals).ms,
      totals100kPeakMb: summary(totals).peakMb,
      export100kMs: summary(exported).ms,
      export100kPeakMb: summary(exported).peakMb,
      kerncijfers100kMs: summary(keyFigures).ms,
      kerncijfers100kPeakMb: summary(keyFigures).peakMb,
      read50Ms: Math.round(median(read50.map((r) => r.readMs))),
      read50SpreadMs: [
        Math.min(...read50.map((r) => r.readMs)),
        Math.max(...read50.map((r) => r.readMs)),
      ],
      read50CpuMs: Math.round(median(read50.map((r) => r.cpuMs))),
      read50ProcessMs: summary(read50).ms,
      read50PeakMb: summary(read50).peakMb,
      merge50Ms: m.ms,
      merge50SpreadMs: [m.minMs, m.maxMs],
      merge50PeakMb: m.peakMb,
      workbookBytes: statSync(big).size,
      workbookRecords: rows,
      peerCells: cells,
      runs,
      mergeRuns,
      machineLoopMs: [loopBefore, loopAfter],
    };
    process.stderr.write(
      `files: validate 100k ${v.ms} ms (${v.minMs}–${v.maxMs}), peak ${v.peakMb} MB; ` +
        (p
          ? `openpyxl read ${p.ms} ms (${p.minMs}–${p.maxMs}), peak ${p.peakMb} MB, ratio ${result.validateOverPeer}; `
          : `${result.peerNote}; `) +
        `totals ${result.totals100kMs} ms, export ${result.export100kMs} ms, ` +
        `kerncijfers ${result.kerncijfers100kMs} ms; read 50 ${result.read50Ms} ms ` +
        `(processor ${result.read50CpuMs} ms); ` +
        `merge 50 ${m.ms} ms (${m.minMs}–${m.maxMs}), peak ${m.peakMb} MB; medians of ${runs}/${mergeRuns} runs; ` +
        `machine loop ${loopBefore} ms before, ${loopAfter} ms after\n`
    );
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  run({
    runs: Number(process.env.BENCH_RUNS ?? 5),
    mergeRuns: Number(process.env.BENCH_MERGE_RUNS ?? 3),
  }).then((r) => console.log(JSON.stringify(r)));
}
