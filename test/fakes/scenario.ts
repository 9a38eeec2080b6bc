/**
 * The add-in's operations one after another on a workbook of `n` rows per sheet, on the fake Excel, with
 * the number of context.sync() calls of each. Shared by the sync-count tests and bench/excel.ts.
 */
import { ExcelWorkbookPort, type ExcelRun } from "../../src/excel/port";
import { excelOverview } from "../../src/excel/flows";
import { LiveValidation, type ExcelRunWith } from "../../src/excel/live";
import { TEMPLATE_TABLES } from "../../src/excel/flows";
import {
  buildOverview,
  convertWorkbook,
  createTemplate,
  validateFlow,
} from "../../src/workbook/flows";
import { FakeExcel } from "./excel";
import { plainWorkbook } from "./workbooks";

export type SyncCounts = Record<string, number>;

export interface ScenarioHooks {
  /** Called after each operation with the workbook, e.g. to check values. */
  after?: (operation: string, x: FakeExcel, port: ExcelWorkbookPort) => Promise<void> | void;
  before?: (operation: string, x: FakeExcel, port: ExcelWorkbookPort) => Promise<void> | void;
}

export const portOn = (x: FakeExcel) =>
  new ExcelWorkbookPort({ run: x.run as unknown as ExcelRun, notes: true });

export async function syncScenario(
  n: number,
  hooks: ScenarioHooks = {}
): Promise<{ counts: SyncCounts; ms: Record<string, number>; x: FakeExcel }> {
  const counts: SyncCounts = {};
  const ms: Record<string, number> = {};
  const x = plainWorkbook(n);
  const port = portOn(x);
  const step = async (name: string, f: () => Promise<unknown>, on: FakeExcel = x) => {
    await hooks.before?.(name, on, port);
    const s0 = on.syncs;
    const t0 = performance.now();
    await f();
    ms[name] = Math.round(performance.now() - t0);
    counts[name] = on.syncs - s0;
    await hooks.after?.(name, on, port);
  };
  await step("read", () => port.read());
  await step("convert", () => convertWorkbook(port, { meetmoment: "2022-06-01" }));
  await step("validate", () =>
    validateFlow(port, { meetmoment: "2022-06-01", lang: "nl", annotate: false })
  );
  await step("validateAndAnnotate", () =>
    validateFlow(port, { meetmoment: "2022-06-01", lang: "nl", annotate: true })
  );
  await step("revalidateAndAnnotate", () =>
    validateFlow(port, { meetmoment: "2022-06-01", lang: "nl", annotate: true })
  );
  await step("overviewPlainFormulas", () => buildOverview(port, { lang: "nl" }));
  await step("overviewCustomFunctions", () =>
    excelOverview(port, { lang: "nl", mode: "functions" })
  );
  await step("createTemplateOverExisting", () =>
    createTemplate(port, { meetmoment: "2022-06-01" })
  );
  await step("selectCell", () => port.select("Projecten", "C5"));
  await step("clearMarks", () => port.apply({ clearMarks: true }));
  const live = new LiveValidation({
    run: x.run as unknown as ExcelRun,
    runWith: x.run as unknown as ExcelRunWith,
    tables: TEMPLATE_TABLES,
    onChange: async () => undefined,
    onError: (e) => {
      throw e;
    },
  });
  await step("liveValidationStart", () => live.start());
  await step("liveValidationStop", () => live.stop());
  const empty = new FakeExcel();
  empty.addSheet("Blad1");
  await step(
    "createTemplateEmpty",
    () => createTemplate(portOn(empty), { meetmoment: "2022-06-01" }),
    empty
  );
  return { counts, ms, x };
}
