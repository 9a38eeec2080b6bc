/**
 * Issue 26 item 6, recomputed by LibreOffice: the merged workbook of two files that report VV058
 * differently, opened and recalculated by a real spreadsheet program, shows in every Overzicht total what
 * `totals` of the inputs (and of the merged workbook) says: the later file's row is not in the tables its
 * formulas add up. The stored results (what Excel shows): test/cli/merge-conflict.test.ts.
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { csvNumber, withSoffice, sheetsAsCsv } from "./libreoffice/soffice";
import { withoutStoredResults } from "./libreoffice/stored-results";
import { tempDir } from "../flows/support";
import { CONFLICT_TOTAL, conflictFiles } from "../flows/conflict-files";

withSoffice((soffice) => {
  const tmp = tempDir("vv-lo-conflict-");
  afterAll(() => tmp.cleanup());
  const root = join(__dirname, "../..");
  const cli = (...args: string[]) => {
    try {
      return execFileSync(process.execPath, [join(root, "bin/vv-monitor.cjs"), ...args], {
        cwd: root,
        encoding: "utf8",
      });
    } catch (e) {
      // merge exits 1 on the conflict: its output is still the merge's.
      return (e as { stdout: string }).stdout;
    }
  };

  it("every Overzicht total, recalculated, equals totals of the inputs and of the merged workbook", async () => {
    const [a, b, m] = ["a.xlsx", "b.xlsx", "m.xlsx"].map((f) => tmp.path(f));
    await conflictFiles(a, b);
    expect(cli("merge", a, b, "-o", m)).toContain("VV058");
    const figures = (t: Record<string, number>) =>
      (["count", "begroot", "update", "vak", "vek"] as const).map((k) => t[k]);
    const ofInputs = JSON.parse(cli("totals", a, b, "--json")).total;
    const ofMerged = JSON.parse(cli("totals", m, "--json")).total;
    expect(figures(ofInputs)).toEqual(figures(CONFLICT_TOTAL));
    expect(figures(ofMerged)).toEqual(figures(CONFLICT_TOTAL));
    // LibreOffice shows stored results as they are: without them, it must compute every formula.
    const bare = tmp.path("m-bare.xlsx");
    expect(await withoutStoredResults(m, bare)).toBeGreaterThan(10);
    const overview = sheetsAsCsv(soffice, bare, tmp.dir).get("Overzicht")!;
    const totals = overview.filter((row) => row[0] === "Totaal");
    expect(totals.length).toBeGreaterThan(0);
    for (const row of totals)
      expect(row.slice(1, 6).map(csvNumber)).toEqual(figures(CONFLICT_TOTAL));
  });
});
