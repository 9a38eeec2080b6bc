/**
 * Benchmark of the commands on files, as a user runs them: each run is a child process
 * (`node bin/vv-monitor.cjs ...`), timed from start to exit, its peak resident memory taken from the
 * kernel (bench/measure-child.cjs). The peer, openpyxl in read-only mode reading every cell of the same
 * workbook (bench/peer-openpyxl.py, Debian's /usr/bin/python3), runs in the same loop, interleaved with
 * validate so that both see the same machine; it is skipped, with a note, where openpyxl is missing.
 *
 * Beside our own file, the 100,000 rows of the 46 entity workbooks as other programs write them: by
 * openpyxl in write-only mode (bench/write-openpyxl.py: each table's rows of all 46 files under one header,
 * inline strings, no tables, no styles, the way pandas and scripts export) and by
 * LibreOffice (that file converted with `soffice --headless --convert-to xlsx`: shared strings, its own
 * styles). For each of the three files, validate, SheetJS reading every sheet (bench/peer-sheetjs.cjs:
 * `readFile` and `sheet_to_json`, the most used JavaScript reader) and openpyxl reading every cell run one
 * after the other in each round, so that all three see the same minutes of the machine.
 *
 * With BENCH_DIR set, the workbooks are made there once and kept (a profile of one of them, a second run);
 * otherwise in a temporary directory, removed at the end.
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
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { readWorkbookFile } from "../src/xlsx/stream/read";
import { median } from "./median";
import { envNumber } from "./env";

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

function hasSoffice(): boolean {
  return spawnSync("soffice", ["--version"], { stdio: "ignore" }).status === 0;
}

/** The workbooks of the runs, made in `dir` (those already there kept: BENCH_DIR). */
async function prepare(dir: string, peer: boolean, soffice: boolean) {
  const demo = join(dir, "demo.xlsx");
  const copies = Array.from({ length: 50 }, (_, i) => join(dir, `entiteit-${i + 1}.xlsx`));
  const big = join(dir, "100k.xlsx");
  if (!existsSync(demo)) await cli(dir, ["demo", demo]);
  for (let i = 0; i < copies.length; i++)
    if (!existsSync(copies[i])) await entityWorkbook(demo, i + 1, copies[i]);
  if (!existsSync(big)) await cli(dir, ["merge", ...copies.slice(0, 46), "-o", big]);
  const byOpenpyxl = peer ? join(dir, "100k-openpyxl.xlsx") : null;
  if (byOpenpyxl && !existsSync(byOpenpyxl)) {
    // The rows of the 46 workbooks merged into `big`, as a script exports them (bench/write-openpyxl.py).
    const w = spawnSync(
      PYTHON,
      [join(ROOT, "bench/write-openpyxl.py"), byOpenpyxl, ...copies.slice(0, 46)],
      { encoding: "utf8" }
    );
    if (w.status !== 0) throw new Error(`bench/write-openpyxl.py: ${w.status} ${w.stderr}`);
    if (Number(w.stdout) < 99_000) throw new Error(`openpyxl wrote ${w.stdout.trim()} rows`);
  }
  // LibreOffice converts the openpyxl one (the same rows; its own shared strings and styles), in a profile
  // of its own so that it does not wait for a LibreOffice already running on the machine.
  let byLibreOffice: string | null = null;
  if (byOpenpyxl && soffice) {
    byLibreOffice = join(dir, "100k-libreoffice.xlsx");
    if (!existsSync(byLibreOffice)) {
      const out = join(dir, "lo");
      mkdirSync(out, { recursive: true });
      const r = spawnSync(
        "soffice",
        [
          `-env:UserInstallation=file://${join(dir, "lo-profile")}`,
          "--headless",
          "--convert-to",
          "xlsx",
          "--outdir",
          out,
          byOpenpyxl,
        ],
        { encoding: "utf8", timeout: 15 * 60_000 }
      );
      const made = join(out, "100k-openpyxl.xlsx");
      if (r.status !== 0 || !existsSync(made))
        throw new Error(`soffice --convert-to xlsx: ${r.status} ${r.stderr}`);
      renameSync(made, byLibreOffice);
    }
  }
  return { copies, big, byOpenpyxl, byLibreOffice };
}

/** One file's runs, interleaved with the other files' in the same rounds. */
interface FileRuns {
  file: string;
  validate: Run[];
  sheetjs: Run[];
  openpyxl: Run[];
  sheetjsCells: number;
  openpyxlCells: number;
}

const ratio = (a: number, b: number | undefined) => (b ? Math.round((a / b) * 100) / 100 : null);

/** A file's medians and ratios, as the report shows them. */
function fileSummary(f: FileRuns) {
  const v = summary(f.validate);
  const s = f.sheetjs.length ? summary(f.sheetjs) : undefined;
  const o = f.openpyxl.length ? summary(f.openpyxl) : undefined;
  return {
    bytes: statSync(f.file).size,
    validateMs: v.ms,
    validateSpreadMs: [v.minMs, v.maxMs],
    validatePeakMb: v.peakMb,
    sheetjsReadMs: s?.ms ?? null,
    sheetjsSpreadMs: s ? [s.minMs, s.maxMs] : null,
    sheetjsPeakMb: s?.peakMb ?? null,
    sheetjsCells: f.sheetjsCells,
    openpyxlReadMs: o?.ms ?? null,
    openpyxlSpreadMs: o ? [o.minMs, o.maxMs] : null,
    openpyxlPeakMb: o?.peakMb ?? null,
    openpyxlCells: f.openpyxlCells,
    validateOverSheetjs: ratio(v.ms, s?.ms),
    validateOverOpenpyxl: ratio(v.ms, o?.ms),
  };
}

export async function run(
  opts: { runs?: number; mergeRuns?: number; dir?: string } = {}
): Promise<Record<string, unknown>> {
  const runs = opts.runs ?? envNumber("BENCH_RUNS", 5);
  const mergeRuns = opts.mergeRuns ?? envNumber("BENCH_MERGE_RUNS", 3);
  const kept = opts.dir ?? (process.env.BENCH_DIR || undefined);
  const loopBefore = machineLoopMs();
  const dir = kept ?? mkdtempSync(join(tmpdir(), "vv-bench-files-"));
  if (kept) mkdirSync(dir, { recursive: true });
  try {
    const peer = hasOpenpyxl();
    const soffice = hasSoffice();
    const { copies, big, byOpenpyxl, byLibreOffice } = await prepare(dir, peer, soffice);
    const rows = recordCount((await cli(dir, ["export", big, "--json"])).stdout);
    // The rows of its tables. A merge keeps the rows of a project that conflicts with an earlier file
    // out of its tables, on Bewaard (220,000 rows there): of the 99,728 rows of the 46 files, the
    // tables hold 83,528 (every project conflicts; milestones and indicators are all kept).
    const tableRows = (await readWorkbookFile(big)).sheets
      .flatMap((s) => s.tables)
      .reduce((n, t) => n + t.rows.length, 0);
    if (tableRows < 80_000) throw new Error(`the merged workbook holds ${tableRows} table rows`);
    const files: Record<string, FileRuns> = {};
    for (const [key, file] of [
      ["ours", big],
      ["openpyxl", byOpenpyxl],
      ["libreoffice", byLibreOffice],
    ] as const)
      if (file)
        files[key] = {
          file,
          validate: [],
          sheetjs: [],
          openpyxl: [],
          sheetjsCells: 0,
          openpyxlCells: 0,
        };
    const totals: Run[] = [];
    const exported: Run[] = [];
    const keyFigures: Run[] = [];
    const read50: (Run & { readMs: number; cpuMs: number })[] = [];
    for (let i = 0; i < runs; i++) {
      for (const f of Object.values(files)) {
        f.validate.push(await cli(dir, ["validate", f.file]));
        const s = await child(process.execPath, [join(ROOT, "bench/peer-sheetjs.cjs"), f.file]);
        f.sheetjsCells = (JSON.parse(s.stdout.trim()) as { cells: number }).cells;
        f.sheetjs.push(s);
        if (peer) {
          const r = await child(PYTHON, [join(ROOT, "bench/peer-openpyxl.py"), f.file]);
          f.openpyxlCells = (JSON.parse(r.stdout.trim()) as { cells: number }).cells;
          f.openpyxl.push(r);
        }
      }
      totals.push(await cli(dir, ["totals", big, "--by", "cluster"]));
      exported.push(await cli(dir, ["export", big, "--json"]));
      keyFigures.push(await cli(dir, ["kerncijfers", big]));
      const r = await child(process.execPath, [join(ROOT, "bench/read-files.cjs"), ...copies]);
      read50.push({ ...r, ...(JSON.parse(r.stdout.trim()) as { readMs: number; cpuMs: number }) });
    }
    const merge: Run[] = [];
    for (let i = 0; i < mergeRuns; i++) {
      // merge refuses to overwrite a file: the previous run's output goes first.
      rmSync(join(dir, "merged.xlsx"), { force: true });
      merge.push(await cli(dir, ["merge", ...copies, "-o", join(dir, "merged.xlsx")]));
    }
    const loopAfter = machineLoopMs();
    const writers = Object.fromEntries(
      Object.entries(files).map(([k, f]) => [k, fileSummary(f)])
    ) as Record<string, ReturnType<typeof fileSummary>>;
    const v = writers.ours;
    const m = summary(merge);
    const notes = [
      peer ? undefined : `openpyxl not found for ${PYTHON}: peer and openpyxl-written file skipped`,
      soffice || !peer ? undefined : "soffice not found: LibreOffice-written file skipped",
    ].filter(Boolean);
    const result = {
      validate100kMs: v.validateMs,
      validate100kSpreadMs: v.validateSpreadMs,
      validate100kPeakMb: v.validatePeakMb,
      peerOpenpyxlReadMs: v.openpyxlReadMs,
      peerOpenpyxlSpreadMs: v.openpyxlSpreadMs,
      peerOpenpyxlPeakMb: v.openpyxlPeakMb,
      validateOverPeer: v.validateOverOpenpyxl,
      peerNote: notes.length ? notes.join("; ") : undefined,
      peerSheetjsReadMs: v.sheetjsReadMs,
      peerSheetjsPeakMb: v.sheetjsPeakMb,
      validateOverSheetjs: v.validateOverSheetjs,
      // The same rows as openpyxl and LibreOffice write them: validate beside both peers, per file.
      writers,
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
      workbookTableRows: tableRows,
      peerCells: v.openpyxlCells,
      runs,
      mergeRuns,
      machineLoopMs: [loopBefore, loopAfter],
    };
    const perFile = Object.entries(writers)
      .map(
        ([k, w]) =>
          `${k}: validate ${w.validateMs} ms (${w.validateSpreadMs.join("–")}), peak ${w.validatePeakMb} MB; ` +
          `SheetJS ${w.sheetjsReadMs} ms, peak ${w.sheetjsPeakMb} MB (×${w.validateOverSheetjs}); ` +
          (w.openpyxlReadMs !== null
            ? `openpyxl ${w.openpyxlReadMs} ms, peak ${w.openpyxlPeakMb} MB (×${w.validateOverOpenpyxl})`
            : "openpyxl skipped")
      )
      .join("\n  ");
    process.stderr.write(
      `files (100,000 rows):\n  ${perFile}\n` +
        (result.peerNote ? `  ${result.peerNote}\n` : "") +
        `totals ${result.totals100kMs} ms, export ${result.export100kMs} ms, ` +
        `kerncijfers ${result.kerncijfers100kMs} ms; read 50 ${result.read50Ms} ms ` +
        `(processor ${result.read50CpuMs} ms); ` +
        `merge 50 ${m.ms} ms (${m.minMs}–${m.maxMs}), peak ${m.peakMb} MB; medians of ${runs}/${mergeRuns} runs; ` +
        `machine loop ${loopBefore} ms before, ${loopAfter} ms after\n`
    );
    return result;
  } finally {
    if (!kept) rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) run().then((r) => console.log(JSON.stringify(r)));
