/** The custom functions' pure module: table-driven cases, the report's examples, and totals over the June 2022 data. */
import { argScalar } from "../../src/functions/impl/args";
import { roundHalfUp } from "../../src/core/calc";
import { CLUSTER_LABELS, SPEERPUNTEN } from "../../src/core/vocabulary";
import {
  commitmentRate,
  financingTotal,
  parseCodeRanges,
  paymentRate,
  realisationRate,
  type FnResult,
  type Measure,
} from "../../src/functions/impl";
import {
  codeNumber,
  dutchText,
  expectedTotals,
  financing,
  financingTable,
  financingTableBare,
  financingTableComputed,
  finIndex,
  permuteColumns,
  projectsTable,
} from "./tables";

const value = (r: FnResult) => {
  if (!r.ok) throw new Error(`expected a value, got ${r.error}: ${r.message.nl}`);
  return r.value;
};

describe("REALISATIEGRAAD", () => {
  test("the report's examples: 119.000 of 1.650.000 is 7,2 %; 157 of 200 is 79 % at 0 decimals", () => {
    expect(roundHalfUp(value(realisationRate(119000, 1650000)) * 100, 1)).toBe(7.2);
    expect(roundHalfUp(value(realisationRate("119.000", "1.650.000")) * 100, 1)).toBe(7.2);
    expect(roundHalfUp(value(realisationRate(157, 200)) * 100, 0)).toBe(79);
  });

  type Case = [string, unknown[], number | "value" | "na" | "div0"];
  const cases: Case[] = [
    ["plain numbers", [50, 200], 0.25],
    ["Dutch text amounts", ["1.650.000", "3.300.000"], 0.5],
    ["amount with unit", ["344.000 EUR", "688.000 EUR"], 0.5],
    ["decimal comma", ["7,5", "10"], 0.75],
    ["1x1 matrix arguments", [[[157]], [[200]]], 0.785],
    ["baseline: lower is better", [80, 50, 100], 0.4],
    ["baseline as text", [150, 200, "100"], 0.5],
    ["over target, not capped", [250, 200], 1.25],
    ["capped with TRUE", [250, 200, null, true], 1],
    ["capped with ja", [250, 200, "", "ja"], 1],
    ["capped with WAAR", [250, 200, undefined, "WAAR"], 1],
    ["not capped with ONWAAR", [250, 200, undefined, "onwaar"], 1.25],
    ["cap 1 means TRUE", [250, 200, undefined, 1], 1],
    ["blank baseline is 0", [10, 20, ""], 0.5],
    ["realised 0", [0, 20], 0],
    ["blank realised", ["", 200], "na"],
    ["null realised", [null, 200], "na"],
    ["blank target", [10, ""], "na"],
    ["target 0", [10, 0], "div0"],
    ["target equals baseline", [10, 5, 5], "div0"],
    ["text realised", ["in uitvoering", 200], "value"],
    ["text target", [10, "n.v.t."], "value"],
    ["error cell as text", ["#N/A", 200], "value"],
    ["error cell as object", [{ code: "#DIV/0!" }, 200], "value"],
    ["error cell as {error}", [10, { error: "#REF!" }], "value"],
    ["boolean realised", [true, 200], "value"],
    ["bad cap", [10, 20, 0, "misschien"], "value"],
    ["text baseline", [10, 20, "begin"], "value"],
    ["a range instead of a cell", [[[1, 2]], 20], "value"],
  ];
  test.each(cases)("%s", (_name, args, expected) => {
    const r = realisationRate(...(args as [unknown, unknown, unknown?, unknown?]));
    if (typeof expected === "number") expect(value(r)).toBeCloseTo(expected, 12);
    else {
      expect(r).toMatchObject({ ok: false, error: expected });
      if (!r.ok) {
        expect(r.message.nl.length).toBeGreaterThan(10);
        expect(r.message.en.length).toBeGreaterThan(10);
      }
    }
  });
});

const MEASURES: Measure[] = ["begroot", "update", "vak", "vek"];

describe("BELEIDSRUIMTE / VAK / VEK over the June 2022 Financiering table", () => {
  const all = expectedTotals(() => true);

  test("the whole table: every measure equals the sum of the records", () => {
    expect(all.vak).toBeGreaterThan(0);
    for (const m of MEASURES)
      expect(value(financingTotal(m, financingTable()))).toBeCloseTo(all[m], 2);
  });

  test("columns moved, computed columns absent, or computed columns filled: the same totals", () => {
    for (const t of [
      permuteColumns(financingTable()),
      financingTableBare(),
      financingTableComputed(),
    ])
      for (const m of MEASURES) expect(value(financingTotal(m, t))).toBeCloseTo(all[m], 2);
  });

  test("amounts typed as Dutch text (1.650.000, 344.000 EUR) give the same totals", () => {
    const t = financingTable().map((row, i) =>
      i === 0
        ? row
        : row.map((v, j) =>
            typeof v === "number" && j !== finIndex("projectCode")
              ? dutchText(v, i % 2 ? " EUR" : "")
              : v
          )
    );
    expect(t.slice(1).some((r) => typeof r[finIndex("vak")] === "string")).toBe(true);
    for (const m of MEASURES) expect(value(financingTotal(m, t))).toBeCloseTo(all[m], 2);
  });

  test("blanks as '' or null, empty rows and a total row do not change the totals", () => {
    const t: unknown[][] = financingTable().map((row) => row.map((v) => (v === null ? "" : v)));
    const blankRow = t[0].map(() => "");
    const totalRow = t[0].map((_, j) =>
      j === finIndex("projectCode") ? "Totaal" : j === finIndex("vak") ? all.vak : ""
    );
    t.push(
      blankRow,
      totalRow,
      blankRow.map(() => null)
    );
    for (const m of MEASURES) expect(value(financingTotal(m, t))).toBeCloseTo(all[m], 2);
  });

  test("a total row is skipped wherever its label sits, also in a filtered total", () => {
    const t = permuteColumns(financingTable());
    // reversed columns: the first column is not Projectcode, as after moving columns in Excel
    const totalRow = t[0].map((h, j) =>
      j === 0
        ? "Totaal"
        : h === "Uitvoering VAK"
          ? all.vak
          : h === "Uitvoering VEK"
            ? all.vek
            : null
    );
    expect(totalRow[t[0].indexOf("Projectcode")]).toBeNull();
    t.push(totalRow);
    expect(value(financingTotal("vak", t))).toBeCloseTo(all.vak, 2);
    expect(
      value(financingTotal("vek", t, { filtersoort: "envelop", filterwaarde: "relance" }))
    ).toBeCloseTo(expectedTotals((f) => codeNumber(f.projectCode) <= 158).vek, 2);
  });

  type FilterCase = [
    string,
    unknown,
    unknown,
    (code: string, cluster?: string, speerpunt?: string) => boolean,
  ];
  const cluster5 = CLUSTER_LABELS.find((c) => c.startsWith("05."))!;
  const sp2 = SPEERPUNTEN[1];
  const filters: FilterCase[] = [
    ["cluster by label", "cluster", cluster5, (_c, cl) => cl === cluster5],
    ["cluster by number text", "Cluster", "05", (_c, cl) => cl === cluster5],
    ["cluster by number", "cluster", 5, (_c, cl) => cl === cluster5],
    ["speerpunt by label", "speerpunt", sp2, (_c, _cl, sp) => sp === sp2],
    ["speerpunt by number", "speerpunt", "2", (_c, _cl, sp) => sp === sp2],
    ["envelope relance", "envelop", "relance", (c) => codeNumber(c) <= 158],
    ["envelope regulier", "envelop", "regulier", (c) => codeNumber(c) >= 159],
    ["code range", "codes", "VV001:VV158", (c) => codeNumber(c) <= 158],
    [
      "code range with dash",
      "codes",
      "VV010-VV020",
      (c) => codeNumber(c) >= 10 && codeNumber(c) <= 20,
    ],
    ["single code", "codes", "vv 12", (c) => c === "VV012"],
    [
      "list of ranges",
      "codes",
      "VV001:VV010;VV020, VV159:VV160",
      (c) => codeNumber(c) <= 10 || c === "VV020" || c === "VV159" || c === "VV160",
    ],
  ];

  test.each(filters)(
    "filter %s, with the Projecten table and with the computed columns",
    (_n, soort, waarde, keep) => {
      const e = expectedTotals((f, p) => keep(f.projectCode, p?.cluster, p?.speerpunt));
      expect(e.update).toBeGreaterThan(0);
      for (const m of MEASURES) {
        expect(
          value(
            financingTotal(m, financingTable(), {
              filtersoort: soort,
              filterwaarde: waarde,
              projecten: projectsTable(),
            })
          )
        ).toBeCloseTo(e[m], 2);
        expect(
          value(
            financingTotal(m, financingTableComputed(), {
              filtersoort: soort,
              filterwaarde: waarde,
            })
          )
        ).toBeCloseTo(e[m], 2);
        expect(
          value(
            financingTotal(m, permuteColumns(financingTableBare()), {
              filtersoort: soort,
              filterwaarde: waarde,
              projecten: permuteColumns(projectsTable()),
            })
          )
        ).toBeCloseTo(e[m], 2);
      }
    }
  );

  test("every cluster's VAK adds up to the overall VAK", () => {
    const sum = CLUSTER_LABELS.reduce(
      (s, c) =>
        s +
        value(
          financingTotal("vak", financingTable(), {
            filtersoort: "cluster",
            filterwaarde: c,
            projecten: projectsTable(),
          })
        ),
      0
    );
    expect(sum).toBeCloseTo(all.vak, 2);
  });

  test("relance plus regulier is the whole table", () => {
    const r = value(
      financingTotal("vek", financingTable(), { filtersoort: "envelop", filterwaarde: "relance" })
    );
    const g = value(
      financingTotal("vek", financingTable(), { filtersoort: "envelop", filterwaarde: "regulier" })
    );
    expect(r + g).toBeCloseTo(all.vek, 2);
  });

  type ErrCase = [string, () => FnResult, string, RegExp];
  const withVak = (v: unknown, row = 5) =>
    financingTable().map((r, i) =>
      i === row ? r.map((x, j) => (j === finIndex("vak") ? v : x)) : r
    );
  const withCode = (v: unknown, row = 2) =>
    financingTable().map((r, i) =>
      i === row ? r.map((x, j) => (j === finIndex("projectCode") ? v : x)) : r
    );
  test("unfiltered totals keep rows without a valid project code: no euro is lost", () => {
    for (const m of MEASURES) expect(value(financingTotal(m, withCode("")))).toBeCloseTo(all[m], 2);
    expect(value(financingTotal("vak", withCode("project 7")))).toBeCloseTo(all.vak, 2);
  });
  const errors: ErrCase[] = [
    [
      "error cell in VAK",
      () => financingTotal("vak", withVak("#N/A")),
      "value",
      /Rij 6.*Uitvoering VAK.*#N\/A/,
    ],
    [
      "error object in VAK",
      () => financingTotal("vak", withVak({ code: "#REF!" })),
      "value",
      /#REF!/,
    ],
    [
      "text that is no amount",
      () => financingTotal("vak", withVak("veel")),
      "value",
      /"veel" is geen bedrag/,
    ],
    [
      "data without header row",
      () => financingTotal("vak", financingTable().slice(1)),
      "value",
      /kolom/,
    ],
    ["not a table", () => financingTotal("vak", 12), "value", /tabel Financiering/],
    [
      "cluster filter without source for the cluster",
      () =>
        financingTotal("vak", financingTableBare(), { filtersoort: "cluster", filterwaarde: "05" }),
      "value",
      /Projecten/,
    ],
    [
      "projects table without Cluster column",
      () =>
        financingTotal("vak", financingTableBare(), {
          filtersoort: "cluster",
          filterwaarde: "05",
          projecten: [["Projectcode"], ["VV001"]],
        }),
      "value",
      /Cluster/,
    ],
    [
      "cluster filter, computed column empty and no Projecten table",
      () => financingTotal("vak", financingTable(), { filtersoort: "cluster", filterwaarde: "05" }),
      "na",
      /Cluster \(berekend\).*leeg voor VV001.*Projecten/,
    ],
    [
      "cluster filter, project missing from Projecten",
      () =>
        financingTotal("vak", financingTableBare(), {
          filtersoort: "cluster",
          filterwaarde: "05",
          projecten: projectsTable().filter((r) => r[0] !== "VV007"),
        }),
      "na",
      /VV007 staat niet in de tabel Projecten/,
    ],
    [
      "filtered total, a row with amounts but no project code",
      () =>
        financingTotal("vak", withCode(""), { filtersoort: "envelop", filterwaarde: "relance" }),
      "na",
      /Rij 3 .*geen geldige projectcode/,
    ],
    [
      "filtered total, a row with an unreadable project code",
      () =>
        financingTotal("vak", withCode("project 7"), {
          filtersoort: "codes",
          filterwaarde: "VV001:VV010",
        }),
      "na",
      /"project 7"/,
    ],
    [
      "unknown filter type",
      () => financingTotal("vak", financingTable(), { filtersoort: "minister", filterwaarde: "x" }),
      "value",
      /filtersoort/,
    ],
    [
      "filter value without type",
      () => financingTotal("vak", financingTable(), { filterwaarde: "relance" }),
      "value",
      /filtersoort/,
    ],
    [
      "filter type without value",
      () => financingTotal("vak", financingTable(), { filtersoort: "cluster" }),
      "value",
      /filterwaarde/,
    ],
    [
      "unknown cluster",
      () =>
        financingTotal("vak", financingTableComputed(), {
          filtersoort: "cluster",
          filterwaarde: "99. Onbestaand",
        }),
      "value",
      /Onbekende cluster/,
    ],
    [
      "unknown envelope",
      () =>
        financingTotal("vak", financingTable(), { filtersoort: "envelop", filterwaarde: "Europa" }),
      "value",
      /relance/,
    ],
    [
      "bad code range",
      () =>
        financingTotal("vak", financingTable(), { filtersoort: "codes", filterwaarde: "VV1:XX" }),
      "value",
      /VV001:VV158/,
    ],
  ];
  test("an error cell in a column that is not summed does not matter", () => {
    expect(value(financingTotal("vek", withVak("#N/A")))).toBeCloseTo(all.vek, 2);
  });

  test.each(errors)("%s", (_n, run, code, message) => {
    const r = run();
    expect(r).toMatchObject({ ok: false, error: code });
    if (!r.ok) expect(r.message.nl).toMatch(message);
  });
});

describe("VAKGRAAD and VEKGRAAD", () => {
  test("rates over the whole table and per cluster equal the ratios of the sums", () => {
    const all = expectedTotals(() => true);
    expect(value(commitmentRate(financingTable()))).toBeCloseTo(all.vak / all.update, 12);
    expect(value(paymentRate(financingTable(), undefined))).toBeCloseTo(all.vek / all.update, 12);
    expect(value(paymentRate(financingTable(), "beleidsruimte"))).toBeCloseTo(
      all.vek / all.update,
      12
    );
    expect(value(paymentRate(financingTable(), "VAK"))).toBeCloseTo(all.vek / all.vak, 12);
    const c = CLUSTER_LABELS[4];
    const e = expectedTotals((_f, p) => p?.cluster === c);
    const opts = { filtersoort: "cluster", filterwaarde: c, projecten: projectsTable() };
    expect(value(commitmentRate(financingTable(), opts))).toBeCloseTo(e.vak / e.update, 12);
    expect(value(paymentRate(financingTable(), "vak", opts))).toBeCloseTo(e.vek / e.vak, 12);
  });

  test("a zero base is #DIV/0! with a message, an unknown base #VALUE!", () => {
    const zero = [
      financingTable()[0],
      financingTable()[1].map((v, j) =>
        j === finIndex("projectCode") ? v : j === finIndex("vek") ? 10 : null
      ),
    ];
    expect(commitmentRate(zero)).toMatchObject({ ok: false, error: "div0" });
    expect(paymentRate(zero, "vak")).toMatchObject({ ok: false, error: "div0" });
    expect(paymentRate(zero, "beleidsruimte")).toMatchObject({ ok: false, error: "div0" });
    expect(paymentRate(financingTable(), "iets")).toMatchObject({ ok: false, error: "value" });
    // a filter that matches nothing: totals 0, rates undefined
    expect(
      value(
        financingTotal("vak", financingTable(), { filtersoort: "codes", filterwaarde: "VV999" })
      )
    ).toBe(0);
    expect(
      commitmentRate(financingTable(), { filtersoort: "codes", filterwaarde: "VV999" })
    ).toMatchObject({ ok: false, error: "div0" });
  });

  test("the data set has the rows these tests rely on", () => {
    expect(financing.length).toBe(180);
    expect(financing.some((f) => f.update !== null && f.update !== f.begroot)).toBe(true);
  });
});

test("code ranges", () => {
  expect(parseCodeRanges("VV001:VV158")).toEqual([{ from: 1, to: 158 }]);
  expect(parseCodeRanges("VV158:VV001")).toEqual([{ from: 1, to: 158 }]);
  expect(parseCodeRanges("VV1..VV9; VV20")).toEqual([
    { from: 1, to: 9 },
    { from: 20, to: 20 },
  ]);
  expect(parseCodeRanges("VV001–VV010")).toEqual([{ from: 1, to: 10 }]);
  expect(parseCodeRanges("1:158")).toBeNull();
  expect(parseCodeRanges("")).toBeNull();
  expect(parseCodeRanges(158)).toBeNull();
});

describe("a cell holding a data type (Excel's CellValue objects)", () => {
  it("counts a formatted number by its basic value", () => {
    expect(argScalar({ type: "Double", basicValue: 1650000, numberFormat: "#,##0" })).toBe(1650000);
    expect(argScalar({ type: "String", basicValue: "VV001" })).toBe("VV001");
  });
  it("answers #VALUE! for an entity, whose basic value is an error", () => {
    expect(
      argScalar({ type: "Entity", text: "Gent", basicType: "Error", basicValue: "#VALUE!" })
    ).toEqual({
      error: "#VALUE!",
    });
    expect(argScalar({ type: "Entity", text: "Gent", properties: {} })).toEqual({
      error: "#VALUE!",
    });
  });
});
