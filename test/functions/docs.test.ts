/**
 * docs/functions.md quotes June 2022 results of the functions: recompute every one so that the docs
 * cannot drift from the code or the data.
 */
import fs from "node:fs";
import path from "node:path";
import { roundHalfUp } from "../../src/core/calc";
import {
  budgetTotal,
  commitmentRate,
  financingTotal,
  paymentRate,
  realisationRate,
  type FnResult,
} from "../../src/functions/impl";
import { financingTable, projectsTable } from "./tables";

const doc = fs.readFileSync(path.resolve(__dirname, "../../docs/functions.md"), "utf8");
const value = (r: FnResult) => {
  if (!r.ok) throw new Error(r.message.en);
  return r.value;
};
const eur = (n: number) => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ".") + " EUR";
const pct = (x: number, d = 1) =>
  roundHalfUp(x * 100, d)
    .toFixed(d)
    .replace(".", ",") + " %";

/** [the formula as the docs write it, the result the docs must show next to it] */
const t = financingTable();
const p = projectsTable();
const cases: [string, string][] = [
  ["=VV.BELEIDSRUIMTE(tblFinanciering[#Alles])", eur(value(budgetTotal(t, undefined)))],
  [
    '=VV.BELEIDSRUIMTE(tblFinanciering[#Alles]; ; ; ; "begroot")',
    eur(value(budgetTotal(t, "begroot"))),
  ],
  [
    '=VV.BELEIDSRUIMTE(tblFinanciering[#Alles]; "codes"; "VV001:VV158"; ; "begroot")',
    eur(value(budgetTotal(t, "begroot", { filtersoort: "codes", filterwaarde: "VV001:VV158" }))),
  ],
  [
    '=VV.BELEIDSRUIMTE(tblFinanciering[#Alles]; "speerpunt"; "02"; tblProjecten[#Alles])',
    eur(
      value(
        budgetTotal(t, "update", { filtersoort: "speerpunt", filterwaarde: "02", projecten: p })
      )
    ),
  ],
  ["=VV.VAK(tblFinanciering[#Alles])", eur(value(financingTotal("vak", t)))],
  [
    '=VV.VAK(tblFinanciering[#Alles]; "cluster"; "05. Versterking O&O"; tblProjecten[#Alles])',
    eur(
      value(
        financingTotal("vak", t, {
          filtersoort: "cluster",
          filterwaarde: "05. Versterking O&O",
          projecten: p,
        })
      )
    ),
  ],
  [
    '=VV.VAK(tblFinanciering[#Alles]; "envelop"; "relance")',
    eur(value(financingTotal("vak", t, { filtersoort: "envelop", filterwaarde: "relance" }))),
  ],
  ["=VV.VEK(tblFinanciering[#Alles])", eur(value(financingTotal("vek", t)))],
  [
    '=VV.VEK(tblFinanciering[#Alles]; "envelop"; "relance")',
    eur(value(financingTotal("vek", t, { filtersoort: "envelop", filterwaarde: "relance" }))),
  ],
  ["=VV.VAKGRAAD(tblFinanciering[#Alles])", pct(value(commitmentRate(t)))],
  [
    '=VV.VAKGRAAD(tblFinanciering[#Alles]; "cluster"; "05"; tblProjecten[#Alles])',
    pct(value(commitmentRate(t, { filtersoort: "cluster", filterwaarde: "05", projecten: p }))),
  ],
  ["=VV.VEKGRAAD(tblFinanciering[#Alles])", pct(value(paymentRate(t, undefined)))],
  ['=VV.VEKGRAAD(tblFinanciering[#Alles]; ; ; ; "vak")', pct(value(paymentRate(t, "vak")))],
  [
    '=VV.VEKGRAAD(tblFinanciering[#Alles]; "envelop"; "relance"; ; "vak")',
    pct(value(paymentRate(t, "vak", { filtersoort: "envelop", filterwaarde: "relance" }))),
  ],
  ["=VV.REALISATIEGRAAD(80; 50; 100)", pct(value(realisationRate(80, 50, 100)), 0)],
];

test.each(cases)("docs: %s shows %s", (formula, shown) => {
  const line = doc.split("\n").find((l) => l.includes("`" + formula + "`"));
  expect(line).toBeDefined();
  expect(line).toContain(shown);
});

test("docs: the report's examples", () => {
  expect(pct(value(realisationRate(119000, 1650000)))).toBe("7,2 %");
  expect(doc).toContain("**7,2 %**");
  expect(pct(value(realisationRate(157, 200)), 0)).toBe("79 %");
  expect(doc).toContain("**79 %**");
});
