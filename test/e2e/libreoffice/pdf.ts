/**
 * LibreOffice's print of a workbook: `soffice --convert-to pdf` prints every visible sheet with its page
 * layout; poppler's `pdftotext` gives each page's text. Our header names the sheet at the right of its
 * first line (src/workbook/page-layout.ts: "&A"), which is how a page is told to belong to a sheet.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { basename, join } from "node:path";

/** Whether poppler's pdftotext and pdfinfo are installed. */
export function havePoppler(): boolean {
  return ["pdftotext", "pdfinfo"].every(
    (t) => spawnSync("sh", ["-c", `command -v ${t}`], { encoding: "utf8" }).status === 0
  );
}

/** Print `file` to PDF with a fresh profile in `dir`; returns the PDF's path. */
export function printToPdf(soffice: string, file: string, dir: string): string {
  const out = join(dir, "pdf-" + basename(file, ".xlsx"));
  mkdirSync(out, { recursive: true });
  execFileSync(
    soffice,
    [
      `-env:UserInstallation=file://${join(dir, ".lo-profile")}`,
      "--headless",
      "--convert-to",
      "pdf",
      "--outdir",
      out,
      file,
    ],
    { stdio: ["ignore", "pipe", "pipe"], timeout: 180_000 }
  );
  return join(out, basename(file, ".xlsx") + ".pdf");
}

/** The text of every page of a PDF, in order. */
export function pdfPages(pdf: string): string[] {
  const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
  const n = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
  // One pdftotext run; pages are separated by form feeds.
  const text = execFileSync("pdftotext", ["-layout", pdf, "-"], {
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  const pages = text.split("\f").slice(0, n);
  if (pages.length !== n) throw new Error(`${pdf}: ${n} pages, ${pages.length} texts`);
  return pages;
}

/** The sheet a page belongs to: the last word of its first line (the header's right part). */
export function pageSheet(page: string): string {
  const first = page.split("\n").find((l) => l.trim() !== "") ?? "";
  return first.trim().split(/\s+/).pop() ?? "";
}

/** Pages per sheet, in the order printed. */
export function pagesPerSheet(pages: readonly string[]): Map<string, string[]> {
  const by = new Map<string, string[]>();
  for (const p of pages) {
    const s = pageSheet(p);
    by.set(s, [...(by.get(s) ?? []), p]);
  }
  return by;
}
