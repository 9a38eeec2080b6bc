/**
 * The June 2022 demo through a real .xlsx file: it validates with real findings, its totals equal the
 * data set's sums to the euro (computed here from the JSON, not through the core), export carries the
 * computed realisatiegraad, and the overview's formulas reference the computed columns.
 */
import { totals } from "../../src/core/calc";
import { OVERVIEW_SHEET, SHEETS } from "../../src/core/template";
import { exportRecords, validateFlow, writeDemo } from "../../src/workbook/flows";
import { XlsxPort } from "../../src/xlsx/port";
import { expectedSums, rawDataset, roundTrip, tempDir } from "./support";

const tmp = tempDir("vv-demo-");
afterAll(() => tmp.cleanup());

let file: XlsxPort;
beforeAll(async () => {
  const port = new XlsxPort();
  await writeDemo(port);
  file = await roundTrip(port, tmp.path("demo.xlsx"));
});

it("holds every project, milestone and indicator of the data set, stamped 2022-06-01", async () => {
  const raw = rawDataset();
  const snap = await file.read();
  expect(snap.stamp?.meetmoment).toBe("2022-06-01");
  const rows = (name: string) => snap.sheets.find((s) => s.name === name)!.tables[0].rows.length;
  expect(rows("Projecten")).toBe(raw.projects.length);
  expect(rows("Financiering")).toBe(raw.projects.length);
  expect(rows("Outputindicatoren")).toBe(
    raw.projects.reduce((n, p) => n + p.output_indicators.length, 0)
  );
  expect(snap.sheets.map((s) => s.name)).toContain(OVERVIEW_SHEET);
});

it("validates with the real findings, with the workbook's meetmoment", async () => {
  const r = await validateFlow(file);
  expect(r.meetmoment).toBe("2022-06-01");
  expect(r.records.projects).toHaveLength(180);
  expect(r.warnings).toBeGreaterThan(0);
  // With a meetmoment, overdue milestones are checked and no "meetmoment missing" warning is given.
  expect(r.findings.some((f) => f.rule === "milestone-overdue")).toBe(true);
  expect(r.findings.some((f) => f.rule === "meetmoment-missing")).toBe(false);
  for (const f of r.findings) {
    if (f.cell) expect(f.cell).toMatch(/^[A-Z]+\d+$/);
    expect(SHEETS.map((s) => s.name)).toContain(f.sheet);
  }
  const without = await validateFlow(file, { meetmoment: "2020-01-01" });
  expect(without.findings.filter((f) => f.rule === "milestone-overdue").length).toBeLessThan(
    r.findings.filter((f) => f.rule === "milestone-overdue").length
  );
});

it.each(["speerpunt", "cluster"] as const)(
  "totals per %s equal the data set's sums to the euro",
  async (by) => {
    const r = await validateFlow(file);
    const t = totals(r.records.projects, r.records.financing, by);
    const expected = expectedSums(by);
    expect(t.groups.map((g) => g.key).sort()).toEqual([...expected.keys()].sort());
    for (const g of t.groups) {
      const e = expected.get(g.key)!;
      expect(g.count).toBe(e.count);
      expect(Math.round(g.begroot * 100)).toBe(e.begroot);
      expect(Math.round(g.update * 100)).toBe(e.update);
      expect(Math.round(g.vak * 100)).toBe(e.vak);
      expect(Math.round(g.vek * 100)).toBe(e.vek);
    }
    const sum = (k: "begroot" | "vak") => [...expected.values()].reduce((n, e) => n + e[k], 0);
    expect(Math.round(t.total.begroot * 100)).toBe(sum("begroot"));
    expect(Math.round(t.total.vak * 100)).toBe(sum("vak"));
  }
);

it("exports every indicator with realisatiegraad computed as an unrounded fraction or null", async () => {
  const ex = exportRecords(await file.read());
  const raw = rawDataset().projects.flatMap((p) =>
    p.output_indicators.map((i) => ({ code: p.code, ...i }))
  );
  expect(ex.indicators).toHaveLength(raw.length);
  ex.indicators.forEach((ind, k) => {
    expect(ind).toHaveProperty("projectCode", raw[k].code);
    expect(ind).toHaveProperty("indicator");
    expect(ind).toHaveProperty("streefwaarde");
    expect(ind).toHaveProperty("realisatie");
    const { streefwaarde: s, realisatie: r } = raw[k];
    if (typeof s === "number" && typeof r === "number" && s !== 0)
      expect(ind.realisatiegraad).toBe(r / s);
    else expect(ind.realisatiegraad).toBeNull();
  });
  expect(ex.indicators.filter((i) => i.realisatiegraad !== null).length).toBeGreaterThan(100);
  expect(ex.financing[0]).toMatchObject({ projectCode: "VV001", envelop: "relance" });
});
