import { LiveValidation, type ExcelRunWith } from "../../src/excel/live";
import { ExcelWorkbookPort, type ExcelRun } from "../../src/excel/port";
import { TEMPLATE_TABLES } from "../../src/excel/flows";
import { createTemplate, validateFlow } from "../../src/workbook/flows";
import { FakeExcel } from "../fakes/excel";

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function setup() {
  const x = new FakeExcel();
  x.addSheet("Blad1");
  const port = new ExcelWorkbookPort({
    run: x.run as unknown as ExcelRun,
    notes: true,
  });
  await createTemplate(port, { meetmoment: "2022-06-01" });
  const results: number[] = [];
  const errors: unknown[] = [];
  const live = new LiveValidation({
    run: x.run as unknown as ExcelRun,
    runWith: x.run as unknown as ExcelRunWith,
    tables: TEMPLATE_TABLES,
    debounceMs: 30,
    onChange: async () => {
      const r = await validateFlow(port, { annotate: true, meetmoment: "2022-06-01" });
      results.push(r.errors);
    },
    onError: (e) => errors.push(e),
  });
  return { x, port, live, results, errors };
}

describe("live validation", () => {
  it("re-validates once after a burst of edits and pastes, and its own marks do not re-trigger it", async () => {
    const { x, live, results, errors } = await setup();
    expect(await live.start()).toEqual(TEMPLATE_TABLES);
    await x.userEdit("Mijlpalen", "A2", [["VV999", "Iets", "2022 Q5", "Op schema"]]);
    await x.userEdit("Mijlpalen", "C2", [["2023 Q9"]]);
    await wait(150);
    await x.settleEvents();
    expect(live.runs).toBe(1);
    expect(results.length).toBe(1);
    expect(results[0]).toBeGreaterThan(0);
    // The validation wrote marks and the Validatie sheet: no further run.
    await wait(150);
    await x.settleEvents();
    expect(live.runs).toBe(1);
    expect(errors).toEqual([]);
    expect(x.cell("Mijlpalen", "C2")?.fill).toBeTruthy();
  });

  it("does nothing once switched off", async () => {
    const { x, live } = await setup();
    await live.start();
    await live.stop();
    expect(live.active).toBe(false);
    await x.userEdit("Projecten", "A2", [["VV1"]]);
    await wait(100);
    expect(live.runs).toBe(0);
  });

  it("reports a failing re-validation instead of hiding it", async () => {
    const x = new FakeExcel();
    x.addSheet("Blad1");
    await createTemplate(new ExcelWorkbookPort({ run: x.run as unknown as ExcelRun, notes: true }));
    const errors: unknown[] = [];
    const live = new LiveValidation({
      run: x.run as unknown as ExcelRun,
      runWith: x.run as unknown as ExcelRunWith,
      tables: TEMPLATE_TABLES,
      debounceMs: 5,
      onChange: async () => {
        throw new Error("stuk");
      },
      onError: (e) => errors.push(e),
    });
    await live.start();
    await x.userEdit("Projecten", "A2", [["VV001"]]);
    await wait(60);
    expect(errors).toHaveLength(1);
  });

  it("tries a failed run once more, reports only a second failure, and a later success clears it", async () => {
    const x = new FakeExcel();
    x.addSheet("Blad1");
    await createTemplate(new ExcelWorkbookPort({ run: x.run as unknown as ExcelRun, notes: true }));
    const errors: unknown[] = [];
    let recovered = 0;
    let failures = 1;
    const changes: unknown[] = [];
    const live = new LiveValidation({
      run: x.run as unknown as ExcelRun,
      runWith: x.run as unknown as ExcelRunWith,
      tables: TEMPLATE_TABLES,
      debounceMs: 5,
      onChange: async (c) => {
        changes.push(...c);
        if (failures-- > 0) throw new Error("InvalidOperationInCellEditMode");
      },
      onError: (e) => errors.push(e),
      onRecovered: () => recovered++,
    });
    await live.start();
    await x.userEdit("Projecten", "A2", [["VV001"]]);
    await wait(80);
    expect(errors).toEqual([]); // the retry succeeded
    expect(changes[0]).toMatchObject({ table: "tblProjecten", address: "A2" });
    failures = 2;
    await x.userEdit("Projecten", "A2", [["VV002"]]);
    await wait(80);
    expect(errors).toHaveLength(1);
    expect(recovered).toBe(0);
    await x.userEdit("Projecten", "A2", [["VV003"]]);
    await wait(80);
    expect(recovered).toBe(1);
    await live.stop();
  });
});
