/**
 * End to end: the CSV for Excel in Dutch (`export --csv <dir> --excel`) opened by LibreOffice as a Dutch
 * (Belgium) user opens a CSV: semicolon, double quotes, UTF-8, language nl-BE (2067). Converted to .xlsx
 * and read back with openpyxl: one column per field, the template's headers, accents intact, and the numbers
 * with a decimal comma read as numbers (not as text: a decimal point, in this locale, would not be).
 *
 * soffice missing: the suite fails under CI=true (.ci/run installs libreoffice-calc-nogui), else it is skipped.
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { withSoffice } from "./libreoffice/soffice";
import { tempDir } from "../flows/support";
import { mergedSmall } from "../support/merged-small";
import { run } from "../cli/run";

/** Open `csv` in LibreOffice with the Dutch CSV settings, save it as .xlsx, read the cells back. */
function openedInDutch(soffice: string, csv: string, dir: string): unknown[][] {
  execFileSync(
    soffice,
    [
      `-env:UserInstallation=file://${join(dir, ".lo-profile")}`,
      "--headless",
      // Field separator ; (59), text delimiter " (34), UTF-8 (76), from line 1, standard cells, nl-BE.
      "--infilter=CSV:59,34,76,1,,2067",
      "--convert-to",
      "xlsx",
      "--outdir",
      join(dir, "lo"),
      csv,
    ],
    { stdio: ["ignore", "pipe", "pipe"], timeout: 180_000 }
  );
  const xlsx = join(
    dir,
    "lo",
    csv
      .split("/")
      .pop()!
      .replace(/\.csv$/, ".xlsx")
  );
  const py = `import json, sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1]).active
print(json.dumps([list(r) for r in ws.iter_rows(values_only=True)], default=str))`;
  return JSON.parse(execFileSync("/usr/bin/python3", ["-c", py, xlsx], { encoding: "utf8" }));
}

withSoffice((soffice) => {
  const tmp = tempDir("vv-csvlo-");
  afterAll(() => tmp.cleanup());
  let indicators: unknown[][];
  let projects: unknown[][];
  beforeAll(async () => {
    const { merged } = await mergedSmall(tmp.path);
    const dir = tmp.path("excel");
    expect((await run("export", merged, "--csv", dir, "--excel")).code).toBe(0);
    indicators = openedInDutch(soffice, join(dir, "outputindicatoren-excel.csv"), tmp.dir);
    projects = openedInDutch(soffice, join(dir, "projecten-excel.csv"), tmp.dir);
  }, 300_000);

  it("opens as columns with the template's headers", () => {
    expect(indicators[0]).toEqual([
      "Projectcode",
      "Indicator",
      "Streefwaarde",
      "Timing",
      "Realisatie",
      "Streefwaarde (toelichting)",
      "Realisatie (toelichting)",
      "Realisatiegraad (berekend)",
      "Realisatiegraad (gerapporteerd)",
      "Bronbestand",
    ]);
    expect(new Set(projects.map((r) => r.length)).size).toBe(1);
    expect(projects).toHaveLength(1 + 5);
  });

  it("reads the decimal commas as numbers and keeps the accents", () => {
    const vv001 = indicators.find((r) => r[0] === "VV001")!;
    expect(vv001[1]).toContain("m²");
    expect(vv001[2]).toBe(1650000);
    expect(vv001[4]).toBe(119000);
    expect(typeof vv001[7]).toBe("number");
    expect(vv001[7] as number).toBeCloseTo(119000 / 1650000, 12);
    expect(vv001[8]).toBeCloseTo(0.072, 12);
  });
});
