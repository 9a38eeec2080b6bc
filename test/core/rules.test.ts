/**
 * Every rule of the catalogue: a workbook that breaks it (the rule fires, on the right cell) and the
 * same workbook without the fault (the rule is silent). A test at the end checks no rule is left out.
 */
import { RULES } from "../../src/core/rules";
import { validateTables } from "../../src/core/validate";
import type { TableData } from "../../src/core/table";
import { cases, MEETMOMENT, tables, validBook } from "../support/rule-cases";

function run(t: TableData[], meetmoment: string | null = MEETMOMENT) {
  return validateTables(t, { meetmoment });
}

test("the valid workbook has no findings at all", () => {
  expect(run(tables(validBook())).findings).toEqual([]);
});

describe.each(RULES.map((r) => [r.code, r] as const))("rule %s", (code, def) => {
  const c = cases[code];
  test("fires on the broken workbook, on the right cell, with its severity and a message in both languages", () => {
    const book = validBook();
    const t = c.break(book) ?? tables(book);
    const mm = c.meetmoment === null ? null : MEETMOMENT;
    const all = (lang: "nl" | "en") =>
      c.findings ? c.findings(lang) : validateTables(t, { meetmoment: mm, lang }).findings;
    const found = all("nl").filter((f) => f.rule === code);
    expect(found.length).toBeGreaterThan(0);
    const f = found[0];
    expect(f.severity).toBe(def.severity);
    expect(f.cell === null ? null : `${f.sheet}!${f.cell}`).toBe(c.cell);
    expect(f.message.length).toBeGreaterThan(20);
    const en = all("en").find((x) => x.rule === code)!;
    expect(en.message).not.toBe(f.message);
  });
  test("is silent on the valid workbook", () => {
    expect(run(tables(validBook())).findings.filter((f) => f.rule === code)).toEqual([]);
  });
});

test("every rule in the catalogue has a case", () => {
  expect(Object.keys(cases).sort()).toEqual(RULES.map((r) => r.code).sort());
});

test("a capped 100 % and half-up rounding are accepted; truncation is not", () => {
  const b = validBook();
  b.indicators[0].realisatie = 2000000; // 121 %
  b.indicators[0].realisatiegraad = 1;
  expect(run(tables(b)).findings).toEqual([]);
  b.indicators[0].realisatie = 157;
  b.indicators[0].streefwaarde = 200; // 78,5 % → 79 % at 0 decimals
  b.indicators[0].realisatiegraad = 0.79;
  expect(run(tables(b)).findings).toEqual([]);
  b.indicators[0].realisatiegraad = 0.78; // truncated
  expect(run(tables(b)).findings.map((f) => f.rule)).toEqual(["realisatiegraad-mismatch"]);
});

test("tables that do not start at A1 report the real cell", () => {
  const t = tables(validBook());
  t[1] = { ...t[1], headerRow: 5, firstColumn: 2 };
  t[1].rows[0][3] = "Bijna klaar";
  const f = run(t).findings.find((x) => x.rule === "enum-value")!;
  expect(f.cell).toBe("F6");
  expect(f.row).toBe(6);
  expect(f.column).toBe("Status");
  expect(f.projectCode).toBe("VV001");
});
