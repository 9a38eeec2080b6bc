/** The June 2022 report: loaded whole, nothing dropped, and validated with the findings the data implies. */
import data from "../../data/vlaamse-veerkracht-2022-06.json";
import { loadDataset, recordsToTables } from "../../src/core/dataset";
import { validateTables } from "../../src/core/validate";
import { totals } from "../../src/core/calc";
import { parseNumberText } from "../../src/core/parse";

function parsePercentOrNumber(text: string): number | null {
  const r = parseNumberText(text);
  return r.ok ? r.value : null;
}

const loaded = loadDataset(data);
const result = validateTables(recordsToTables(loaded.records), { meetmoment: loaded.meetmoment });
const codesOf = (rule: string) =>
  [...new Set(result.findings.filter((f) => f.rule === rule).map((f) => f.projectCode))].sort();
type P = (typeof data.projects)[number];

test("all 180 projects, 1,453 milestones, 355 indicators and 180 financing rows are loaded", () => {
  expect(loaded.meetmoment).toBe("2022-06-01");
  expect(loaded.records.projects).toHaveLength(180);
  expect(loaded.records.milestones).toHaveLength(1453);
  expect(loaded.records.indicators).toHaveLength(355);
  expect(loaded.records.financing).toHaveLength(180);
});

test("no value of the data set is dropped: every leaf value is found in the project's records", () => {
  const missing: string[] = [];
  data.projects.forEach((p, i) => {
    const code = p.code;
    const recs = [
      loaded.records.projects[i],
      ...loaded.records.milestones.filter((m) => m.projectCode === code),
      ...loaded.records.indicators.filter((m) => m.projectCode === code),
      loaded.records.financing[i],
    ];
    const strings: string[] = [];
    const numbers = new Set<number>();
    for (const r of recs)
      for (const v of Object.values(r)) {
        if (typeof v === "string") strings.push(v);
        if (typeof v === "number") numbers.add(v);
      }
    const text = strings.join("\n");
    const walk = (v: unknown, path: string, parent?: Record<string, unknown>) => {
      if (v === null || v === undefined) return;
      if (Array.isArray(v)) return v.forEach((x, j) => walk(x, `${path}[${j}]`));
      if (typeof v === "object")
        return Object.entries(v).forEach(([k, x]) =>
          walk(x, `${path}.${k}`, v as Record<string, unknown>)
        );
      if (path.endsWith("realisatiegraad_decimals")) return; // carried by the value itself (0.072 has one decimal)
      if (typeof v === "number") {
        if (
          numbers.has(v) ||
          numbers.has(Number((v / 100).toPrecision(15))) ||
          text.includes(String(v))
        )
          return;
      } else if (typeof v === "string" && text.includes(v)) return;
      else if (typeof v === "string" && path.endsWith("_text")) {
        // The printed form of a number, kept as that number: only when it reads back as exactly that number.
        const r = parsePercentOrNumber(v);
        const base = path.slice(path.lastIndexOf(".") + 1).replace(/_text$/, "");
        const sibling = parent?.[base] ?? parent?.[`${base}_eur`];
        if (r !== null && (r === sibling || (typeof sibling === "number" && numbers.has(sibling))))
          return;
      }
      missing.push(`${code}${path} = ${JSON.stringify(v)}`);
    };
    walk(p, "");
  });
  expect(missing).toEqual([]);
});

test("the printed texts that say more than their number are kept as toelichting", () => {
  const vv047 = loaded.records.indicators.find(
    (i) => i.projectCode === "VV047" && i.streefwaardeToelichting === "150 MWatt"
  );
  expect(vv047?.streefwaarde).toBe(150);
});

describe("validating the June 2022 report finds what the data says", () => {
  const budget = (p: P) =>
    p.financing.beleidsruimte_begroot_update ?? p.financing.beleidsruimte_begroot ?? 0;

  test("commitments above the budget: exactly the projects whose VAK exceeds their (updated) beleidsruimte", () => {
    const expected = data.projects
      .filter((p) => budget(p) > 0 && (p.financing.uitvoering_vak ?? 0) > budget(p))
      .map((p) => p.code)
      .sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(codesOf("vak-above-budget")).toEqual(expected);
  });

  test("spending against a budget of 0", () => {
    const expected = data.projects
      .filter(
        (p) =>
          budget(p) === 0 &&
          ((p.financing.uitvoering_vak ?? 0) > 0 || (p.financing.uitvoering_vek ?? 0) > 0)
      )
      .map((p) => p.code)
      .sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(codesOf("spending-zero-budget")).toEqual(expected);
  });

  test("payments above commitments: the projects where VEK > VAK (none in this report)", () => {
    const expected = data.projects
      .filter((p) => (p.financing.uitvoering_vek ?? 0) > (p.financing.uitvoering_vak ?? 0))
      .map((p) => p.code);
    expect(codesOf("vek-above-vak")).toEqual(expected);
  });

  test("origins that do not add up", () => {
    const expected = data.projects
      .filter((p) => {
        const sum = Object.values(p.financing.oorsprong_middelen).reduce<number>(
          (a, b) => a + (b ?? 0),
          0
        );
        return Math.abs(sum - budget(p)) > 0.5;
      })
      .map((p) => p.code)
      .sort();
    expect(codesOf("origins-sum")).toEqual(expected);
  });

  test("overdue milestones: dated before 1 June 2022 and still Nog niet gestart or Op schema", () => {
    const endOf = (t: string) => {
      const m = /^(\d{4}) Q([1-4])$/.exec(t);
      return m ? `${m[1]}-${["03-31", "06-30", "09-30", "12-31"][Number(m[2]) - 1]}` : null;
    };
    const expected = data.projects.flatMap((p) =>
      p.milestones.filter(
        (m) =>
          m.timing &&
          (m.status === "Nog niet gestart" || m.status === "Op schema") &&
          (endOf(m.timing) ?? "9999") < "2022-06-01"
      )
    ).length;
    expect(expected).toBeGreaterThan(0);
    expect(result.findings.filter((f) => f.rule === "milestone-overdue")).toHaveLength(expected);
  });

  test("milestones without timing or status are required errors; 'Nog te bepalen' is not a quarter", () => {
    const noTiming = data.projects.flatMap((p) =>
      p.milestones.filter((m) => m.timing === null)
    ).length;
    const noStatus = data.projects.flatMap((p) =>
      p.milestones.filter((m) => m.status === null)
    ).length;
    expect(result.findings.filter((f) => f.rule === "required")).toHaveLength(noTiming + noStatus);
    expect(result.findings.filter((f) => f.rule === "timing-format").map((f) => f.value)).toEqual([
      "Nog te bepalen",
    ]);
  });

  test("degree of realisation typed without a realised value", () => {
    const expected = data.projects.flatMap((p) =>
      p.output_indicators.filter(
        (i) => i.realisatiegraad !== null && i.realisatie === null && i.realisatie_text === null
      )
    ).length;
    expect(
      result.findings.filter((f) => f.rule === "realisatiegraad-without-realisatie")
    ).toHaveLength(expected);
  });

  test("targets that are text", () => {
    const expected = data.projects.flatMap((p) =>
      p.output_indicators.filter((i) => i.streefwaarde === null && i.streefwaarde_text !== null)
    ).length;
    expect(result.findings.filter((f) => f.rule === "target-not-number")).toHaveLength(expected);
  });

  test("no structural findings: the report fits the template", () => {
    const structural = result.findings.filter((f) =>
      [
        "sheet-missing",
        "column-missing",
        "code-format",
        "code-range",
        "code-duplicate",
        "project-unknown",
        "enum-value",
        "cluster-speerpunt",
        "financing-duplicate",
        "financing-missing",
      ].includes(f.rule)
    );
    expect(structural).toEqual([]);
  });
});

test("totals equal the data set's sums to the euro, overall and per speerpunt", () => {
  const t = totals(loaded.records.projects, loaded.records.financing, "speerpunt");
  const sum = (f: (p: P) => number | null) => data.projects.reduce((a, p) => a + (f(p) ?? 0), 0);
  expect(t.total.vak).toBeCloseTo(
    sum((p) => p.financing.uitvoering_vak),
    2
  );
  expect(t.total.vek).toBeCloseTo(
    sum((p) => p.financing.uitvoering_vek),
    2
  );
  expect(t.total.begroot).toBeCloseTo(
    sum((p) => p.financing.beleidsruimte_begroot),
    2
  );
  expect(t.groups).toHaveLength(7);
  for (const g of t.groups) {
    const mine = data.projects.filter((p) => p.speerpunt.label === g.key);
    expect(g.count).toBe(mine.length);
    expect(g.vak).toBeCloseTo(
      mine.reduce((a, p) => a + (p.financing.uitvoering_vak ?? 0), 0),
      2
    );
  }
  const recovery = data.projects
    .filter((p) => Number(p.code.slice(2)) <= 158)
    .reduce((a, p) => a + (p.financing.uitvoering_vak ?? 0), 0);
  expect(t.recovery.vak).toBeCloseTo(recovery, 2);
  expect(t.recovery.vakRate).toBeCloseTo(recovery / 4.3e9, 12);
});
