/**
 * Native charts in the files the command line writes (src/xlsx/chart-parts.ts): the Overzicht of the demo
 * carries the charts the add-in draws in Excel, read back from the saved package (sheet → drawing → chart
 * relationships) against the figures: series, categories, cached values, status colours.
 */
import { OVERVIEW_SHEET } from "../../src/core/template";
import { MILESTONE_STATUSES, PROJECT_STATUSES } from "../../src/core/vocabulary";
import { demoDataset, writeDemo } from "../../src/workbook/flows";
import { XlsxPort } from "../../src/xlsx/port";
import { chartsOf, type ChartRead } from "../support/chart-parts";

let charts: ChartRead[];
let data: ReturnType<typeof demoDataset>;
beforeAll(async () => {
  const port = new XlsxPort();
  data = await writeDemo(port);
  charts = await chartsOf(await port.toBuffer(), OVERVIEW_SHEET);
}, 120_000);

it("puts the add-in's four charts on the Overzicht", () => {
  expect(charts.map((c) => [c.kind, c.title])).toEqual([
    ["bar", expect.stringMatching(/VAK en VEK per speerpunt/)],
    ["pie", expect.stringMatching(/envelop/)],
    ["pie", expect.stringMatching(/Projecten per status/)],
    ["pie", expect.stringMatching(/Mijlpalen per status/)],
  ]);
});

it("counts the projects per status in the status colours", () => {
  const pie = charts[2];
  expect(pie.categories).toEqual(PROJECT_STATUSES.map((s) => s.label));
  const counts = PROJECT_STATUSES.map(
    (s) => data.records.projects.filter((p) => p.status === s.label).length
  );
  expect(pie.series).toHaveLength(1);
  expect(pie.series[0].values).toEqual(counts);
  expect(pie.series[0].valRef).toMatch(/^'?Overzicht'?!\$B\$\d+:\$B\$\d+$/);
  expect(pie.pointColours).toEqual(PROJECT_STATUSES.map((s) => s.fill.slice(1).toUpperCase()));
});

it("counts the milestones per status in the status colours", () => {
  const pie = charts[3];
  expect(pie.categories).toEqual(MILESTONE_STATUSES.map((s) => s.label));
  expect(pie.series[0].values).toEqual(
    MILESTONE_STATUSES.map(
      (s) => data.records.milestones.filter((m) => m.status === s.label).length
    )
  );
  expect(pie.pointColours).toEqual(MILESTONE_STATUSES.map((s) => s.fill.slice(1).toUpperCase()));
});

it("sets VAK and VEK per speerpunt against the budget, summed from the records", () => {
  const bar = charts[0];
  const vak = bar.series.find((s) => s.name === "Uitvoering VAK")!;
  const vek = bar.series.find((s) => s.name === "Uitvoering VEK")!;
  expect(bar.series.map((s) => s.name)).toContain("Beleidsruimte (begroot)");
  expect(bar.categories).toHaveLength(7);
  const fin = new Map(data.records.financing.map((f) => [f.projectCode, f]));
  bar.categories.forEach((label, i) => {
    const codes = data.records.projects.filter((p) => p.speerpunt === label).map((p) => p.code);
    const sum = (k: "vak" | "vek") =>
      codes.reduce((n, c) => n + ((fin.get(c) as unknown as Record<string, number>)?.[k] ?? 0), 0);
    expect(vak.values[i]).toBe(sum("vak"));
    expect(vek.values[i]).toBe(sum("vek"));
  });
});
