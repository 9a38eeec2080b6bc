/**
 * Stored results: every formula the demo plans carries the value the core computed, so readers that do
 * not calculate see the right numbers. openpyxl (Debian's python3-openpyxl, `data_only=True`, no
 * recalculation) reads the demo's Overzicht totals equal to `vv-monitor totals`; the semantics of each
 * evaluator (results.ts) are pinned on small cases; a result is left out where it is not certain.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import fc from "fast-check";
import JSZip from "jszip";
import { main } from "../../src/cli/main";
import { SHEETS } from "../../src/core/template";
import { buildOverview, createTemplate, overviewPlan, writeDemo } from "../../src/workbook/flows";
import {
  computedKeys,
  countIfs,
  criterion,
  sumIfs,
  withComputedResults,
} from "../../src/workbook/flows/results";
import { known, SheetValues, UNKNOWN } from "../../src/workbook/flows/values";
import { openXlsx } from "../../src/xlsx/open";
import { XlsxPort } from "../../src/xlsx/port";
import { tempDir } from "./support";

const PYTHON = "/usr/bin/python3";
const tmp = tempDir("vv-results-");
afterAll(() => tmp.cleanup());

async function cliJson(...argv: string[]): Promise<unknown> {
  let out = "";
  const code = await main(argv, { stdout: (s) => void (out += s), stderr: () => {}, isTTY: false });
  expect(code).toBe(0);
  return JSON.parse(out);
}

/** The Overzicht as openpyxl reads it without calculating: rows of cached values. */
function openpyxlOverview(file: string): unknown[][] {
  const script = `
import json, sys
from openpyxl import load_workbook
ws = load_workbook(sys.argv[1], data_only=True)["Overzicht"]
print(json.dumps([list(r) for r in ws.iter_rows(values_only=True)], default=str))
`;
  return JSON.parse(execFileSync(PYTHON, ["-c", script, file], { encoding: "utf8" }));
}

describe("the demo stores every formula's result", () => {
  let demo: string;
  beforeAll(async () => {
    const port = new XlsxPort();
    await writeDemo(port, {});
    demo = tmp.path("demo.xlsx");
    await port.save(demo);
  });

  test.each([
    ["as written", false],
    ["read and saved again (annotate, overview)", true],
  ])("no formula cell of the demo lacks a stored value: %s", async (_, again) => {
    let file = demo;
    if (again) {
      file = tmp.path("demo-again.xlsx");
      await (await openXlsx(demo)).save(file);
    }
    const zip = await JSZip.loadAsync(readFileSync(file));
    let formulas = 0;
    const missing: string[] = [];
    for (const name of Object.keys(zip.files).filter((n) => /worksheets\/sheet\d+\.xml$/.test(n))) {
      const xml = await zip.file(name)!.async("string");
      for (const c of xml.match(/<c [^>]*>(?:(?!<\/c>).)*?<f>.*?<\/c>/g) ?? []) {
        formulas++;
        if (!c.includes("<v>")) missing.push(`${name}: ${c.slice(0, 80)}`);
      }
    }
    expect(formulas).toBe(1288);
    expect(missing).toEqual([]);
  });

  test("openpyxl, without calculating, reads the Overzicht totals equal to `vv-monitor totals`", async () => {
    const rows = openpyxlOverview(demo);
    for (const by of ["speerpunt", "cluster", "envelop"] as const) {
      const totals = (await cliJson("totals", demo, "--by", by, "--json")) as {
        groups: {
          key: string;
          label: string;
          count: number;
          begroot: number;
          update: number;
          vak: number;
          vek: number;
        }[];
        total: { count: number; begroot: number; update: number; vak: number; vek: number };
      };
      const layout = overviewPlan({}).layout.sections.find((s) => s.by === by)!;
      const seen = layout.keys.map((key, i) => ({ key, row: rows[layout.first - 1 + i] }));
      for (const g of totals.groups) {
        const r = seen.find((s) => s.key === g.key)!.row;
        expect({
          key: g.key,
          count: r[1],
          begroot: r[2],
          update: r[3],
          vak: r[4],
          vek: r[5],
        }).toEqual({
          key: g.key,
          count: g.count,
          begroot: g.begroot,
          update: g.update,
          vak: g.vak,
          vek: g.vek,
        });
      }
      const t = rows[layout.total - 1];
      expect([t[1], t[2], t[3], t[4], t[5]]).toEqual([
        totals.total.count,
        totals.total.begroot,
        totals.total.update,
        totals.total.vak,
        totals.total.vek,
      ]);
      // Rates: VAK/update, VEK/update, VEK/VAK, as Excel divides.
      expect(t[6]).toBe(totals.total.vak / totals.total.update);
      expect(t[8]).toBe(totals.total.vek / totals.total.vak);
    }
  });
});

describe("results are stored only where they are certain", () => {
  test("every computed column of the schema has its evaluator", () => {
    const computed = SHEETS.flatMap((s) =>
      s.columns.filter((c) => c.kind === "computed").map((c) => c.key)
    );
    expect([...computed].sort()).toEqual([...computedKeys()].sort());
  });

  test("the empty template: sums and the project count are 0, per-cluster counts have no result (a blank code's lookup)", async () => {
    const port = new XlsxPort();
    await createTemplate(port, {});
    await buildOverview(port, {});
    const f = tmp.path("template.xlsx");
    await port.save(f);
    const rows = openpyxlOverview(f);
    const sp = overviewPlan({}).layout.sections[0];
    const total = rows[sp.total - 1];
    expect(total.slice(1, 6)).toEqual([0, 0, 0, 0, 0]);
    expect(total.slice(6, 9)).toEqual([null, null, null]); // "" (no budget): stored as an empty text
    expect(rows[sp.first - 1][1]).toBeNull(); // COUNTIFS over a lookup of a blank code: not stored
    expect(rows[sp.first - 1][2]).toBe(0);
  });

  const fin = SHEETS.find((s) => s.key === "financing")!;
  const col = (key: string) => fin.columns.findIndex((c) => c.key === key);
  const values = (cells: [number, string, unknown][]) => {
    const v = new SheetValues();
    for (const [row, key, value] of cells) v.set("Financiering", row, col(key), value);
    return v;
  };
  const ref = (key: string) => ({ sheet: "Financiering", col: col(key) });

  test("SUMIFS adds numbers only; text and blanks are skipped, a formula without a result leaves it unknown", () => {
    const v = values([
      [1, "begroot", "Beleidsruimte (begroot)"],
      [2, "begroot", 10],
      [3, "begroot", "1.000"],
      [4, "begroot", 5.5],
      [2, "cluster", { formula: "X", result: "A" }],
      [3, "cluster", { formula: "X", result: "A" }],
      [4, "cluster", { formula: "X", result: "b" }],
    ]);
    expect(sumIfs(v, ref("begroot"))).toBe(15.5);
    expect(sumIfs(v, ref("begroot"), [{ range: ref("cluster"), criterion: criterion("a") }])).toBe(
      10
    );
    v.set("Financiering", 5, col("begroot"), 1);
    v.set("Financiering", 5, col("cluster"), { formula: "X" });
    expect(sumIfs(v, ref("begroot"), [{ range: ref("cluster"), criterion: criterion("A") }])).toBe(
      UNKNOWN
    );
    expect(countIfs(v, [{ range: ref("cluster"), criterion: criterion("B") }])).toBe(UNKNOWN);
  });

  test("SUMIFS adds in row order, as Excel does: 0.1 + 1e16 - 1e16 is 0, not 0.1", () => {
    const v = values([
      [2, "begroot", 0.1],
      [3, "begroot", 1e16],
      [4, "begroot", -1e16],
      ...[2, 3, 4].map((r): [number, string, unknown] => [r, "cluster", "A"]),
    ]);
    expect(sumIfs(v, ref("begroot"))).toBe(0);
    expect(sumIfs(v, ref("begroot"), [{ range: ref("cluster"), criterion: criterion("a") }])).toBe(
      0
    );
  });

  test("SUMIFS and COUNTIFS give what a plain scan of every row gives, in row order (random columns)", () => {
    // results.ts looks only at the rows that do not fail the most selective criterion; this reference
    // looks at every row, as the formulas read. Sums of 0.1, 1e16 and -1e16 differ with the order added.
    const cellArb = fc.oneof(
      fc.constantFrom("a", "A", "b", "VV1", "vv2", "", "x"),
      fc.constantFrom(0.1, 0.2, 1e16, -1e16, 3, 0),
      fc.boolean(),
      fc.constantFrom(
        { formula: "X" },
        { formula: "X", result: "a" },
        { formula: "X", result: 2 },
        { error: "#N/A" },
        new Date(2022, 5, 1)
      ),
      fc.constant(null)
    );
    const keys = ["begroot", "cluster", "speerpunt", "projectCode"];
    const sheetArb = fc.array(fc.array(cellArb, { minLength: 4, maxLength: 4 }), { maxLength: 30 });
    const criteriaArb = fc.array(
      fc.record({
        key: fc.constantFrom(...keys.slice(1)),
        text: fc.constantFrom("a", "B", "VV*", "<>", "x"),
      }),
      { minLength: 1, maxLength: 3 }
    );
    fc.assert(
      fc.property(sheetArb, criteriaArb, (rows, crit) => {
        const v = values(
          [["Kop"], ...rows].flatMap((r, i) =>
            r.map((x, j): [number, string, unknown] => [i + 1, keys[j], x])
          )
        );
        const criteria = crit.map((c) => ({ range: ref(c.key), criterion: criterion(c.text) }));
        expect(sumIfs(v, ref("begroot"), criteria)).toBe(plainSumIfs(v, criteria));
        expect(countIfs(v, criteria)).toBe(plainCountIfs(v, criteria));
      }),
      { numRuns: 300, seed: 20220601 }
    );
  });

  type Criteria = Parameters<typeof countIfs>[1];
  const MAX_ROW = 40;
  /** A row's verdict on every criterion, read cell by cell: false, UNKNOWN or true. */
  const plainHit = (v: SheetValues, criteria: Criteria, row: number) => {
    let hit: boolean | typeof UNKNOWN = true;
    for (const c of criteria) {
      const raw = v.get(c.range.sheet, row, c.range.col);
      const cell = raw === null ? undefined : known(raw);
      const m = c.criterion;
      const meets =
        m.kind === "nonEmpty"
          ? cell !== undefined
          : cell === UNKNOWN
            ? UNKNOWN
            : typeof cell !== "string"
              ? false
              : m.kind === "equals"
                ? cell.toLowerCase() === m.text
                : cell.toLowerCase().startsWith(m.text);
      if (meets === false) return false;
      if (meets === UNKNOWN) hit = UNKNOWN;
    }
    return hit;
  };
  function plainSumIfs(v: SheetValues, criteria: Criteria) {
    let total = 0;
    for (let row = 1; row <= MAX_ROW; row++) {
      const raw = v.get("Financiering", row, col("begroot"));
      if (raw === null) continue;
      const x = known(raw);
      if (x !== UNKNOWN && typeof x !== "number" && !(x && typeof x === "object")) continue;
      const hit = plainHit(v, criteria, row);
      if (hit === false) continue;
      if (hit === UNKNOWN || x === UNKNOWN || typeof x !== "number") return UNKNOWN;
      total += x;
    }
    return total;
  }
  function plainCountIfs(v: SheetValues, criteria: Criteria) {
    let n = 0;
    for (let row = 1; row <= MAX_ROW; row++) {
      const hit = plainHit(v, criteria, row);
      if (hit === UNKNOWN) return UNKNOWN;
      if (hit) n++;
    }
    return n;
  }

  test("COUNTIFS 'VV*' counts texts starting with VV, whatever the case; '<>' means not empty", () => {
    const v = values([
      [1, "projectCode", "Projectcode"],
      [2, "projectCode", "VV001"],
      [3, "projectCode", "vv002"],
      [4, "projectCode", 158],
      [5, "projectCode", "XVV"],
    ]);
    expect(countIfs(v, [{ range: ref("projectCode"), criterion: criterion("VV*") }])).toBe(2);
    expect(countIfs(v, [{ range: ref("projectCode"), criterion: criterion("<>") }])).toBe(5);
  });

  test('computed columns: lookups (a blank cluster is 0, a missing code is ""), envelopes of plain digits, ratios', () => {
    const plan = {
      sheets: [
        {
          name: "Projecten",
          mode: "replace" as const,
          table: {
            name: "tblProjecten",
            headerRow: 1,
            headers: SHEETS[0].columns.map((c) => c.header),
            rows: [
              SHEETS[0].columns.map((c) =>
                c.key === "code" ? "VV001" : c.key === "cluster" ? "05. Versterking O&O" : null
              ),
              SHEETS[0].columns.map((c) => (c.key === "code" ? "VV002" : null)),
            ],
            columns: [],
          },
        },
        {
          name: "Financiering",
          mode: "replace" as const,
          table: {
            name: "tblFinanciering",
            headerRow: 1,
            headers: fin.columns.map((c) => c.header),
            rows: ["vv001", "VV002", "VV999", "VVabc", null].map((code) =>
              fin.columns.map((c) =>
                c.key === "projectCode" ? code : c.kind === "computed" ? { formula: c.key } : null
              )
            ),
            columns: [],
          },
        },
      ],
    };
    withComputedResults(plan, null);
    const rows = plan.sheets[1].table.rows as { result?: unknown }[][];
    const r = (i: number, key: string) => rows[i][col(key)].result;
    expect(r(0, "cluster")).toBe("05. Versterking O&O"); // MATCH ignores case
    expect(r(1, "cluster")).toBe(0); // INDEX of an empty cell
    expect(r(2, "cluster")).toBe(""); // not found: IFERROR
    expect(r(4, "cluster")).toBeUndefined(); // blank code: not certain, not stored
    expect([0, 1, 2, 3, 4].map((i) => r(i, "envelop"))).toEqual([
      "relance",
      "relance",
      "regulier",
      undefined,
      undefined,
    ]);
  });
});
