/**
 * Incremental live validation on Office.js: after an edit, read only the edited rows, validate again in
 * memory (src/workbook/live-edits.ts says why in memory), and change only the marks whose verdict changed.
 * At most three requests, whatever the size of the workbook:
 *
 * 1. the edited rows (values and formulas), the extent of each edited table (a table that grew or shrank
 *    needs a full run) and `runtime.enableEvents` (left off by an earlier failure: switched on again);
 * 2. only when a verdict changed: the fill and note of each cell whose mark changes (what is the user's);
 * 3. the writes: marks restored or set, the changed rows of the state sheet, with events off at the start
 *    of the request and on again at its end, so that one request holds every write of the run.
 *
 * A paste of many rows reads them in pieces below Excel on the web's response limit: the requests then
 * grow with the rows pasted, never with the rows in the workbook.
 */
import { changedMarks, markMap, patchSnapshot, type RowSpan } from "../workbook/live-edits";
import type { WorkbookSnapshot } from "../workbook/port";
import { cellKey, MARK_KEY_NAME, type MarkedCell, type StoredMark } from "../workbook/state";
import { ACTION_BYTES, gridBytes, rowChunks, WriteBatch } from "./batch";
import { loadAll, type Load } from "./load";
import { probeAll, queueMarks, type CellProbe } from "./marks";
import type { ExcelWorkbookPort } from "./port";
import { CELL_RESPONSE_BYTES, LOAD_BYTES, RESPONSE_SHARE } from "./read";
import { STATE_SHEET } from "../workbook/state";
import { snapshotCell } from "./values";

/** What the last run left in the workbook: the data it saw, the marks it wrote, the state sheet's rows. */
export interface LiveBase {
  snapshot: WorkbookSnapshot;
  marks: Map<string, MarkedCell>;
  /** The state sheet's rows as written (columns A and B), blank rows included. */
  stateRows: [string, string][];
  /** The port's generation it belongs to: any other write of the add-in makes it stale. */
  generation: number;
  /** Sheets whose marks are skipped (protected). */
  protectedSheets: string[];
}

export interface LiveOutcome<R> {
  /** "full": the edit cannot be followed row by row (the table changed shape): run a full validation. */
  kind: "done" | "full";
  result?: R;
  base?: LiveBase;
  /** Events were found off and switched on again. */
  eventsRestored?: boolean;
}

/** The mark records of the state rows, by cell key, with their row index. */
function markRows(rows: readonly (readonly string[])[]): Map<string, number> {
  const out = new Map<string, number>();
  rows.forEach((r, i) => {
    if (r[0] !== MARK_KEY_NAME) return;
    try {
      const m = JSON.parse(r[1]) as StoredMark;
      out.set(cellKey(m.sheet, m.cell), i);
    } catch {
      // a record this version cannot read stays where it is
    }
  });
  return out;
}

const markRecord = (m: StoredMark): [string, string] => [
  MARK_KEY_NAME,
  JSON.stringify({ sheet: m.sheet, cell: m.cell, fill: m.fill, note: m.note }),
];

/**
 * Re-validate after `spans` were edited. `validate` is the pure validation of a snapshot, returning its
 * result and the marks it wants (grouped per cell, on existing sheets).
 */
// Kept whole (about 100 lines): its three numbered steps are the requests of one live run.
export async function liveRun<R>(
  port: ExcelWorkbookPort,
  base: LiveBase,
  spans: readonly RowSpan[],
  validate: (snapshot: WorkbookSnapshot) => { result: R; marks: MarkedCell[] }
): Promise<LiveOutcome<R>> {
  const { notes, payloadLimit, fillPattern } = port.features;
  return port.batch("live", async (ctx, sync) => {
    const wb = ctx.workbook;
    // (1) The edited rows, the tables' extents, and whether events are on.
    const grids: unknown[][][] = spans.map(() => []);
    const pieces = spans.flatMap((span, k) =>
      rowChunks(span.count, span.columns, pieceCells(payloadLimit)).map((c) => ({
        k,
        at: c.start,
        load: rowsLoad(ctx, span, c.start, c.count, grids[k]),
      }))
    );
    const tables = [...new Set(spans.map((s) => s.table))].map((name) => ({
      name,
      range: wb.tables.getItem(name).getRange().load("rowIndex,rowCount,columnIndex,columnCount"),
    }));
    const runtime = ctx.runtime.load("enableEvents");
    const first: Load = { requestBytes: LOAD_BYTES * (tables.length + 1), queue: () => () => {} };
    await loadAll(sync, [first, ...pieces.map((p) => p.load)], payloadLimit);
    const eventsOff = !runtime.enableEvents;
    for (const t of tables) {
      const span = spans.find((s) => s.table === t.name)!;
      const data = base.snapshot.sheets
        .flatMap((s) => s.tables)
        .find((d) => d.tableName === t.name)!;
      if (
        t.range.rowIndex !== data.headerRow - 1 ||
        t.range.rowCount !== data.rows.length + 1 ||
        t.range.columnIndex !== span.column ||
        t.range.columnCount !== span.columns
      ) {
        if (eventsOff) await port.eventsOn();
        return { kind: "full", eventsRestored: eventsOff };
      }
    }
    const snapshot = patchSnapshot(base.snapshot, spans, grids);
    const { result, marks } = validate(snapshot);
    const protectedSet = new Set(base.protectedSheets.map((s) => s.toLowerCase()));
    const after = markMap(marks.filter((m) => !protectedSet.has(m.sheet.toLowerCase())));
    const changed = changedMarks(base.marks, after);
    const next: LiveBase = { ...base, snapshot, marks: after };
    if (changed.length === 0) {
      if (eventsOff) {
        ctx.runtime.enableEvents = true;
        await sync();
      }
      return { kind: "done", result, base: next, eventsRestored: eventsOff };
    }

    // (2) The cells whose mark changes: their fill and note now.
    const rows = markRows(base.stateRows);
    const stored = (k: string) => {
      const i = rows.get(k);
      return i === undefined ? null : (JSON.parse(base.stateRows[i][1]) as StoredMark);
    };
    const cells = changed.map((k) => base.marks.get(k) ?? after.get(k)!);
    const probes = await probeAll(
      wb,
      sync,
      cells,
      () => true,
      notes,
      payloadLimit,
      undefined,
      fillPattern
    );
    const probeOf = new Map<string, CellProbe | null>(
      changed.map((k, i) => [k, probes[i]] as [string, CellProbe | null])
    );
    const oldMarks = changed.map(stored).filter((m): m is StoredMark => m !== null);
    const markCells = changed.filter((k) => after.has(k)).map((k) => after.get(k)!);

    // (3) All writes in one request: events off first, on again last.
    const w = new WriteBatch(sync, payloadLimit, () => {
      ctx.runtime.enableEvents = false;
      wb.application.suspendApiCalculationUntilNextSync();
    });
    const remembered = await queueMarks(wb, w, {
      plan: { clearMarks: true },
      oldMarks,
      oldProbes: oldMarks.map((m) => probeOf.get(cellKey(m.sheet, m.cell)) ?? null),
      markCells,
      markProbes: markCells.map((m) => probeOf.get(cellKey(m.sheet, m.cell)) ?? null),
      notes,
    });
    const stateRows = base.stateRows.map((r) => [...r] as [string, string]);
    const touched = new Set<number>();
    const free: number[] = [];
    for (const k of changed) {
      const i = rows.get(k);
      if (i === undefined) continue;
      stateRows[i] = ["", ""];
      touched.add(i);
      free.push(i);
    }
    free.sort((a, b) => a - b);
    for (const m of remembered) {
      const i = free.length ? free.shift()! : stateRows.length;
      stateRows[i] = markRecord(m);
      touched.add(i);
    }
    for (const i of [...touched].sort((a, b) => a - b)) {
      const row = [stateRows[i]];
      await w.add(gridBytes(row) * 2 + ACTION_BYTES * 2, () => {
        const range = wb.worksheets.getItem(STATE_SHEET).getRangeByIndexes(i, 0, 1, 2);
        range.numberFormat = [["@", "@"]];
        range.values = row;
      });
    }
    await w.add(ACTION_BYTES, () => (ctx.runtime.enableEvents = true));
    await w.flush();
    return {
      kind: "done",
      result,
      base: { ...next, stateRows },
      eventsRestored: eventsOff,
    };
  });
}

/** Cells per piece of a row read: a response below the limit by the measured bytes per cell. */
function pieceCells(limit: number): number {
  return limit === Infinity
    ? 1_000_000
    : Math.floor((limit * RESPONSE_SHARE) / CELL_RESPONSE_BYTES);
}

function rowsLoad(
  ctx: Excel.RequestContext,
  span: RowSpan,
  start: number,
  count: number,
  into: unknown[][]
): Load {
  return {
    requestBytes: LOAD_BYTES,
    responseBytes: count * span.columns * CELL_RESPONSE_BYTES,
    queue: () => {
      const r = ctx.workbook.worksheets
        .getItem(span.sheet)
        .getRangeByIndexes(span.sheetRow + start, span.column, count, span.columns)
        .load("values,formulas");
      return () =>
        r.values.forEach(
          (row, i) => (into[start + i] = row.map((v, j) => snapshotCell(v, r.formulas[i]?.[j])))
        );
    },
    // A response refused for its size (or a GeneralException for it) is loaded again in halves.
    split:
      count < 2
        ? undefined
        : () => {
            const half = Math.ceil(count / 2);
            return [
              rowsLoad(ctx, span, start, half, into),
              rowsLoad(ctx, span, start + half, count - half, into),
            ];
          },
  };
}
