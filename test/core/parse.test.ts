import fc from "fast-check";
import {
  formatQuarter,
  makeListParser,
  parseAmount,
  parseNumber,
  parseNumberOrText,
  parsePercent,
  parseProjectCode,
  parseQuarter,
  parseText,
  quarterEnd,
  scaleInFormat,
} from "../../src/core/parse";
import { MILESTONE_STATUS_LABELS, CLUSTER_LABELS } from "../../src/core/vocabulary";

describe("parseNumber: Dutch and English notation", () => {
  test.each([
    [1650000, 1650000],
    ["1.650.000", 1650000],
    ["1,650,000", 1650000],
    ["30.000.000,00", 30000000],
    ["1,650,000.50", 1650000.5],
    ["202 000", 202000],
    ["202\u00a0000", 202000],
    ["344.000 EUR", 344000],
    ["€ 5", 5],
    ["€5,50", 5.5],
    ["7,2", 7.2],
    ["3.25", 3.25],
    ["-12,5", -12.5],
    ["0,125", 0.125],
    ["12.132.432,07", 12132432.07],
    ["12 km", 12],
    ["€ 60.000.000,-", 60000000],
    ["15.000.000,--", 15000000],
    ["60.000,-", 60000],
    ["1.650.000\u200b", 1650000],
  ])("%p → %p", (input, expected) => {
    const r = parseNumber(input);
    expect(r).toMatchObject({ ok: true, value: expected });
  });

  test("ambiguous single separator with three digits: Dutch reading wins and the other is reported", () => {
    expect(parseNumber("74,032")).toEqual({ ok: true, value: 74.032, ambiguous: { other: 74032 } });
    expect(parseNumber("344.000")).toEqual({ ok: true, value: 344000, ambiguous: { other: 344 } });
  });

  test("unambiguous inputs carry no ambiguity", () => {
    expect(parseNumber("1.650.000")).not.toHaveProperty("ambiguous");
    expect(parseNumber("7,25")).not.toHaveProperty("ambiguous");
  });

  test.each([["abc"], ["1.2.3,4,5"], ["12,34,5"], ["1.65.000"]])("%p is not a number", (input) => {
    expect(parseNumber(input).ok).toBe(false);
  });

  test("blanks, errors and booleans are told apart", () => {
    expect(parseNumber(null)).toEqual({ ok: false, reason: "blank" });
    expect(parseNumber("   ")).toEqual({ ok: false, reason: "blank" });
    expect(parseNumber({ error: "#N/A" })).toMatchObject({ ok: false, reason: "error" });
    expect(parseNumber("#DIV/0!")).toMatchObject({ ok: false, reason: "error" });
    expect(parseNumber(true)).toMatchObject({ ok: false, reason: "boolean" });
    expect(parseNumber({ richText: [{ text: "1." }, { text: "500" }] })).toMatchObject({
      ok: true,
      value: 1500,
    });
    expect(parseNumber({ formula: "A1*2", result: 42 })).toMatchObject({ ok: true, value: 42 });
  });

  test("an amount with a % sign is not an amount", () => {
    expect(parseAmount("5 %").ok).toBe(false);
  });
});

describe("parsePercent", () => {
  test.each([
    ["7,2 %", 0.072],
    ["171,14 %", 1.7114],
    ["100%", 1],
    [0.79, 0.79],
    ["0,5", 0.5],
  ])("%p → %p", (input, expected) => {
    expect(parsePercent(input)).toMatchObject({ ok: true, value: expected });
  });
  test("35,24 % is exactly 0.3524 (no binary noise)", () => {
    expect(parsePercent("35,24 %")).toMatchObject({ value: 0.3524 });
  });
});

describe("parseQuarter", () => {
  test.each([
    ["2022 Q1", "2022 Q1"],
    ["Q1 2022", "2022 Q1"],
    ["2022-Q1", "2022 Q1"],
    ["2022Q3", "2022 Q3"],
    ["q4 2021", "2021 Q4"],
    ["K2 2023", "2023 Q2"],
    ["2e kwartaal 2024", "2024 Q2"],
    ["2022-05-15", "2022 Q2"],
  ])("%p → %p", (input, expected) => {
    const r = parseQuarter(input);
    expect(r.ok && formatQuarter(r.value)).toBe(expected);
  });
  test("a date cell becomes its quarter", () => {
    const r = parseQuarter(new Date(Date.UTC(2022, 10, 3)));
    expect(r.ok && formatQuarter(r.value)).toBe("2022 Q4");
  });
  test.each([["2022 Q5"], ["Nog te bepalen"], ["2022"], [2022]])("%p is not a quarter", (input) => {
    expect(parseQuarter(input).ok).toBe(false);
  });
  test("quarter end dates", () => {
    expect(quarterEnd({ year: 2022, quarter: 1 })).toBe("2022-03-31");
    expect(quarterEnd({ year: 2022, quarter: 2 })).toBe("2022-06-30");
    expect(quarterEnd({ year: 2022, quarter: 4 })).toBe("2022-12-31");
  });
});

describe("parseProjectCode", () => {
  test.each([
    ["vv012 ", "VV012"],
    ["VV12", "VV012"],
    ["VV-7", "VV007"],
    ["VV180", "VV180"],
    ["VV024\u200b", "VV024"],
    ["\ufeffVV021", "VV021"],
  ])("%p → %p", (input, expected) => {
    expect(parseProjectCode(input)).toEqual({ ok: true, value: expected });
  });
  test.each([["12"], [12], ["VV1234"], ["XX012"]])("%p is not a code", (input) => {
    expect(parseProjectCode(input).ok).toBe(false);
  });
});

describe("lists", () => {
  const status = makeListParser(MILESTONE_STATUS_LABELS);
  const cluster = makeListParser(CLUSTER_LABELS);
  test("exact values pass without a note; other spellings are normalised with a note", () => {
    expect(status("Op schema")).toEqual({ ok: true, value: "Op schema" });
    expect(status(" op  SCHEMA ")).toEqual({ ok: true, value: "Op schema", note: "normalised" });
    expect(cluster("05")).toMatchObject({ ok: true, value: "05. Versterking O&O" });
    expect(cluster(4)).toMatchObject({ ok: true, value: "04. 0pleidings- en loopbaanoffensief" });
    expect(status("Klaar").ok).toBe(false);
  });
});

test("parseNumberOrText keeps text as typed", () => {
  expect(parseNumberOrText("handboek beschikbaar")).toEqual({
    ok: true,
    value: "handboek beschikbaar",
  });
  expect(parseNumberOrText("1.650.000")).toMatchObject({ ok: true, value: 1650000 });
  expect(parseText(12)).toEqual({ ok: true, value: "12" });
});

describe("parsers never throw, whatever the cell", () => {
  const cell = fc.oneof(
    fc.double(),
    fc.integer(),
    fc.string(),
    fc.string({ unit: "grapheme" }),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.date(),
    fc.record({ error: fc.string() }),
    fc.record({ richText: fc.array(fc.record({ text: fc.string() })) }),
    fc.record({ formula: fc.string(), result: fc.oneof(fc.double(), fc.string()) }),
    fc.stringMatching(/^[-+€ ]?[0-9.,\u00a0 ]{0,14}( ?%| EUR)?$/)
  );
  const parsers = [
    parseNumber,
    parseAmount,
    parsePercent,
    parseQuarter,
    parseProjectCode,
    parseText,
    parseNumberOrText,
  ];
  test("every parser returns a result object", () => {
    fc.assert(
      fc.property(cell, (v) => {
        for (const p of parsers) {
          const r = p(v);
          expect(typeof r.ok).toBe("boolean");
          if (r.ok && typeof r.value === "number") expect(Number.isFinite(r.value)).toBe(true);
        }
      }),
      { numRuns: 2000, seed: 20220601 }
    );
  });
  test("Dutch-formatted integers round-trip", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 10 ** 12 }), (n) => {
        const dutch = n.toLocaleString("nl-BE");
        expect(parseNumber(dutch)).toMatchObject({ ok: true, value: n });
        expect(parseNumber(n.toLocaleString("en-US"))).toMatchObject({ ok: true });
      }),
      { numRuns: 500, seed: 7 }
    );
  });
});

describe("scaleInFormat: the unit a number format shows beside the number", () => {
  test.each([
    ['#,##0.00 "k€"', "k€"],
    ['#,##0.00" k€"', "k€"],
    ['#,##0\\ "k€"', "k€"],
    ['0.0 "mio"', "mio"],
    ["[$k€-813] #,##0", "k€"],
    ['#,##0 "duizend euro"', "duizend euro"],
    ['#,##0\\ "x 1.000 EUR"', "x 1.000 EUR"],
  ])("%s shows %s: the number was typed in that unit", (code, unit) => {
    expect(scaleInFormat(code)).toBe(unit);
  });

  test.each([
    "#,##0",
    "General",
    "0%",
    "dd/mm/yyyy",
    '#,##0 "EUR"',
    "#,##0.00 [$€-813]",
    "_-* #,##0.00\\ [$€-813]_-;\\-* #,##0.00\\ [$€-813]_-",
    // A comma after the last digit divides for display: the cell holds euro, shown in thousands.
    '#,##0,"k€"',
    '#,##0,," mio"',
  ])("%s states no unit of the number it holds", (code) => {
    expect(scaleInFormat(code)).toBeNull();
  });
});
