/**
 * What every command shares: where output goes, the language, the exit code, and the few steps all
 * commands take the same way (checking a date, opening files one by one with progress, saving).
 * Commands gather their data with these and print it with format.ts; errors leave through ExitError
 * (or WorkbookReadError), which main() turns into one line on stderr and an exit code.
 */
import { SingleBar } from "cli-progress";
import type { Lang } from "../core/vocabulary";
import type { WorkbookSnapshot } from "../workbook/port";
import { WorkbookReadError } from "../xlsx/errors";
import type { XlsxPort } from "../xlsx/port";
import { readWorkbookFiles, type FileRead } from "../xlsx/stream/pool";
import { ExitError } from "./exit-error";
import { M } from "./format";
import { checkTarget, writeOutputFile } from "./output-file";
import { xlsxHost } from "../xlsx/host";

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /**
   * Resolves once stdout has taken what was written (a pipe whose reader is slower than the writer holds
   * the rest in memory until then); absent where output is collected in memory.
   */
  drained?: () => Promise<void>;
  /** Whether stderr is a terminal (progress bars only then). */
  isTTY: boolean;
}

/** What a command needs from the program around it. */
export interface CliContext {
  io: Io;
  /** The language of all output, known before the program is built (help texts depend on it). */
  lang: Lang;
  setExit: (code: number) => void;
}

export { ExitError } from "./exit-error";

/** A --meetmoment value: YYYY-MM-DD, else exit 2 with an example. */
export function checkDate(v: string | undefined, lang: Lang): string | undefined {
  if (v === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(v)))
    throw new ExitError(M[lang].badDate(v), 2);
  return v;
}

/**
 * Before the work starts: refuse an output that exists (an input or any other file) unless --force, a
 * folder, or a target whose folder is missing; one line, exit 2 (output-file.ts).
 */
export function checkNotInput(
  out: string,
  inputs: readonly string[],
  force: boolean,
  lang: Lang
): void {
  checkTarget(out, { force, lang, inputs });
}

/**
 * Save a workbook to `file` through the one safe writer (output-file.ts): refused when the file exists,
 * unless --force (`force`); written beside it and renamed into place; system errors in the user's words.
 */
export async function save(
  port: XlsxPort,
  file: string,
  lang: Lang,
  opts: { force?: boolean; inputs?: readonly string[] } = {}
): Promise<void> {
  await writeOutputFile(file, { force: !!opts.force, lang, inputs: opts.inputs }, (path) =>
    port.save(path)
  );
}

function progress(
  io: Io,
  total: number,
  label: string
): { tick: (name: string) => void; stop: () => void } {
  if (!io.isTTY || total < 2) return { tick: () => {}, stop: () => {} };
  const bar = new SingleBar({
    format: `${label} [{bar}] {value}/{total} {file}`,
    stream: process.stderr,
    clearOnComplete: true,
    hideCursor: true,
  });
  bar.start(total, 0, { file: "" });
  return { tick: (file) => bar.increment(1, { file }), stop: () => bar.stop() };
}

export interface ReadOutcome<T> {
  results: { file: string; value: T }[];
  failed: WorkbookReadError[];
}

/** Read several files one by one; unreadable files are reported (one line each) and counted. */
export async function eachFile<T>(
  ctx: CliContext,
  files: string[],
  label: string,
  fn: (file: string, port: XlsxPort) => Promise<T>
): Promise<ReadOutcome<T>> {
  const out: ReadOutcome<T> = { results: [], failed: [] };
  const bar = progress(ctx.io, files.length, label);
  // exceljs' object model, for the commands that write: loaded only by them.
  const { openXlsx } = xlsxHost();
  try {
    for (const file of files) {
      try {
        const port = await openXlsx(file);
        out.results.push({ file, value: await fn(file, port) });
      } catch (e) {
        if (!(e instanceof WorkbookReadError)) throw e;
        out.failed.push(e);
      }
      bar.tick(file);
    }
  } finally {
    bar.stop();
  }
  for (const e of out.failed) ctx.io.stderr(`vv-monitor: ${readErrorLine(e, ctx.lang)}\n`);
  return out;
}

/**
 * A file that cannot be read, in one line. Its kind (told from its bytes: a PDF, an .ods, text ...)
 * carries its own advice; only a file of unknown contents named like another spreadsheet program's file
 * gets the advice to save it as .xlsx (never a PDF: opening it in Excel does not make it a workbook).
 */
export function readErrorLine(e: WorkbookReadError, lang: Lang): string {
  const ext = /\.([a-z0-9]+)$/i.exec(e.file)?.[1]?.toLowerCase();
  const spreadsheet = ["ods", "xls", "xlsb", "numbers", "csv", "tsv", "txt"];
  const advice =
    e.kind === "not-xlsx" && ext && spreadsheet.includes(ext) ? M[lang].saveAsXlsx(ext) : "";
  return `${e.line(lang)}${advice}`;
}

/**
 * Read several files' snapshots for the commands that only read: the streaming read, on as many worker
 * threads as there are cores; results in the order of the files, unreadable files reported (one line each).
 */
export async function eachSnapshot(
  ctx: CliContext,
  files: string[],
  label: string,
  /** Called with each snapshot as soon as it is read (while other files are still being read). */
  onSnapshot?: (file: string, snapshot: WorkbookSnapshot) => void
): Promise<ReadOutcome<WorkbookSnapshot>> {
  const out: ReadOutcome<WorkbookSnapshot> = { results: [], failed: [] };
  const bar = progress(ctx.io, files.length, label);
  const onRead = (file: string, r: FileRead) => {
    bar.tick(file);
    if (onSnapshot && "snapshot" in r) onSnapshot(file, r.snapshot);
  };
  try {
    for (const r of await readWorkbookFiles(files, { onRead })) {
      if ("error" in r) out.failed.push(r.error);
      else out.results.push({ file: r.file, value: r.snapshot });
    }
  } finally {
    bar.stop();
  }
  for (const e of out.failed) ctx.io.stderr(`vv-monitor: ${readErrorLine(e, ctx.lang)}\n`);
  return out;
}
