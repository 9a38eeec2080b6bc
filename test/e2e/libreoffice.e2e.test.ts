/**
 * End to end: the command line writes the template and the June 2022 demo; LibreOffice (headless, a real
 * spreadsheet program, without the add-in) opens them, computes every formula and exports each sheet as
 * CSV. Checked: headers, values, and that the computed columns and the Overzicht totals are real numbers
 * (no #NAME?, no Err:) equal to the data set's own figures.
 *
 * soffice missing: the suite fails under CI=true (.ci/run installs libreoffice-calc-nogui), else it is
 * skipped with a message.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { join } from "node:path";
import { LISTS, SHEETS } from "../../src/core/template";
import { csvNumber, findSoffice, sheetsAsCsv } from "./libreoffice/soffice";
import { expectedSums, rawDataset, tempDir } from "../flows/support";

const soffice = findSoffice();
const inCi = process.env.CI === "true" || process.env.CI === "1";

if (!soffice && inCi) {
  it("needs LibreOffice (soffice) under CI", () => {
    throw new Error(
      "soffice not found: install libreoffice-calc-nogui (apt-get install -y --no-install-recommends libreoffice-calc-nogui)"
    );
  });
} else if (!soffice) {
  it.skip("LibreOffice (soffice) is not installed: end-to-end check skipped", () => {});
} else {
  const tmp = tempDir("vv-lo-");
  afterAll(() => tmp.cleanup());
  const root = join(__dirname, "../..");
  const cli = (...args: string[]) =>
    execFileSync(process.execPath, [join(root, "bin/vv-monitor.cjs"), ...args], {
      cwd: root,
      encoding: "utf8",
    });

  let template: Map<string, string[][]>;
  let demo: Map<string, string[][]>;
  let annotated: Map<string, string[][]>;
  let findings: { sheet: string; cell: string | null; rule: string }[];
  beforeAll(() => {
    cli("template", tmp.path("template.xlsx"), "--meetmoment", "2022-06-01");
    cli("demo", tmp.path("demo.xlsx"));
    const v = spawnSync(
      process.execPath,
      [
        join(root, "bin/vv-monitor.cjs"),
        "validate",
        tmp.path("demo.xlsx"),
        "--json",
        "--annotate",
        tmp.path("annotated.xlsx"),
      ],
      { cwd: root, encoding: "utf8" }
    );
    expect(v.status).toBe(1); // the demo has errors
    findings = JSON.parse(v.stdout);
    template = sheetsAsCsv(soffice, tmp.path("template.xlsx"), tmp.dir);
    demo = sheetsAsCsv(soffice, tmp.path("demo.xlsx"), tmp.dir);
    annotated = sheetsAsCsv(soffice, tmp.path("annotated.xlsx"), tmp.dir);
  });

  const noErrors = (sheets: Map<string, string[][]>) => {
    for (const [name, rows] of sheets)
      for (const row of rows)
        for (const cell of row)
          if (/^(#NAME\?|#VALUE!|#REF!|#N\/A|#DIV\/0!|Err:\d+)/.test(cell))
            throw new Error(`${name}: ${cell}`);
  };

  it("opens the template: the four sheets with the schema's headers, the lists, no formula errors", () => {
    for (const s of SHEETS)
      expect(template.get(s.name)?.[0]).toEqual(s.columns.map((c) => c.header));
    const lists = template.get("Lijsten")!;
    LISTS.forEach((l, i) => {
      expect(lists[0][i]).toBe(l.name);
      expect(lists.slice(1, l.values.length + 1).map((r) => r[i])).toEqual([...l.values]);
    });
    // The empty template's overview computes (zeros), it does not show errors.
    const totals = template.get("Overzicht")!.filter((row) => row[0] === "Totaal");
    expect(totals.length).toBe(3);
    for (const row of totals) expect(row.slice(1, 6).map(csvNumber)).toEqual([0, 0, 0, 0, 0]);
    noErrors(template);
  });

  it("opens the demo: values as in the data set, no formula errors", () => {
    const raw = rawDataset();
    const projecten = demo.get("Projecten")!;
    expect(projecten.slice(1).map((r) => r[0])).toEqual(raw.projects.map((p) => p.code));
    const fin = demo.get("Financiering")!;
    const h = fin[0];
    const col = (name: string) => h.indexOf(name);
    raw.projects.forEach((p, i) => {
      const row = fin[i + 1];
      expect(row[0]).toBe(p.code);
      expect(csvNumber(row[col("Beleidsruimte (begroot)")])).toBe(
        p.financing.beleidsruimte_begroot
      );
      // Computed by LibreOffice from the lookup formulas.
      expect(row[col("Speerpunt (berekend)")]).toBe(p.speerpunt.label);
      expect(row[col("Cluster (berekend)")]).toBe(p.cluster.label);
      expect(row[col("Envelop (berekend)")]).toBe(
        Number(p.code.slice(2)) <= 158 ? "relance" : "regulier"
      );
    });
    noErrors(demo);
  });

  it("computes Berekende realisatiegraad with plain formulas", () => {
    const ind = demo.get("Outputindicatoren")!;
    const h = ind[0];
    const [s, r, c] = ["Streefwaarde", "Realisatie", "Berekende realisatiegraad"].map((n) =>
      h.indexOf(n)
    );
    let computed = 0;
    for (const row of ind.slice(1)) {
      const sv = csvNumber(row[s]);
      const rv = csvNumber(row[r]);
      if (sv !== null && rv !== null && sv !== 0) {
        expect(csvNumber(row[c])).toBeCloseTo(rv / sv, 10);
        computed++;
      } else expect(row[c]).toBe("");
    }
    expect(computed).toBeGreaterThan(100);
  });

  it.each(["speerpunt", "cluster"] as const)(
    "Overzicht per %s equals the data set's sums to the euro",
    (by) => {
      const ov = demo.get("Overzicht")!;
      const expected = expectedSums(by);
      const header = ov.findIndex(
        (row) => row[0] === (by === "speerpunt" ? "Speerpunt" : "Cluster")
      );
      expect(header).toBeGreaterThan(0);
      expect(ov[header].slice(1, 6)).toEqual([
        "Aantal projecten",
        "Beleidsruimte (begroot)",
        "Beleidsruimte (update)",
        "Uitvoering VAK",
        "Uitvoering VEK",
      ]);
      let seen = 0;
      const totals = { begroot: 0, update: 0, vak: 0, vek: 0 };
      for (const row of ov.slice(header + 1)) {
        if (row[0] === "Totaal") {
          expect(Math.round(csvNumber(row[2])! * 100)).toBe(totals.begroot);
          expect(Math.round(csvNumber(row[3])! * 100)).toBe(totals.update);
          expect(Math.round(csvNumber(row[4])! * 100)).toBe(totals.vak);
          expect(Math.round(csvNumber(row[5])! * 100)).toBe(totals.vek);
          break;
        }
        const e = expected.get(row[0]) ?? { count: 0, begroot: 0, update: 0, vak: 0, vek: 0 };
        expect([row[0], csvNumber(row[1])]).toEqual([row[0], e.count]);
        expect(Math.round(csvNumber(row[2])! * 100)).toBe(e.begroot);
        expect(Math.round(csvNumber(row[3])! * 100)).toBe(e.update);
        expect(Math.round(csvNumber(row[4])! * 100)).toBe(e.vak);
        expect(Math.round(csvNumber(row[5])! * 100)).toBe(e.vek);
        for (const k of ["begroot", "update", "vak", "vek"] as const) totals[k] += e[k];
        seen++;
      }
      expect(seen).toBeGreaterThanOrEqual(expected.size);
    }
  );

  it("opens the annotated copy: the Validatie sheet lists every finding with its cell, no formula errors", () => {
    const v = annotated.get("Validatie")!;
    const header = v.findIndex((row) => row[0] === "Regel" && row[2] === "Tabblad");
    expect(header).toBeGreaterThan(0);
    const rows = v.slice(header + 1).filter((row) => row[0]);
    expect(rows).toHaveLength(findings.length);
    // The cell column is a HYPERLINK formula: LibreOffice shows its text, the address.
    const withCell = findings
      .filter((f) => f.cell)
      .map((f) => `${f.sheet}!${f.cell}`)
      .sort();
    expect(
      rows
        .filter((row) => row[3])
        .map((row) => `${row[2]}!${row[3]}`)
        .sort()
    ).toEqual(withCell);
    // Each rule by its Dutch title, its code beside it.
    expect(new Set(rows.map((row) => row[1]))).toEqual(new Set(findings.map((f) => f.rule)));
    expect(rows.every((row) => row[0] !== row[1])).toBe(true);
    noErrors(annotated);
  });
}
