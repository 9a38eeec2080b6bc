/**
 * The thin layer (functions.ts) with a mocked CustomFunctions runtime: numbers pass through, failures
 * become CustomFunctions.Error with the right code and the Dutch message, nothing throws. Also the
 * formula builder for the overview sheet.
 */
import { functionFormula, formulaString } from "../../src/functions/formulas";
import { expectedTotals, financingTable, finIndex, projectsTable } from "./tables";
import { MockError, withCustomFunctions } from "../support/custom-functions-runtime";

const runtime = withCustomFunctions();
const fn = () => runtime.fns();

const asError = (v: unknown) => {
  expect(v).toBeInstanceOf(MockError);
  return v as MockError;
};

test("REALISATIONRATE: numbers, and errors as CustomFunctions.Error with a Dutch message", () => {
  expect(fn().REALISATIONRATE(119000, 1650000)).toBeCloseTo(0.0721212, 6);
  expect(fn().REALISATIONRATE("157", "200", null, null)).toBeCloseTo(0.785, 12);
  expect(fn().REALISATIONRATE(80, 50, 100, true)).toBeCloseTo(0.4, 12);
  const na = asError(fn().REALISATIONRATE("", 200));
  expect(na.code).toBe("#N/A");
  expect(na.message).toMatch(/realisatie/i);
  const div0 = asError(fn().REALISATIONRATE(5, 0));
  expect(div0.code).toBe("#DIV/0!");
  expect(div0.message).toBeUndefined(); // Excel would not show it (only #VALUE! and #N/A carry one)
  const value = asError(fn().REALISATIONRATE("veel", 200));
  expect(value.code).toBe("#VALUE!");
  expect(value.message).toMatch(/geen getal/);
});

test("BUDGET, COMMITMENTS, PAYMENTS, COMMITMENTRATE, PAYMENTRATE over the June 2022 table", () => {
  const t = financingTable();
  const all = expectedTotals(() => true);
  expect(fn().BUDGET(t)).toBeCloseTo(all.update, 2);
  expect(fn().BUDGET(t, null, null, undefined, "begroot")).toBeCloseTo(all.begroot, 2);
  expect(fn().BUDGET(t, "", "", undefined, "update")).toBeCloseTo(all.update, 2);
  expect(fn().COMMITMENTS(t)).toBeCloseTo(all.vak, 2);
  expect(fn().PAYMENTS(t)).toBeCloseTo(all.vek, 2);
  expect(fn().COMMITMENTRATE(t)).toBeCloseTo(all.vak / all.update, 12);
  expect(fn().PAYMENTRATE(t)).toBeCloseTo(all.vek / all.update, 12);
  expect(fn().PAYMENTRATE(t, null, null, undefined, "vak")).toBeCloseTo(all.vek / all.vak, 12);
  const c = expectedTotals((_f, p) => p?.cluster === "05. Versterking O&O");
  expect(fn().COMMITMENTS(t, "cluster", "05. Versterking O&O", projectsTable())).toBeCloseTo(
    c.vak,
    2
  );
  const r = expectedTotals((x) => Number(x.projectCode.slice(2)) <= 158);
  expect(fn().PAYMENTS(t, "codes", "VV001:VV158")).toBeCloseTo(r.vek, 2);
});

test("table functions answer #VALUE! with Dutch messages and #DIV/0! without one, never throw", () => {
  const t = financingTable();
  expect(asError(fn().BUDGET(t, null, null, undefined, "morgen")).message).toMatch(
    /Onbekende versie/
  );
  expect(asError(fn().COMMITMENTS(t.slice(1))).code).toBe("#VALUE!");
  expect(asError(fn().PAYMENTS(t, "cluster", "05")).message).toMatch(/Projecten/);
  const bad = t.map((row, i) =>
    i === 3 ? row.map((v, j) => (j === finIndex("vek") ? "#N/A" : v)) : row
  );
  expect(asError(fn().PAYMENTS(bad)).message).toMatch(/Rij 4.*#N\/A/);
  const zero = [t[0], t[1].map((v, j) => (j === finIndex("projectCode") ? v : null))];
  expect(asError(fn().COMMITMENTRATE(zero)).code).toBe("#DIV/0!");
  expect(asError(fn().PAYMENTRATE(zero, null, null, undefined, "vak")).code).toBe("#DIV/0!");
  expect(asError(fn().PAYMENTRATE(t, null, null, undefined, "morgen")).message).toMatch(/noemer/);
});

test("a defect that throws still answers #VALUE! with a message and is logged", () => {
  const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
  try {
    const t = financingTable();
    const broken = new Proxy([], {
      get: () => {
        throw new Error("kapot");
      },
    });
    const e = asError(fn().COMMITMENTS([t[0], broken as unknown as unknown[]]));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/Interne fout in de functie: kapot/);
    expect(spy).toHaveBeenCalled();
  } finally {
    spy.mockRestore();
  }
});

test("messages are Dutch, English when Office runs in English", () => {
  const g = globalThis as Record<string, unknown>;
  try {
    g.Office = { context: { displayLanguage: "en-US" } };
    expect(fn().messageLanguage()).toBe("en");
    expect(asError(fn().REALISATIONRATE("", 200)).message).toBe("No realised value.");
    g.Office = { context: { displayLanguage: "nl-BE" } };
    expect(asError(fn().REALISATIONRATE("", 200)).message).toBe("Geen realisatie ingevuld.");
    g.Office = { context: { displayLanguage: "fr-BE" } };
    expect(fn().messageLanguage()).toBe("nl");
    g.Office = {
      get context(): never {
        throw new Error("Office.context before onReady");
      },
    };
    expect(fn().messageLanguage()).toBe("nl");
  } finally {
    delete g.Office;
  }
});

test("functionFormula: invariant names, quoted values, projects only for cluster and speerpunt filters", () => {
  const refs = { financiering: "tblFinanciering[#All]", projecten: "tblProjecten[#All]" };
  expect(functionFormula("vak", { by: "cluster", value: "05. Versterking O&O" }, refs)).toBe(
    'VV.COMMITMENTS(tblFinanciering[#All],"cluster","05. Versterking O&O",tblProjecten[#All])'
  );
  expect(
    functionFormula(
      "vak",
      { by: "cluster", value: "05. Versterking O&O" },
      { financiering: "tblFinanciering[#All]" }
    )
  ).toBe('VV.COMMITMENTS(tblFinanciering[#All],"cluster","05. Versterking O&O")');
  expect(functionFormula("vek", { by: "envelop", value: "relance" }, refs)).toBe(
    'VV.PAYMENTS(tblFinanciering[#All],"envelop","relance")'
  );
  expect(functionFormula("update", null, refs)).toBe("VV.BUDGET(tblFinanciering[#All])");
  expect(functionFormula("begroot", null, refs)).toBe(
    'VV.BUDGET(tblFinanciering[#All],,,,"begroot")'
  );
  expect(functionFormula("begroot", { by: "speerpunt", value: "02" }, refs)).toBe(
    'VV.BUDGET(tblFinanciering[#All],"speerpunt","02",tblProjecten[#All],"begroot")'
  );
  expect(functionFormula("vek", null, { financiering: "Financiering!$A$1:$N$181" })).toBe(
    "VV.PAYMENTS(Financiering!$A$1:$N$181)"
  );
  expect(formulaString('a "b"')).toBe('"a ""b"""');
  expect(() => functionFormula("vak", null, { financiering: " " })).toThrow();
});

test("the formula's arguments, as Excel would pass them, give the filtered total", () => {
  // Parse the formula back into arguments and call the function: what the overview sheet will compute.
  const refs = { financiering: "F", projecten: "P" };
  const tables: Record<string, unknown[][]> = { F: financingTable(), P: projectsTable() };
  const call = (formula: string) => {
    const m = /^VV\.([A-Z]+)\((.*)\)$/.exec(formula)!;
    const args = m[2]
      .split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/)
      .map((a) =>
        a === "" ? null : a.startsWith('"') ? a.slice(1, -1).replace(/""/g, '"') : tables[a]
      );
    return (fn() as unknown as Record<string, (...a: unknown[]) => unknown>)[m[1]](...args);
  };
  const e = expectedTotals((_f, p) => p?.speerpunt === "02. Investeren in infrastructuur");
  expect(
    call(
      functionFormula("vak", { by: "speerpunt", value: "02. Investeren in infrastructuur" }, refs)
    )
  ).toBeCloseTo(e.vak, 2);
  expect(
    call(
      functionFormula(
        "begroot",
        { by: "speerpunt", value: "02. Investeren in infrastructuur" },
        refs
      )
    )
  ).toBeCloseTo(e.begroot, 2);
  expect(call(functionFormula("update", null, refs))).toBeCloseTo(
    expectedTotals(() => true).update,
    2
  );
});
