/**
 * The one way the command line writes a file (template, demo, convert, validate --annotate, merge -o,
 * export --csv, and every output option to come). Two promises to the user:
 *
 * - Nothing is overwritten by accident: an existing target is refused without --force, with one line that
 *   says so and how (exit 2); the check is made before the work starts (`checkTarget`) and again, without
 *   a race, when the file is put in place (a hard link fails on an existing name).
 * - Nothing is left half-written: the file is written under a temporary name in the target's folder,
 *   flushed to disk, then renamed into place (a rename within a folder is atomic). An interrupted command
 *   leaves the old file or the whole new one, never a broken one; the temporary file is removed on failure
 *   and on Ctrl+C (SIGINT) or SIGTERM. (A SIGKILL cannot be caught: it may leave the temporary file, a
 *   hidden `.name.….vv-monitor.tmp` beside the target, but never touches the target.)
 *
 * System errors become one line naming the file and what to do (write-errors.ts).
 */
import { lstatSync, statSync, unlinkSync } from "node:fs";
import { chmod, link, open, rename, rm, unlink, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { Lang } from "../core/vocabulary";
import { ExitError } from "./exit-error";
import { M } from "./format";
import { writeErrorLine, writeProblem, type WriteProblem } from "./write-errors";

export interface OutputOptions {
  /** --force: replace an existing file (also one of the inputs). */
  force: boolean;
  lang: Lang;
  /** The command's input files: writing over one of them gets its own message. */
  inputs?: readonly string[];
}

const fail = (file: string, problem: WriteProblem, lang: Lang, code?: string) =>
  new ExitError(writeErrorLine(file, problem, lang, code), 2);

const identity = (f: string) => {
  try {
    const s = statSync(f);
    return `${s.dev}:${s.ino}`;
  } catch {
    return null;
  }
};

/**
 * Check before the work starts that `target` can be written: not a folder, its folder there, and not an
 * existing file (nor one of the inputs) unless --force. Throws an ExitError (exit 2) with one line.
 */
export function checkTarget(target: string, opts: OutputOptions): void {
  let existing: ReturnType<typeof lstatSync> | undefined;
  try {
    existing = lstatSync(target);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== "ENOENT") throw fail(target, writeProblem(target, code), opts.lang, code);
  }
  if (existing?.isDirectory()) throw fail(target, "folder", opts.lang);
  if (!existing) {
    let dir: ReturnType<typeof statSync> | undefined;
    try {
      dir = statSync(dirname(target));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw fail(target, writeProblem(target, code), opts.lang, code);
    }
    if (!dir.isDirectory()) throw fail(target, "not-a-folder", opts.lang);
    return;
  }
  if (opts.force) return;
  const id = identity(target);
  if (id && (opts.inputs ?? []).some((f) => identity(f) === id))
    throw new ExitError(M[opts.lang].overwriteInput(target), 2);
  throw fail(target, "exists", opts.lang);
}

// ---- temporary files, removed on failure and on a signal ----------------------------------------------

const live = new Set<string>();
let sequence = 0;

function removeLive() {
  for (const f of live) {
    try {
      unlinkSync(f);
    } catch {
      // Already gone (renamed into place, or never created).
    }
  }
  live.clear();
}

const onSignal = (signal: NodeJS.Signals) => {
  removeLive();
  // The shell's convention for a command ended by a signal: 128 + its number.
  process.exit(signal === "SIGINT" ? 130 : 143);
};

function track(tmp: string) {
  if (live.size === 0) {
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
    process.on("exit", removeLive);
  }
  live.add(tmp);
}

function untrack(tmp: string) {
  live.delete(tmp);
  if (live.size === 0) {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    process.off("exit", removeLive);
  }
}

/** A name beside `target`, hidden, unique to this process and write. */
function temporaryName(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}-${++sequence}.vv-monitor.tmp`);
}

/** Flush the written file to the disk, so that the rename never puts an unwritten file in place. */
async function flush(file: string) {
  const fh = await open(file, "r+");
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/** Put the finished temporary file at `target`: atomically, and never over an existing file without force. */
async function place(tmp: string, target: string, opts: OutputOptions) {
  if (opts.force) {
    // Keep the replaced file's permissions (a file shared with a group stays shared).
    try {
      await chmod(tmp, statSync(target).mode & 0o7777);
    } catch {
      // No file there (or not ours to read): the new file keeps the default permissions.
    }
    await rename(tmp, target);
    return;
  }
  try {
    // A hard link fails with EEXIST when the name is taken, even by a file made since checkTarget.
    await link(tmp, target);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EEXIST") throw fail(target, "exists", opts.lang);
    // A file system without hard links (some network and USB disks): check, then rename.
    if (!["EPERM", "ENOTSUP", "ENOSYS", "EXDEV", "EOPNOTSUPP", "EMLINK"].includes(code ?? ""))
      throw e;
    checkTarget(target, opts);
    await rename(tmp, target);
    return;
  }
  await unlink(tmp);
}

/**
 * Write `target` through `write`, which writes the whole file at the path it is given (a temporary name in
 * the same folder). Throws an ExitError (exit 2) with one line when the file cannot be written; the target
 * is then as it was.
 */
export async function writeOutputFile(
  target: string,
  opts: OutputOptions,
  write: (path: string) => Promise<void>
): Promise<void> {
  checkTarget(target, opts);
  const tmp = temporaryName(target);
  track(tmp);
  try {
    await write(tmp);
    await flush(tmp);
    await place(tmp, target, opts);
  } catch (e) {
    await rm(tmp, { force: true }).catch(() => {});
    if (e instanceof ExitError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    // A system error (a code like EACCES): said in the user's words. Anything else is a fault of ours.
    if (typeof code === "string" && /^E[A-Z]+$/.test(code))
      throw fail(target, writeProblem(target, code), opts.lang, code);
    throw e;
  } finally {
    untrack(tmp);
  }
}

/** Write text (UTF-8) or bytes to `target`, the same safe way. */
export function writeOutputText(
  target: string,
  opts: OutputOptions,
  content: string | Uint8Array
): Promise<void> {
  return writeOutputFile(target, opts, (path) => writeFile(path, content, { flag: "wx" }));
}
