/**
 * The add-in against a user who types, protects sheets and clicks while a live run writes, in the twin made
 * strict where the Office.js reference says so: a batch fails in cell-edit mode unless it runs with
 * `delayForCellEdit`; a failed request runs none of its actions (events stay off when the request that turns
 * them on fails); a protected sheet refuses writes; Excel on the web may answer a large payload with a
 * GeneralException.
 */
import { ExcelWorkbookPort, type ExcelRun } from "../../src/excel/port";
import { ExcelWorkbench } from "../../src/taskpane/workbench";
import { convertWorkbook, validateFlow } from "../../src/workbook/flows";
import { FakeExcel, FakeRequestContext, installGlobals } from "../fakes/excel";
import { plainWorkbook } from "../fakes/workbooks";

const M = "2022-06-01";
const g = globalThis as Record<string, unknown>;

/** Excel and Office as globals (the add-in's defaults use them), removed again after each test. */
function globals(x: FakeExcel) {
  installGlobals(g, x);
}
afterEach(() => {
  delete g.Excel;
  delete g.Office;
  jest.restoreAllMocks();
});

async function template(n = 10, x = plainWorkbook(n)) {
  const port = new ExcelWorkbookPort({ run: x.run as unknown as ExcelRun, notes: true });
  await convertWorkbook(port, { meetmoment: M });
  return { x, port };
}

describe("cell-edit mode", () => {
  it("a read started while the user types waits for Enter instead of failing", async () => {
    const { x } = await template();
    globals(x);
    const port = new ExcelWorkbookPort({ notes: true }); // Excel.run of the add-in itself
    x.startCellEdit();
    let done = false;
    const read = port.read().then((s) => ((done = true), s));
    await new Promise((r) => setTimeout(r, 20));
    expect(done).toBe(false);
    x.endCellEdit();
    const snap = await read;
    expect(snap.sheets.some((s) => s.name === "Projecten")).toBe(true);
    expect(x.delayedRequests).toBeGreaterThan(0);
  });

  it("events are on again when edit mode starts between the writes and the request that switches them on", async () => {
    const { x } = await template();
    globals(x);
    const port = new ExcelWorkbookPort({ notes: true });
    const sync = FakeRequestContext.prototype.sync;
    let started = false;
    jest.spyOn(FakeRequestContext.prototype, "sync").mockImplementation(async function (
      this: FakeRequestContext
    ) {
      await sync.call(this);
      if (!started && !x.eventsEnabled) {
        started = true; // the user starts typing right after our writes
        x.startCellEdit();
        setTimeout(() => x.endCellEdit(), 30);
      }
    });
    await validateFlow(port, { meetmoment: M, annotate: true, activate: false });
    expect(started).toBe(true);
    expect(x.eventsEnabled).toBe(true);
  });
});

describe("events", () => {
  it("a live run that writes nothing still switches events on when an earlier failure left them off", async () => {
    const { x, port } = await template();
    const bench = new ExcelWorkbench({ port, run: x.run as unknown as ExcelRun });
    await bench.validate({ lang: "nl", meetmoment: M, annotate: true });
    x.eventsEnabled = false; // left off by a batch that failed half-way
    await bench.validate({ lang: "nl", meetmoment: M, annotate: true, quiet: true });
    expect(x.eventsEnabled).toBe(true);
  });
});

describe("protected sheets", () => {
  it("validate-and-mark shows the findings and skips the marks of a protected sheet", async () => {
    const { x, port } = await template();
    x.type("Mijlpalen", "C2", [["2022 Q9"]]);
    x.type("Financiering", "B2", [[-5]]);
    x.sheet("Mijlpalen").protected = true;
    const bench = new ExcelWorkbench({ port, run: x.run as unknown as ExcelRun });
    const r = await bench.validate({ lang: "nl", meetmoment: M, annotate: true });
    expect(r.findings.some((f) => f.sheet === "Mijlpalen" && f.cell === "C2")).toBe(true);
    expect(r.protectedSheets).toEqual(["Mijlpalen"]);
    expect(x.cell("Mijlpalen", "C2")?.fill ?? null).toBeNull();
    const ours = [...x.sheet("Mijlpalen").notes.values()].filter((n) =>
      /vv-monitor/.test(n.content)
    );
    expect(ours).toEqual([]);
    // The other sheets are marked.
    expect(r.findings.some((f) => f.sheet === "Financiering" && f.cell === "B2")).toBe(true);
    expect(x.cell("Financiering", "B2")?.fill).toBeTruthy();
  });
});

describe("one queue", () => {
  it("a live run and a pane action never interleave their requests", async () => {
    const x = plainWorkbook(10);
    let active = 0;
    let overlap = 0;
    const run: ExcelRun = async (batch) => {
      active++;
      if (active > 1) overlap++;
      try {
        return await (x.run as unknown as ExcelRun)(batch);
      } finally {
        active--;
      }
    };
    const port = new ExcelWorkbookPort({ run, notes: true });
    await convertWorkbook(port, { meetmoment: M });
    const bench = new ExcelWorkbench({ port, run });
    await Promise.all([
      bench.validate({ lang: "nl", meetmoment: M, annotate: true, quiet: true }),
      bench.overview({ lang: "nl", mode: "formulas" }),
      bench.validate({ lang: "nl", meetmoment: M, annotate: true }),
      bench.status(),
    ]);
    expect(overlap).toBe(0);
  });
});

describe("payloads", () => {
  it("a read answered with GeneralException for its size is split and loaded again", async () => {
    const x = plainWorkbook(300, { maxPayloadBytes: 400_000, payloadError: "GeneralException" });
    const port = new ExcelWorkbookPort({
      run: x.run as unknown as ExcelRun,
      notes: true,
      writePayloadLimit: 2_000_000, // the add-in thinks it may send more than this Excel takes
    });
    const snap = await port.read();
    const milestones = snap.sheets.find((s) => s.name === "Milestones")!;
    expect(milestones.used!.values.length).toBeGreaterThan(300);
  });

  it("a small request's GeneralException is reported, not split", async () => {
    const x = new FakeExcel({ maxPayloadBytes: 10, payloadError: "GeneralException" });
    x.addSheet("Blad1", [["a"]]);
    const port = new ExcelWorkbookPort({ run: x.run as unknown as ExcelRun, notes: true });
    await expect(port.read()).rejects.toThrow(/GeneralException/);
  });
});

describe("low items", () => {
  it("recalculates after writing with calculation suspended", async () => {
    const { x, port } = await template();
    const { buildOverview } = await import("../../src/workbook/flows");
    await buildOverview(port, { lang: "nl" });
    expect(x.calls).toContain("Application.calculate(Recalculate)");
    expect(x.calcStale).toBe(false);
  });

  it("marks and restores on an Excel with ExcelApi 1.8 (RangeFill.pattern needs 1.9)", async () => {
    const x = plainWorkbook(10, { apiVersion: "1.8" });
    const port = new ExcelWorkbookPort({ run: x.run as unknown as ExcelRun, notes: false });
    await convertWorkbook(port, { meetmoment: M });
    x.type("Mijlpalen", "C2", [["2022 Q9"]]);
    x.cell("Mijlpalen", "D2")!.fill = "#00B0F0"; // the user's own fill on another cell of the row
    await validateFlow(port, { meetmoment: M, annotate: true });
    expect(x.cell("Mijlpalen", "C2")?.fill).toBe("#FFC7CE");
    x.type("Mijlpalen", "C2", [["2022 Q1"]]);
    await validateFlow(port, { meetmoment: M, annotate: true });
    expect(x.cell("Mijlpalen", "C2")?.fill ?? null).toBeNull();
    expect(x.cell("Mijlpalen", "D2")?.fill).toBe("#00B0F0");
  });
});
