/**
 * One language, plural-correct and Dutch-formatted on the command line (issue 24, item 6): the Dutch help
 * has no English usage words, "Per regel" names the rules in Dutch, the envelopes come in the Overzicht's
 * order, counts have the right noun form and a thousands separator, also on the Validatie sheet written.
 */
import { countText } from "../../src/core/number-format";
import { RULES } from "../../src/core/rules";
import { validationSheet } from "../../src/workbook/flows";
import { formatValidation } from "../../src/cli/format";
import type { Finding } from "../../src/core/findings";
import { tempDir } from "../flows/support";
import { run } from "./run";

const tmp = tempDir("vv-lang-");
afterAll(() => tmp.cleanup());
const demo = tmp.path("demo.xlsx");
beforeAll(async () => {
  expect((await run("demo", demo)).code).toBe(0);
}, 60_000);

test("the Dutch help says [opties] everywhere, also in the list of commands", async () => {
  const r = await run("--help");
  expect(r.out).not.toMatch(/\[options\]|\[command\]/);
  expect(r.out).toMatch(/^\s+template \[opties\] <uit\.xlsx>/m);
  expect(r.out).toMatch(/^\s+validate \[opties\] <werkmap\.xlsx\.\.\.>/m);
  const en = await run("--lang", "en", "--help");
  expect(en.out).toMatch(/^\s+template \[options\] <out\.xlsx>/m);
});

test.each([
  [1, "nl", "1 project"],
  [2, "nl", "2 projecten"],
  [0, "nl", "0 projecten"],
  [1453, "nl", "1.453 projecten"],
  [1_234_567, "nl", "1.234.567 projecten"],
  [1, "en", "1 project"],
  [1453, "en", "1,453 projects"],
] as const)("countText(%d, %s) is %s", (n, lang, expected) => {
  expect(
    countText(n, "project", lang === "nl" ? "projecten" : "projects", lang as "nl" | "en")
  ).toBe(expected);
});

const finding = (rule: string, severity: "error" | "warning"): Finding => ({
  sheet: "Mijlpalen",
  cell: "D2",
  row: 2,
  column: "Status",
  projectCode: "VV001",
  rule: rule as Finding["rule"],
  severity,
  message: "m",
  value: "x",
});

test("the Validatie sheet's summary: one error is '1 fout', thousands are separated", () => {
  const one = validationSheet(
    { findings: [finding("enum-value", "error")], errors: 1, warnings: 0, meetmoment: null },
    "nl"
  );
  expect(one.blocks![1].values[0][0]).toBe("1 fout, 0 waarschuwingen. Meetmoment: niet ingesteld.");
  const many = validationSheet(
    {
      findings: [finding("enum-value", "error")],
      errors: 11_364,
      warnings: 1,
      meetmoment: "2022-06-01",
    },
    "nl"
  );
  expect(many.blocks![1].values[0][0]).toBe(
    "11.364 fouten, 1 waarschuwing. Meetmoment: 2022-06-01."
  );
  const en = validationSheet(
    { findings: [finding("enum-value", "error")], errors: 1, warnings: 1_500, meetmoment: null },
    "en"
  );
  expect(en.blocks![1].values[0][0]).toBe("1 error, 1,500 warnings. Measurement date: not set.");
});

test("'Per regel' names each rule in Dutch, without its English code; counts are Dutch numbers", () => {
  const findings = Array.from({ length: 1200 }, () => finding("milestone-overdue", "warning"));
  findings.push(finding("enum-value", "error"));
  const s = formatValidation(
    [{ file: "a.xlsx", result: { findings, errors: 1, warnings: 1200, meetmoment: null } }],
    "nl",
    { summaryOnly: true }
  );
  expect(s).toContain("a.xlsx: 1 fout, 1.200 waarschuwingen (meetmoment niet ingesteld)");
  const perRule = s.slice(s.indexOf("Per regel:"));
  expect(perRule).toMatch(/1\.200\s+waarschuwing\s+Mijlpaal over tijd/);
  expect(perRule).toMatch(/1\s+fout\s+Waarde niet in de lijst/);
  for (const r of RULES) expect(perRule).not.toContain(r.code);
});

test("totals --by envelop lists relance before regulier, as the Overzicht does", async () => {
  const r = await run("totals", demo, "--by", "envelop");
  const relance = r.out.indexOf("VV001–VV158 (relancebudget");
  const regulier = r.out.indexOf("VV159–VV180 (reguliere begroting)");
  expect(relance).toBeGreaterThan(0);
  expect(regulier).toBeGreaterThan(relance);
});

test("validate's Dutch output: plural forms and thousands separators", async () => {
  const r = await run("validate", demo);
  expect(r.out).toContain("12 fouten, 133 waarschuwingen");
  expect(r.out).not.toMatch(/\b1 fouten\b|\b1 waarschuwingen\b/);
  const d = await run("demo", tmp.path("demo2.xlsx"));
  expect(d.out).toContain("180 projecten, 1.453 mijlpalen, 355 outputindicatoren");
});
