/**
 * Issue 26 item 6: the merged workbook's own figures equal `totals` of its inputs. a.xlsx and b.xlsx both
 * report VV058, differently: `totals a b` counts a's row only, so the merged workbook's tables (which the
 * Overzicht's formulas add up) hold a's row only, b's row is on Bewaard with the conflict, and the stored
 * formula results (what Excel shows), `totals m.xlsx` and its messages agree. LibreOffice's recomputation:
 * test/e2e/merge-conflict.e2e.test.ts.
 */
import ExcelJS from "exceljs";
import { run } from "./run";
import { tempDir } from "../flows/support";
import { CONFLICT_TOTAL, conflictFiles } from "../flows/conflict-files";

const tmp = tempDir("vv-conflict-");
afterAll(() => tmp.cleanup());
const a = tmp.path("a.xlsx");
const b = tmp.path("b.xlsx");
const m = tmp.path("m.xlsx");
const FIGURES = ["count", "begroot", "update", "vak", "vek"] as const;

let merge: Awaited<ReturnType<typeof run>>;
beforeAll(async () => {
  await conflictFiles(a, b);
  merge = await run("merge", a, b, "-o", m);
});

const figures = (t: Record<string, unknown>) => FIGURES.map((k) => t[k]);

it("totals of the inputs counts a's VV058 only, and says why without a wrong reason", async () => {
  const r = await run("totals", a, b, "--json");
  expect(figures(JSON.parse(r.out).total)).toEqual(figures(CONFLICT_TOTAL));
  const text = await run("totals", a, b);
  expect(text.code).toBe(1);
  expect(text.err).not.toContain("niet exact gelezen");
  expect(text.err).toContain(
    "(1 project met andere gegevens in meer dan één bestand: enkel het eerste bestand telt)"
  );
  const en = await run("--lang", "en", "totals", a, b);
  expect(en.err).toContain(
    "(1 project with different data in more than one file: only the first file counts)"
  );
});

it("merge reports the conflict (exit 1); the merged tables hold a's row only, b's is on Bewaard", async () => {
  expect(merge.code).toBe(1);
  expect(merge.out).toContain("VV058 staat in");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(m);
  const codes: unknown[] = [];
  let vak: unknown;
  wb.getWorksheet("Financiering")!.eachRow((row, n) => {
    if (n === 1) return;
    codes.push(row.getCell(1).value);
    if (row.getCell(1).value === "VV058") vak = row.getCell(4).value;
  });
  expect(codes.filter((c) => c === "VV058")).toHaveLength(1);
  expect(vak).toBe(4_000_000);
  const kept: unknown[][] = [];
  wb.getWorksheet("Bewaard")!.eachRow((row) => kept.push((row.values as unknown[]).slice(1)));
  const b58 = kept.filter((r) => String(r[0]).endsWith("b.xlsx › Financiering"));
  expect(b58.map((r) => r[2])).toEqual(["VV058", 10_000_000, 12_000_000, 7_500_000, 1_000_000]);
  for (const r of b58) expect(String(r[3])).toContain("overlap-conflict");
});

it("the Overzicht's stored results (what Excel shows) are the totals of the inputs", async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(m);
  const totals: number[][] = [];
  wb.getWorksheet("Overzicht")!.eachRow((row) => {
    if (row.getCell(1).value !== "Totaal") return;
    totals.push(
      [2, 3, 4, 5, 6].map((c) => {
        const v = row.getCell(c).value as { result?: number } | number;
        return typeof v === "number" ? v : v.result!;
      })
    );
  });
  expect(totals.length).toBeGreaterThan(0);
  for (const t of totals) expect(t).toEqual(figures(CONFLICT_TOTAL));
});

it("totals of the merged workbook: the same figures, exit 0, no finding and no wrong reason", async () => {
  const r = await run("totals", m, "--json");
  expect(r.code).toBe(0);
  const json = JSON.parse(r.out);
  expect(figures(json.total)).toEqual(figures(CONFLICT_TOTAL));
  expect(json.findings).toEqual([]);
  const text = await run("totals", m);
  expect(text.err).toBe("");
});
