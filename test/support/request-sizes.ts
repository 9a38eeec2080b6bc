/**
 * The add-in's operations on Microsoft's own Office.js client (test/support/office-js-client.ts), on a
 * workbook of `n` rows per sheet, as Excel on the web would receive them: per operation, the number of
 * requests, the largest request and response in bytes, and whether any was refused for its size. Shared by
 * test/excel/request-size.test.ts and the benchmark (bench/excel.ts).
 */
import { ExcelWorkbookPort } from "../../src/excel/port";
import { excelOverview } from "../../src/excel/flows";
import { convertWorkbook, validateFlow } from "../../src/workbook/flows";
import { plainWorkbook } from "../fakes/workbooks";
import { clientRun, LIMIT, type RecordedRequest } from "./office-js-client";

export interface OperationSizes {
  requests: number;
  largestRequest: number;
  /** The largest response Excel would send (a refused one is not sent). */
  largestResponse: number;
  /** Requests refused for their size: always 0 (the add-in's grouping is wrong otherwise). */
  refusedRequests: number;
  /** Responses refused for their size, each then split and loaded again. */
  refusedResponses: number;
}

export interface SizeReport {
  rows: number;
  marks: number;
  operations: Record<string, OperationSizes>;
  log: RecordedRequest[];
}

export async function requestSizes(n: number): Promise<SizeReport> {
  const x = plainWorkbook(n);
  const log: RecordedRequest[] = [];
  let operation = "";
  const port = new ExcelWorkbookPort({
    run: clientRun(x, log, () => operation),
    notes: true,
    writePayloadLimit: LIMIT,
  });
  const step = async (name: string, f: () => Promise<unknown>) => {
    operation = name;
    await f();
  };
  let marks = 0;
  await step("read", () => port.read());
  await step("convert", () => convertWorkbook(port, { meetmoment: "2022-06-01" }));
  await step("validateAndAnnotate", async () => {
    const r = await validateFlow(port, { meetmoment: "2022-06-01", annotate: true });
    marks = new Set(r.findings.filter((f) => f.cell).map((f) => `${f.sheet}!${f.cell}`)).size;
  });
  await step("overviewCustomFunctions", () =>
    excelOverview(port, { lang: "nl", mode: "functions", displayLanguage: "nl-BE" })
  );
  await step("selectCell", () => port.select("Projecten", "C5"));
  await step("clearMarks", () => port.apply({ clearMarks: true }));
  const operations: Record<string, OperationSizes> = {};
  for (const r of log) {
    const o = (operations[r.operation] ??= {
      requests: 0,
      largestRequest: 0,
      largestResponse: 0,
      refusedRequests: 0,
      refusedResponses: 0,
    });
    o.requests++;
    o.largestRequest = Math.max(o.largestRequest, r.requestBytes);
    if (r.refused === null) o.largestResponse = Math.max(o.largestResponse, r.responseBytes);
    if (r.refused === "request") o.refusedRequests++;
    if (r.refused === "response") o.refusedResponses++;
  }
  return { rows: n, marks, operations, log };
}
