/**
 * Every flow on the Office.js host, against the fake Excel, at 10 and at 10,000 rows per sheet: the number
 * of context.sync() calls is the same; values round-trip; nothing typed is lost.
 */
import { SHEETS, VALIDATION_SHEET, OVERVIEW_SHEET } from "../../src/core/template";
import { ExcelWorkbookPort, MARK_FILL } from "../../src/excel/port";
import { FakeExcel } from "../fakes/excel";
import { syncScenario } from "../fakes/scenario";

/** Every non-blank value in the workbook, as text, with its count. */
function valueBag(
  x: FakeExcel,
  skip: (sheet: string) => boolean = () => false
): Map<string, number> {
  const bag = new Map<string, number>();
  for (const s of x.sheets) {
    if (skip(s.name)) continue;
    for (const c of s.cells.values()) {
      if (c.formula !== undefined || c.value === "" || c.value === null || c.value === undefined)
        continue;
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

describe("sync counts do not grow with rows", () => {
  const checks = (n: number) => {
    let typed = new Map<string, number>();
    let before: Awaited<ReturnType<ExcelWorkbookPort["read"]>> | null = null;
    // The data sheets' values (their notes change: the marks' messages are notes).
    const data = (s: NonNullable<typeof before>) =>
      s.sheets
        .filter((sh) => SHEETS.some((t) => t.name === sh.name))
        .map((sh) => ({ ...sh, notes: undefined }));
    return {
      before: async (op: string, x: FakeExcel, port: ExcelWorkbookPort) => {
        if (op === "read") typed = valueBag(x);
        if (op === "validateAndAnnotate") before = await port.read();
      },
      after: async (op: string, x: FakeExcel, port: ExcelWorkbookPort) => {
        if (op === "convert" || op === "createTemplateOverExisting" || op === "clearMarks") {
          // Every typed value is still somewhere in the workbook (moved into the template or kept).
          expect(missingFrom(typed, valueBag(x))).toEqual([]);
        }
        if (op === "convert")
          for (const s of SHEETS) expect(x.table(s.tableName).rect.rows).toBe(n + 1);
        if (op === "validateAndAnnotate") {
          expect(data(await port.read())).toEqual(data(before!)); // annotating changes no value
          expect(x.findSheet(VALIDATION_SHEET)).toBeDefined();
        }
      },
    };
  };
  let small: Record<string, number>;
  let large: Record<string, number>;
  let largeX: FakeExcel;
  beforeAll(async () => {
    small = (await syncScenario(10, checks(10))).counts;
    const r = await syncScenario(10_000, checks(10_000));
    large = r.counts;
    largeX = r.x;
  }, 300_000);

  it("are equal at 10 and 10,000 rows for every operation", () => {
    expect(large).toEqual(small);
  });
  it("are the documented numbers", () => {
    expect(small).toEqual({
      read: 4,
      convert: 4 + 5,
      validate: 4,
      validateAndAnnotate: 4 + 6,
      revalidateAndAnnotate: 4 + 6,
      overviewPlainFormulas: 4 + 4,
      overviewCustomFunctions: 4 + 4,
      createTemplateOverExisting: 4 + 5,
      selectCell: 1,
      clearMarks: 6,
      liveValidationStart: 2,
      liveValidationStop: 1,
      createTemplateEmpty: 4 + 5,
    });
  });
  it("marked offending cells at 10,000 rows, cleared them again, and drew the overview's charts", () => {
    const p = largeX.sheet("Projecten");
    const marked = [...p.cells.values()].filter(
      (c) => c.fill === MARK_FILL.error || c.fill === MARK_FILL.warning
    ).length;
    expect(marked).toBe(0); // clearMarks ran last
    expect(largeX.sheet(OVERVIEW_SHEET).charts.length).toBe(4);
    expect(largeX.sheet(OVERVIEW_SHEET).charts.map((c) => c.pointColours.length)).toEqual([
      0, 2, 6, 7,
    ]);
  });
});
