/**
 * `vv-monitor export --csv <dir> --excel`: the CSV for Excel in Dutch, beside the open-data CSV. A byte
 * order mark, semicolons, the template's Dutch headers, decimal commas, and the source file of each merged
 * row. (That LibreOffice in a Dutch locale opens it as columns with numbers: test/e2e/csv-excel.e2e.test.ts.)
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { SHEET_BY_KEY, SOURCE_COLUMN } from "../../src/core/template";
import { dutchNumber } from "../../src/workbook/flows";
import { tempDir } from "../flows/support";
import { mergedSmall } from "../support/merged-small";
import { parseCsv } from "../e2e/libreoffice/soffice";
import { run } from "./run";

const tmp = tempDir("vv-csvx-");
afterAll(() => tmp.cleanup());
const dir = tmp.path("excel");
let merged: string;

beforeAll(async () => {
  merged = (await mergedSmall(tmp.path)).merged;
  const r = await run("export", merged, "--csv", dir, "--excel");
  expect(r.code).toBe(0);
  expect(r.out).toContain("4 bestanden geschreven naar");
}, 120_000);

const file = (name: string) => readFileSync(join(dir, name), "utf8");
const rows = (name: string) => parseCsv(file(name).replace(/^\uFEFF/, ""), ";");

test("each file starts with a byte order mark, separates by semicolons and ends lines with CRLF", () => {
  for (const name of ["projecten", "mijlpalen", "outputindicatoren", "financiering"]) {
    const text = file(`${name}-excel.csv`);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.split("\r\n")[0].split(";").length).toBeGreaterThan(3);
    expect(text.split("\r\n").length).toBeGreaterThan(2);
  }
  // The open-data files and their Data Package are not written by --excel.
  expect(existsSync(join(dir, "projecten.csv"))).toBe(false);
  expect(existsSync(join(dir, "datapackage.json"))).toBe(false);
});

test("the headers are the template's Dutch labels, then Bronbestand", () => {
  const header = rows("financiering-excel.csv")[0];
  for (const c of SHEET_BY_KEY.financing.columns.filter((c) => c.kind !== "computed"))
    expect(header).toContain(c.header);
  expect(header).not.toContain("regulierVlaams");
  expect(header).not.toContain("leadEntity");
  expect(header[header.length - 1]).toBe(SOURCE_COLUMN);
  expect(rows("projecten-excel.csv")[0]).toContain("Trekkende entiteit");
});

test("every merged row names the file it came from", () => {
  const r = rows("projecten-excel.csv");
  const src = r[0].indexOf(SOURCE_COLUMN);
  const code = r[0].indexOf("Projectcode");
  const by = new Map(r.slice(1).map((x) => [x[code], x[src]]));
  expect([...by.keys()].sort()).toEqual(["VV001", "VV002", "VV003", "VV004", "VV005"]);
  expect(by.get("VV001")).toBe(tmp.path("a.xlsx"));
  expect(by.get("VV005")).toBe(tmp.path("b.xlsx"));
  const m = rows("mijlpalen-excel.csv");
  expect(m.slice(1).every((x) => x[m[0].indexOf(SOURCE_COLUMN)].endsWith(".xlsx"))).toBe(true);
});

test("numbers have a decimal comma and no grouping", () => {
  const r = rows("outputindicatoren-excel.csv");
  const graad = r[0].indexOf("Realisatiegraad (berekend)");
  const fractions = r
    .slice(1)
    .map((x) => x[graad])
    .filter((v) => v !== "");
  expect(fractions.length).toBeGreaterThan(0);
  for (const v of fractions) expect(v).toMatch(/^-?\d+(,\d+)?$/);
  expect(fractions.some((v) => v.includes(","))).toBe(true);
  expect(dutchNumber(1650000)).toBe("1650000");
  expect(dutchNumber(0.072)).toBe("0,072");
  expect(dutchNumber(-1234.5)).toBe("-1234,5");
  expect(dutchNumber(1e-7)).toBe("0,0000001");
});

test("a workbook that was not merged has no Bronbestand column", async () => {
  const single = tmp.path("a.xlsx");
  const out = tmp.path("single");
  expect((await run("export", single, "--csv", out, "--excel")).code).toBe(0);
  const text = readFileSync(join(out, "projecten-excel.csv"), "utf8");
  expect(text.split("\r\n")[0]).not.toContain(SOURCE_COLUMN);
});

test("--excel without --csv says what to add (exit 2)", async () => {
  const r = await run("export", merged, "--excel");
  expect(r.code).toBe(2);
  expect(r.err).toContain("--excel hoort bij --csv <map>");
});

test("a text of several lines stays in its row, in both CSV flavours", async () => {
  const open = tmp.path("open");
  expect((await run("export", merged, "--csv", open)).code).toBe(0);
  const data = parseCsv(readFileSync(join(open, "projecten.csv"), "utf8"));
  expect(data).toHaveLength(1 + 5);
  expect(new Set(data.map((r) => r.length)).size).toBe(1);
  const excel = rows("projecten-excel.csv");
  expect(excel).toHaveLength(1 + 5);
  expect(new Set(excel.map((r) => r.length)).size).toBe(1);
  expect(excel.some((r) => r.some((c) => c.includes("\n")))).toBe(true);
});
