/**
 * The add-in's operations on Microsoft's own Office.js client (test/support/office-js-client.ts), on a
 * workbook of `n` rows per sheet, as Excel on the web would receive them: per operation, the number of
 * requests, the largest request and response in bytes, and whether any was refused for its size. Shared by
 * test/excel/request-size.test.ts and the benchmark (bench/excel.ts).
 */
import { ExcelWorkbookPort } from "../../src/excel/port";
import { excelOverview } from "../../src/excel/flows";
import { convertWorkbook } from "../../src/workbook/flows";
import { ExcelWorkbench } from "../../src/taskpane/workbench";
import { cellA1, rectA1 } from "../../src/workbook/address";
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
  /** All bytes of the operation: its requests plus its responses. */
  totalBytes: number;
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
  const bench = new ExcelWorkbench({ port });
  const M = "2022-06-01";
  /** A user's edit of data rows of the Mijlpalen table, and the change Excel reports for it. */
  const edit = (row: number, values: unknown[][]) => {
    const t = x.table("tblMijlpalen");
    const at = { row: t.rect.row + 1 + row, column: t.rect.column + 2 };
    x.type("Mijlpalen", cellA1(at.row, at.column), values);
    const address = rectA1({ ...at, rows: values.length, columns: values[0].length });
    return [{ table: "tblMijlpalen", address, changeType: "RangeEdited" }];
  };
  const live = (changes: ReturnType<typeof edit>) =>
    bench.validate({ lang: "nl", meetmoment: M, annotate: true, quiet: true, changes });
  await step("read", () => port.read());
  await step("convert", () => convertWorkbook(port, { meetmoment: M }));
  await step("openPaneStatus", () => bench.status());
  await step("validateAndAnnotate", async () => {
    const r = await bench.validate({ lang: "nl", meetmoment: M, annotate: true });
    marks = new Set(r.findings.filter((f) => f.cell).map((f) => `${f.sheet}!${f.cell}`)).size;
  });
  // One typed cell: a timing that makes the milestone's row wrong, then right again.
  await step("liveEditOneCell", () => live(edit(Math.floor(n / 2), [["2022 Q9"]])));
  // A paste of 1,000 rows of timings over rows that were right.
  await step("livePaste1000Rows", () =>
    live(
      edit(
        Math.max(0, Math.floor(n / 2) - 500),
        Array.from({ length: Math.min(1000, n) }, (_, i) => [i % 2 ? "2023 Q9" : "2021 Q1"])
      )
    )
  );
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
      totalBytes: 0,
    });
    o.requests++;
    o.totalBytes += r.requestBytes + r.responseBytes;
    o.largestRequest = Math.max(o.largestRequest, r.requestBytes);
    if (r.refused === null) o.largestResponse = Math.max(o.largestResponse, r.responseBytes);
    if (r.refused === "request") o.refusedRequests++;
    if (r.refused === "response") o.refusedResponses++;
  }
  return { rows: n, marks, operations, log };
}
