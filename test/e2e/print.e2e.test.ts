/**
 * End to end: the demo workbook printed by LibreOffice (PDF). Before the page layout it printed on 231
 * pages, the Overzicht on 8 with its labels and its numbers on different pages. Now: fewer than half, the
 * Overzicht and the Instructies on at most 2 pages each, and every page of a data sheet one page wide
 * (its first and its last header both on it: the header row repeated, no column cut off to a next page).
 *
 * soffice or poppler missing: the suite fails under CI=true, else it is skipped with a message.
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { OVERVIEW_SHEET, SHEETS } from "../../src/core/template";
import { findSoffice } from "./libreoffice/soffice";
import { havePoppler, pagesPerSheet, pdfPages, printToPdf } from "./libreoffice/pdf";
import { tempDir } from "../flows/support";

const soffice = findSoffice();
const inCi = process.env.CI === "true" || process.env.CI === "1";
const ready = !!soffice && havePoppler();

if (!ready && inCi) {
  it("needs LibreOffice (soffice) and poppler-utils under CI", () => {
    throw new Error(
      "soffice or pdftotext/pdfinfo not found: install libreoffice-calc-nogui and poppler-utils"
    );
  });
} else if (!ready) {
  it.skip("LibreOffice or poppler-utils is not installed: print check skipped", () => {});
} else {
  const tmp = tempDir("vv-print-");
  afterAll(() => tmp.cleanup());
  const root = join(__dirname, "../..");
  let pages: string[];
  let bySheet: Map<string, string[]>;
  beforeAll(() => {
    execFileSync(
      process.execPath,
      [join(root, "bin/vv-monitor.cjs"), "demo", tmp.path("demo.xlsx")],
      {
        cwd: root,
      }
    );
    pages = pdfPages(printToPdf(soffice!, tmp.path("demo.xlsx"), tmp.dir));
    bySheet = pagesPerSheet(pages);
  });

  it("prints the demo on fewer than half of the 231 pages it took before", () => {
    expect(pages.length).toBeLessThan(231 / 2);
    // Every page belongs to a sheet of the workbook (its header names it).
    const names = ["Instructies", ...SHEETS.map((s) => s.name), OVERVIEW_SHEET];
    expect([...bySheet.keys()].sort()).toEqual([...names].sort());
  });

  it("prints the Overzicht and the Instructies on at most 2 pages each", () => {
    expect(bySheet.get(OVERVIEW_SHEET)!.length).toBeLessThanOrEqual(2);
    expect(bySheet.get("Instructies")!.length).toBeLessThanOrEqual(2);
    // The Overzicht's labels and their numbers on the same page.
    const first = bySheet.get(OVERVIEW_SHEET)![0];
    expect(first).toMatch(/Totaal\s+180\s+13[.,]310[.,]401[.,]000/);
  });

  it.each(SHEETS.map((s) => s.name))("%s: one page wide, its header row on every page", (name) => {
    const spec = SHEETS.find((s) => s.name === name)!;
    const firstHeader = spec.columns[0].header;
    const lastHeader = spec.columns[spec.columns.length - 1].header;
    const own = bySheet.get(name)!;
    expect(own.length).toBeGreaterThan(0);
    for (const p of own) {
      expect(p).toContain(firstHeader);
      // The last header can be wrapped over two lines at this scale: its first word suffices.
      expect(p).toContain(lastHeader.split(" ")[0]);
    }
  });
}
