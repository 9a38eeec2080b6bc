/**
 * Every flow on the Office.js host, against the fake Excel, at 10 and at 10,000 rows per sheet: the number
 * of context.sync() calls is the same; values round-trip; nothing typed is lost.
 */
import { convertWorkbook, createTemplate, validateFlow, buildOverview } from "../../src/workbook/flows";
import { SHEETS, VALIDATION_SHEET, OVERVIEW_SHEET } from "../../src/core/template";
import { ExcelWorkbookPort, MARK_FILL, type ExcelRun } from "../../src/excel/port";
import { excelOverview } from "../../src/excel/flows";
import { FakeExcel } from "../fakes/excel";
import { plainWorkbook } from "../fakes/workbooks";

const portOf = (x: FakeExcel) => new ExcelWorkbookPort({ run: x.run as unknown as ExcelRun, notes: true, runtimeEvents: true });

async function syncsOf(x: FakeExcel, f: () => Promise<unknown>): Promise<number> {
  const before = x.syncs;
  await f();
  return x.syncs - before;
}

/** Every non-blank value in the workbook, as text, with its count. */
function valueBag(x: FakeExcel, skip: (sheet: string) => boolean = () => false): Map<string, number> {
  const bag = new Map<string, number>();
  for (const s of x.sheets) {
    if (skip(s.name)) continue;
    for (const c of s.cells.values()) {
      if (c.formula !== undefined || c.value === "" || c.value === null || c.value === undefined) continue;
      const k = String(c.value);
      bag.set(k, (bag.get(k) ?? 0) + 1);
    }
  }
  return bag;
}

function missingFrom(before: Map<string, number>, after: Map<string, number>): string[] {
  const out: string[] = [];
  for (const [k, n] of before) if ((after.get(k) ?? 0) < n) out.push(k);
  return out;
}

type Counts = Record<string, number>;

async function runAll(n: number): Promise<{ counts: Counts; x: FakeExcel }> {
  const counts: Counts = {};
  const x = plainWorkbook(n);
  const port = portOf(x);
  const typed = valueBag(x);

  counts.convert = await syncsOf(x, () => convertWorkbook(port, { meetmoment: "2022-06-01" }));
  expect(missingFrom(typed, valueBag(x))).toEqual([]);
  for (const s of SHEETS) expect(x.table(s.tableName).rect.rows).toBe(n + 1);

  const before = await port.read();
  counts.validate = await syncsOf(x, () => validateFlow(port, { meetmoment: "2022-06-01", lang: "nl", annotate: true }));
  const after = await port.read();
  // Annotating changes no value of any data sheet.
  const data = (s: typeof before) => s.sheets.filter((sh) => SHEETS.some((t) => t.name === sh.name));
  expect(data(after)).toEqual(data(before));
  expect(x.findSheet(VALIDATION_SHEET)).toBeDefined();

  counts.revalidate = await syncsOf(x, () => validateFlow(port, { meetmoment: "2022-06-01", lang: "nl", annotate: true }));
  counts.validateOnly = await syncsOf(x, () => validateFlow(port, { meetmoment: "2022-06-01", lang: "nl", annotate: false }));
  counts.overviewFormulas = await syncsOf(x, () => buildOverview(port, { lang: "nl" }));
  counts.overviewFunctions = await syncsOf(x, () => excelOverview(port, { lang: "nl", mode: "functions" }));
  counts.createTemplateOverExisting = await syncsOf(x, () => createTemplate(port, { meetmoment: "2022-06-01" }));
  expect(missingFrom(typed, valueBag(x))).toEqual([]);
  counts.select = await syncsOf(x, () => port.select("Projecten", "C5"));
  counts.read = await syncsOf(x, () => port.read());

  const fresh = new FakeExcel();
  fresh.addSheet("Blad1");
  counts.createTemplate = await syncsOf(fresh, () => createTemplate(portOf(fresh), { meetmoment: "2022-06-01" }));
  return { counts, x };
}

describe("sync counts do not grow with rows", () => {
  let small: Counts;
  let large: Counts;
  let largeX: FakeExcel;
  beforeAll(async () => {
    small = (await runAll(10)).counts;
    const r = await runAll(10_000);
    large = r.counts;
    largeX = r.x;
  }, 240_000);

  it("are equal at 10 and 10,000 rows for every operation", () => {
    expect(large).toEqual(small);
  });
  it("are the documented numbers", () => {
    expect(small).toEqual({
      convert: 3 + 3, validate: 3 + 4, revalidate: 3 + 4, validateOnly: 3, overviewFormulas: 3, overviewFunctions: 3,
      createTemplateOverExisting: 3 + 3, select: 1, read: 3,
      // An empty workbook has no values to load: its read skips the third sync.
      createTemplate: 2 + 3,
    });
  });
  it("marks offending cells at 10,000 rows and draws the overview's charts", () => {
    const p = largeX.sheet("Projecten");
    const marked = [...p.cells.values()].filter((c) => c.fill === MARK_FILL.error || c.fill === MARK_FILL.warning).length;
    expect(marked).toBeGreaterThan(100);
    expect(largeX.sheet(OVERVIEW_SHEET).charts.length).toBeGreaterThanOrEqual(3);
  });
});
