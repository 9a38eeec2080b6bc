import { rate, realisatiegraad, roundHalfUp, totals } from "../../src/core/calc";
import type { Financing } from "../../src/core/schema";

describe("realisatiegraad", () => {
  test.each([
    // [realisatie, streefwaarde, options, expected fraction]
    [119000, 1650000, {}, 119000 / 1650000],
    [157, 200, {}, 0.785],
    [342, 200, {}, 1.71],
    [342, 200, { cap: true }, 1],
    // lower is better: from 100 to a target of 65 (−35 %), now at 80 → 20/35 of the way
    [80, 65, { baseline: 100 }, 20 / 35],
    // increase over a baseline: from 3,4 to 5,9 with a target of 6,4
    [5.9, 6.4, { baseline: 3.4 }, 2.5 / 3],
  ])("%p of %p with %p", (r, s, o, expected) => {
    const res = realisatiegraad(r, s, o);
    expect(res.ok).toBe(true);
    if (res.ok) expect(res.value).toBeCloseTo(expected, 12);
  });

  test("the report's examples after half-up rounding: 7,2 % and 79 %", () => {
    const a = realisatiegraad(119000, 1650000);
    const b = realisatiegraad(157, 200);
    expect(a.ok && roundHalfUp(a.value * 100, 1)).toBe(7.2);
    expect(b.ok && roundHalfUp(b.value * 100, 0)).toBe(79);
  });

  test("a target of 0 is an explicit division error, not Infinity", () => {
    expect(realisatiegraad(5, 0)).toMatchObject({ ok: false, error: "div0" });
    expect(realisatiegraad(5, 10, { baseline: 10 })).toMatchObject({ ok: false, error: "div0" });
  });
  test("missing values are #N/A", () => {
    expect(realisatiegraad(null, 10)).toMatchObject({ ok: false, error: "na" });
    expect(realisatiegraad(5, null)).toMatchObject({ ok: false, error: "na" });
    expect(realisatiegraad(5, 10, { baseline: NaN })).toMatchObject({ ok: false, error: "value" });
  });
});

describe("roundHalfUp", () => {
  test.each([
    [7.25, 1, 7.3],
    [1.005, 2, 1.01],
    [78.5, 0, 79],
    [2.675, 2, 2.68],
    [-2.5, 0, -3],
    [13.385, 2, 13.39],
    [0, 2, 0],
  ])("%p at %p decimals → %p", (x, d, e) => {
    expect(roundHalfUp(x, d)).toBe(e);
  });
});

test("rate never divides by zero", () => {
  expect(rate(5, 0)).toBeNull();
  expect(rate(5, 10)).toBe(0.5);
});

describe("totals", () => {
  const projects = [
    {
      code: "VV001",
      title: "A",
      cluster: "05. Versterking O&O",
      speerpunt: "01. Economie en samenleving verduurzamen" as const,
    },
    {
      code: "VV002",
      title: "B",
      cluster: "06. Blue deal",
      speerpunt: "01. Economie en samenleving verduurzamen" as const,
    },
    {
      code: "VV170",
      title: "C",
      cluster: "35. Extra relanceprojecten",
      speerpunt: "07. De overheid efficiënter maken" as const,
    },
  ];
  const fin = (
    projectCode: string,
    begroot: number,
    update: number | null,
    vak: number,
    vek: number
  ) => ({ projectCode, begroot, update, vak, vek }) as Financing;
  const f = [
    fin("VV001", 100, 80, 40, 20),
    fin("VV002", 50, null, 50, 10),
    fin("VV170", 10, 10, 0, 0),
    fin("VV999", 1, null, 1, 1),
  ];

  test("per speerpunt, with the effective budget and rates; unknown projects keep their euros in a '?' group", () => {
    const t = totals(projects, f, "speerpunt");
    expect(t.groups.map((g) => [g.key, g.count, g.begroot, g.update, g.vak, g.vek])).toEqual([
      ["01. Economie en samenleving verduurzamen", 2, 150, 130, 90, 30],
      ["07. De overheid efficiënter maken", 1, 10, 10, 0, 0],
      ["?", 1, 1, 1, 1, 1],
    ]);
    expect(t.total).toMatchObject({ count: 4, begroot: 161, update: 141, vak: 91, vek: 31 });
    expect(t.groups[0].vakRate).toBeCloseTo(90 / 130);
    expect(t.groups[0].vekOnVak).toBeCloseTo(30 / 90);
    expect(t.groups[1].vekOnVak).toBeNull();
  });
  test("per envelope: VV001–158 against the 4.3 billion, relance first as on the Overzicht", () => {
    const t = totals(projects, f, "envelop");
    expect(t.groups.map((g) => [g.key, g.vak])).toEqual([
      ["relance", 90],
      ["regulier", 0],
      ["?", 1],
    ]);
    expect(t.recovery).toMatchObject({ vak: 90, vek: 30, budget: 4.3e9 });
  });
  test("per cluster and per project", () => {
    expect(totals(projects, f, "cluster").groups.map((g) => g.key)).toEqual(
      ["05. Versterking O&O", "06. Blue deal", "35. Extra relanceprojecten", "?"].sort()
    );
    expect(totals(projects, f, "project", "en").groups.find((g) => g.key === "VV001")?.label).toBe(
      "A"
    );
  });
});
