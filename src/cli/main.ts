/**
 * `vv-monitor`: the flows on .xlsx files, for batch work and CI. Exit codes: 0 fine, 1 validation
 * errors found, 2 an input could not be read (or bad usage). main() is the one way out: every error
 * becomes one line on stderr and an exit code, never a stack trace.
 */
import type { Writable } from "node:stream";
import { CommanderError } from "commander";
import type { Lang } from "../core/vocabulary";
import { WorkbookReadError } from "../xlsx/errors";
import { ExitError, readErrorLine, type CliContext, type Io } from "./context";
import { M } from "./format";
import { buildProgram } from "./program";

export type { Io } from "./context";
export { findingsJson } from "./commands/validate";
export { totalsJson } from "./commands/totals";

/**
 * The process's streams. A reader that stops early (`vv-monitor export x.xlsx --json | head -1`) closes
 * the pipe: the rest of the output has nowhere to go and is dropped, without an EPIPE stack trace.
 */
function processIo(): Io {
  const closed = { stdout: false, stderr: false };
  for (const name of ["stdout", "stderr"] as const)
    process[name].on("error", (e: NodeJS.ErrnoException) => {
      if (e.code !== "EPIPE") throw e;
      closed[name] = true;
    });
  return {
    stdout: (s) => void (closed.stdout || process.stdout.write(s)),
    stderr: (s) => void (closed.stderr || process.stderr.write(s)),
    drained: () => drained(process.stdout, () => closed.stdout),
    isTTY: !!process.stderr.isTTY,
  };
}

/**
 * Resolves when `stream` has handed its buffered writes on ('drain'), at once when nothing waits; also
 * when the stream is closed or fails (the reader went away: the rest is dropped, see above).
 */
export function drained(stream: Writable, closed: () => boolean = () => false): Promise<void> {
  if (closed() || !stream.writableNeedDrain || stream.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      for (const e of ["drain", "close", "error"]) stream.off(e, done);
      resolve();
    };
    for (const e of ["drain", "close", "error"]) stream.on(e, done);
  });
}

/**
 * The language asked for with --lang (anywhere before "--"), known before the program is built: its help
 * texts and messages depend on it. Anything but "en" is Dutch; the real parse reports a bad value.
 */
export function requestedLang(argv: string[]): Lang {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--") break;
    if (a === "--lang") return argv[i + 1] === "en" ? "en" : "nl";
    if (a.startsWith("--lang=")) return a.slice("--lang=".length) === "en" ? "en" : "nl";
  }
  return "nl";
}

/** Run the command line; resolves with the exit code (never throws, never prints a stack trace). */
export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  let code = 0;
  const lang = requestedLang(argv);
  const ctx: CliContext = { io, lang, setExit: (c) => (code = c) };
  try {
    await buildProgram(ctx).parseAsync(argv, { from: "user" });
    return code;
  } catch (e) {
    return exitCodeOf(e, ctx);
  }
}

/** The one error exit: a line on stderr for the user, and the exit code. */
function exitCodeOf(e: unknown, { io, lang }: CliContext): number {
  if (e instanceof CommanderError) {
    const done = ["commander.helpDisplayed", "commander.version", "commander.help"];
    return done.includes(e.code) ? 0 : 2;
  }
  if (e instanceof WorkbookReadError) {
    io.stderr(`vv-monitor: ${readErrorLine(e, lang)}\n`);
    return 2;
  }
  if (e instanceof ExitError) {
    io.stderr(`vv-monitor: ${e.message}\n`);
    return e.code;
  }
  const err = e as Error;
  io.stderr(`vv-monitor: ${M[lang].internal}: ${err?.message ?? String(e)}\n`);
  if (process.env.VV_DEBUG) io.stderr(`${err?.stack}\n`);
  return 2;
}
