/**
 * `vv-monitor`: the flows on .xlsx files, for batch work and CI. Exit codes: 0 fine, 1 validation
 * errors found, 2 an input could not be read (or bad usage). main() is the one way out: every error
 * becomes one line on stderr and an exit code, never a stack trace.
 */
import { Command, CommanderError } from "commander";
import type { Lang } from "../core/vocabulary";
import { WorkbookReadError } from "../xlsx/errors";
import { ExitError, type CliContext, type Io } from "./context";
import { M } from "./format";
import { buildProgram, langOption } from "./program";

export type { Io } from "./context";
export { findingsJson } from "./commands/validate";
export { totalsJson } from "./commands/totals";

const processIo: Io = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  isTTY: !!process.stderr.isTTY,
};

/**
 * The language asked for with --lang, read by commander before the real program is built: its help
 * texts and messages depend on it. A bad value falls back to Dutch; the real parse then reports it.
 */
export function requestedLang(argv: string[]): Lang {
  const pre = new Command()
    .addOption(langOption())
    .allowUnknownOption()
    .allowExcessArguments()
    .helpOption(false)
    .exitOverride()
    .configureOutput({ writeOut: () => {}, writeErr: () => {} });
  try {
    pre.parseOptions(argv);
    return pre.opts().lang === "en" ? "en" : "nl";
  } catch {
    return "nl";
  }
}

/** Run the command line; resolves with the exit code (never throws, never prints a stack trace). */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
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
    io.stderr(`vv-monitor: ${e.line(lang)}\n`);
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
