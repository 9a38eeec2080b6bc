/**
 * The state sheet `_vvmonitor` on Office.js (its format: src/workbook/state.ts): read in row chunks (it
 * holds a row per marked cell, which on a large workbook passes Excel on the web's response limit), and
 * written as text (text format first: through `values` Excel would read "1.0" as the number 1 and
 * "2022-06-01" as a date).
 */
import type { TemplateStamp } from "../workbook/port";
import { parseState, STATE_SHEET, stateRows, type StateRecords } from "../workbook/state";
import { ACTION_BYTES, gridBytes, type WriteBatch } from "./batch";
import { loadAll, type Load } from "./load";

/** The stamp in custom properties: written next to the state sheet, read when the sheet is missing. */
export const STAMP_PROPERTIES = {
  templateVersion: "vvTemplateVersion",
  meetmoment: "vvMeetmoment",
  updatedAt: "vvUpdatedAt",
} as const;

const STATE_CHUNK_ROWS = 5_000;
const LOAD_BYTES = 700;
/**
 * Response bytes of one state row (a mark record), measured through Microsoft's client: 22,640 rows
 * answered 2.01 MB (89 bytes a row); with margin. Without an estimate all chunks went in one request, and
 * at 50,000 rows per sheet (115,000 marks) its answer passed the 5 MB limit.
 */
const STATE_ROW_RESPONSE_BYTES = 110;

/** Columns A and B of the state sheet's `rows` rows. */
export async function readStateRows(
  wb: Excel.Workbook,
  sync: () => Promise<void>,
  rows: number,
  limit: number
): Promise<unknown[][]> {
  const parts = new Map<number, unknown[][]>();
  const load = (start: number, count: number): Load => ({
    requestBytes: LOAD_BYTES,
    responseBytes: count * STATE_ROW_RESPONSE_BYTES,
    queue: () => {
      const r = wb.worksheets
        .getItem(STATE_SHEET)
        .getRangeByIndexes(start, 0, count, 2)
        .load("values");
      return () => parts.set(start, r.values as unknown[][]);
    },
    split:
      count < 2
        ? undefined
        : () => {
            const half = Math.ceil(count / 2);
            return [load(start, half), load(start + half, count - half)];
          },
  });
  const loads: Load[] = [];
  for (let start = 0; start < rows; start += STATE_CHUNK_ROWS)
    loads.push(load(start, Math.min(STATE_CHUNK_ROWS, rows - start)));
  await loadAll(sync, loads, limit);
  return [...parts.entries()].sort((a, b) => a[0] - b[0]).flatMap(([, v]) => v);
}

/** The state sheet's rows, as text. */
export async function queueState(
  wb: Excel.Workbook,
  w: WriteBatch,
  exists: boolean,
  records: StateRecords
): Promise<[string, string][]> {
  const rows = stateRows(records);
  if (!exists || rows.length === 0)
    await w.add(ACTION_BYTES * 3, () => {
      const ws = exists ? wb.worksheets.getItem(STATE_SHEET) : wb.worksheets.add(STATE_SHEET);
      if (!exists) ws.visibility = "VeryHidden";
      ws.getRange("A:B").clear("Contents");
    });
  else
    await w.add(ACTION_BYTES, () =>
      wb.worksheets.getItem(STATE_SHEET).getRange("A:B").clear("Contents")
    );
  // In chunks below half a request, text format first.
  for (let start = 0; start < rows.length;) {
    let end = start;
    let bytes = 0;
    while (
      end < rows.length &&
      (end === start || bytes + gridBytes([rows[end]]) < w.unitLimit / 2)
    ) {
      bytes += gridBytes([rows[end]]);
      end++;
    }
    const part = rows.slice(start, end);
    const from = start;
    await w.add(bytes * 2 + ACTION_BYTES * 2, () => {
      const range = wb.worksheets.getItem(STATE_SHEET).getRangeByIndexes(from, 0, part.length, 2);
      range.numberFormat = part.map(() => ["@", "@"]);
      range.values = part;
    });
    start = end;
  }
  return rows;
}

/** The stamp in the document's custom properties too. */
export async function queueProperties(wb: Excel.Workbook, w: WriteBatch, stamp: TemplateStamp) {
  await w.add(ACTION_BYTES * 3, () => {
    const custom = wb.properties.custom;
    custom.add(STAMP_PROPERTIES.templateVersion, stamp.templateVersion);
    custom.add(STAMP_PROPERTIES.meetmoment, stamp.meetmoment ?? "");
    custom.add(STAMP_PROPERTIES.updatedAt, stamp.updatedAt ?? new Date().toISOString());
  });
}

/** The stamp: from the state sheet, else from the custom properties (an older add-in wrote only those). */
export function stampOf(stateRows: unknown[][], props: [string, unknown][]): TemplateStamp | null {
  const fromSheet = parseState(stateRows).stamp;
  if (fromSheet) return fromSheet;
  const prop = (k: string) => {
    const v = props.find(([key]) => key === k)?.[1];
    return v === undefined || v === null || v === "" ? null : String(v);
  };
  const version = prop(STAMP_PROPERTIES.templateVersion);
  if (!version) return null;
  return {
    templateVersion: version,
    meetmoment: prop(STAMP_PROPERTIES.meetmoment),
    updatedAt: prop(STAMP_PROPERTIES.updatedAt) ?? undefined,
  };
}
