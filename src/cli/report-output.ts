/**
 * `-o <out.xlsx>` and `--pdf` of `kerncijfers` and `compare`: the report sheet written as the add-in writes
 * it (the same flows), saved with the commands' one way of writing files (`save`), and, with `--pdf`,
 * printed by LibreOffice beside it (the page layout of src/workbook/page-layout.ts), where it is installed.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, extname, join, resolve } from "node:path";
import type { Lang } from "../core/vocabulary";
import type { XlsxPort } from "../xlsx/port";
import { save, type CliContext } from "./context";

const T = {
  nl: {
    written: (f: string) => `Werkmap geschreven naar ${f}.\n`,
    pdf: (f: string) => `PDF geschreven naar ${f}.\n`,
    noSoffice:
      "vv-monitor: LibreOffice (soffice) is niet geïnstalleerd: geen PDF geschreven (de werkmap wel). Installeer LibreOffice, of druk de werkmap af vanuit Excel.\n",
    pdfFailed: (why: string) =>
      `vv-monitor: LibreOffice kon geen PDF maken (${why}); de werkmap is wel geschreven.\n`,
  },
  en: {
    written: (f: string) => `Workbook written to ${f}.\n`,
    pdf: (f: string) => `PDF written to ${f}.\n`,
    noSoffice:
      "vv-monitor: LibreOffice (soffice) is not installed: no PDF written (the workbook is). Install LibreOffice, or print the workbook from Excel.\n",
    pdfFailed: (why: string) =>
      `vv-monitor: LibreOffice could not make a PDF (${why}); the workbook is written.\n`,
  },
} as const;

/** `SOFFICE` names LibreOffice's binary; else the first of soffice, libreoffice on the PATH. */
export function findSoffice(): string | null {
  if (process.env.SOFFICE !== undefined) return process.env.SOFFICE || null;
  for (const name of ["soffice", "libreoffice"]) {
    const r = spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" });
    if (r.status === 0 && r.stdout.trim()) return r.stdout.trim();
  }
  return null;
}

/** Print `file` to a PDF beside it with LibreOffice (own profile, removed after); its path, or why not. */
export function printPdf(soffice: string, file: string): { pdf: string } | { error: string } {
  const profile = mkdtempSync(join(tmpdir(), "vv-lo-"));
  try {
    const r = spawnSync(
      soffice,
      [
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        dirname(resolve(file)),
        file,
      ],
      { encoding: "utf8", timeout: 300_000 }
    );
    if (r.error) return { error: r.error.message };
    if (r.status !== 0) return { error: (r.stderr || `exit ${r.status}`).trim() };
    return { pdf: join(dirname(resolve(file)), basename(file, extname(file)) + ".pdf") };
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Save the report workbook to `out`; with `pdf`, print it too. Messages on stderr (stdout is the report). */
export async function writeReport(
  ctx: CliContext,
  port: XlsxPort,
  out: string,
  opts: { pdf?: boolean; lang: Lang }
): Promise<void> {
  const t = T[opts.lang];
  await save(port, out, opts.lang);
  ctx.io.stderr(t.written(out));
  if (!opts.pdf) return;
  const soffice = findSoffice();
  if (!soffice) {
    ctx.io.stderr(t.noSoffice);
    return;
  }
  const r = printPdf(soffice, out);
  ctx.io.stderr("pdf" in r ? t.pdf(r.pdf) : t.pdfFailed(r.error));
}
