/**
 * The add-in's operations through Microsoft's own Office.js client (the @microsoft/office-js package's
 * Excel web build, in jsdom), answered by the twin, at 10,000 rows per sheet with more than 10,000 marked
 * cells: every request Excel on the web would receive stays below its 5 MB limit, and the operations
 * complete with the same result as on the desktop. The figures are in `npm run bench` (bench/excel.ts).
 */
import { FakeExcel } from "../fakes/excel";
import { clientRun, LIMIT, type RecordedRequest } from "../support/office-js-client";
import { requestSizes, type SizeReport } from "../support/request-sizes";
import { ExcelWorkbookPort, type ExcelRun } from "../../src/excel/port";
import { createTemplate } from "../../src/workbook/flows";

describe("Microsoft's client: the requests Excel on the web would receive", () => {
  it("serialises a template through the client and reads it back (stamp, tables, notes)", async () => {
    const x = new FakeExcel();
    x.addSheet("Blad1");
    const log: RecordedRequest[] = [];
    const port = new ExcelWorkbookPort({
      run: clientRun(x, log, () => "template"),
      notes: true,
      writePayloadLimit: LIMIT,
    });
    await createTemplate(port, { meetmoment: "2022-06-01" });
    const snap = await port.read();
    expect(snap.stamp).toMatchObject({ templateVersion: "1.0", meetmoment: "2022-06-01" });
    expect(snap.sheets.find((s) => s.name === "Projecten")?.tables[0].tableName).toBe(
      "tblProjecten"
    );
    expect(snap.sheets.find((s) => s.name === "Projecten")?.notes?.length).toBeGreaterThan(10);
    expect(log.length).toBeGreaterThan(5);
    expect(log.every((r) => r.refused === null)).toBe(true);
  });

  let report: SizeReport;
  beforeAll(async () => {
    report = await requestSizes(10_000);
  }, 900_000);

  it("marks more than 10,000 cells at 10,000 rows per sheet", () => {
    expect(report.marks).toBeGreaterThan(10_000);
  });

  it("keeps every request below 5 MB, for every operation", () => {
    const over = report.log.filter((r) => r.requestBytes > LIMIT);
    expect(over).toEqual([]);
    for (const [op, o] of Object.entries(report.operations)) {
      expect([op, o.refusedRequests]).toEqual([op, 0]);
      expect(o.largestRequest).toBeLessThanOrEqual(LIMIT);
    }
    // The marks fill their requests: large, yet below the limit.
    expect(report.operations.validateAndAnnotate.largestRequest).toBeGreaterThan(LIMIT / 2);
  });
  it("keeps every response below 4.5 MB, with margin to the 5 MB limit", () => {
    for (const [op, o] of Object.entries(report.operations))
      expect([op, o.largestResponse <= 4_500_000]).toEqual([op, true]);
  });

  it("after one edited cell, live validation sends at most 3 requests and 200 kB", () => {
    const o = report.operations.liveEditOneCell;
    expect(o.requests).toBeLessThanOrEqual(3);
    expect(o.totalBytes).toBeLessThanOrEqual(200_000);
  });

  it("a paste of 1,000 rows costs at most 5 % of a full validate-and-mark", () => {
    const paste = report.operations.livePaste1000Rows;
    const full = report.operations.validateAndAnnotate;
    expect(paste.totalBytes).toBeLessThanOrEqual(full.totalBytes * 0.05);
    expect(paste.requests).toBeLessThanOrEqual(Math.max(3, full.requests * 0.05));
  });

  it("opening the pane reads under 1 MB", () => {
    expect(report.operations.openPaneStatus.totalBytes).toBeLessThan(1_000_000);
  });
});

describe("the twin's request sizes", () => {
  it("are within 35 % of Microsoft's client for the same validation with marks", async () => {
    const { plainWorkbook } = await import("../fakes/workbooks");
    const { convertWorkbook, validateFlow } = await import("../../src/workbook/flows");
    const run = async (client: boolean) => {
      const x = plainWorkbook(300, { maxPayloadBytes: LIMIT * 100 });
      const log: RecordedRequest[] = [];
      const port = new ExcelWorkbookPort({
        run: client ? clientRun(x, log, () => "op") : (x.run as unknown as ExcelRun),
        notes: true,
      });
      await convertWorkbook(port, { meetmoment: "2022-06-01" });
      x.largestRequest = 0;
      log.length = 0;
      await validateFlow(port, { meetmoment: "2022-06-01", annotate: true });
      return client ? Math.max(...log.map((r) => r.requestBytes)) : x.largestRequest;
    };
    const ms = await run(true);
    const twin = await run(false);
    expect(twin / ms).toBeGreaterThan(0.65);
    expect(twin / ms).toBeLessThan(1.35);
  });
});
