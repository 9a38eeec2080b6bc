/**
 * The workbook port on Office.js (ExcelApi), inside Excel. Every operation queues its commands and syncs
 * a FIXED number of times, whatever the number of rows:
 *
 * - `read`  : 3 syncs (src/excel/read.ts).
 * - `apply` : 4 syncs, 5 when the plan marks or clears marks. (1) sheets and tables; (2) what the plan
 *             would touch: tables in the way, charts, conditional formats, notes, fills of cells to mark,
 *             the state sheet; (3, marks only) the fills and notes of the previous marks; (4) all writes,
 *             with events off and calculation suspended; (5) events on again, in a request of its own, so
 *             that no event raised by the writes finds them on.
 * - `select`: 1 sync.
 *
 * Above the platform limits the sync count grows, and only then: reads whose response passes the payload
 * limit are split in halves and retried; writes are grouped below the request limit of Excel on the web
 * (src/excel/batch.ts), and a refused request is split and sent again.
 *
 * The stamp and the marks live on the very hidden state sheet (src/workbook/state.ts) that the .xlsx host
 * also uses; the stamp is also written to the document's custom properties.
 */
import { TEMPLATE_VERSION } from "../core/vocabulary";
import type { TemplateStamp, WorkbookPort, WorkbookSnapshot, WritePlan } from "../workbook/port";
import { groupMarks, parseState, STATE_SHEET, unknownMarkSheet } from "../workbook/state";
import { WriteBatch, ACTION_BYTES } from "./batch";
import { detectFeatures, type ExcelRun, type HostFeatures } from "./host";
import { probeAll, queueMarks } from "./marks";
import { queueProperties, queueState, readStateRows } from "./state";
import { readWorkbook } from "./read";
import { probeSheet, queueSheet } from "./sheets";
import { queuePageLayouts } from "./page-layout";
import { sameName } from "./values";

export type { ExcelRun } from "./host";
export { STAMP_PROPERTIES } from "./state";
export { MARK_FILL, MARK_PREFIX, STATE_SHEET } from "../workbook/state";
export { toOffice, excelSerial } from "./values";

export interface ExcelPortOptions {
  run?: ExcelRun;
  /** Largest number of cells per range read or written in one piece (Excel's limit is 5 million). */
  maxCellsPerRange?: number;
  /** Largest request per sync, in bytes; default 5 MB on Excel on the web, else none. */
  writePayloadLimit?: number;
  /** Whether the notes API (ExcelApi 1.18) is available; detected when omitted. */
  notes?: boolean;
  /** Whether the page layout API (ExcelApi 1.9) is available; detected when omitted. */
  pageLayout?: boolean;
}

const DEFAULT_CHUNK_CELLS = 1_000_000;

/** Counts the syncs of the operations this port runs (for the pane's diagnostics and the benchmark). */
export interface SyncLog {
  operation: string;
  syncs: number;
}

export class ExcelWorkbookPort implements WorkbookPort {
  private readonly run: ExcelRun;
  private readonly maxCells: number;
  readonly features: HostFeatures;
  /** The syncs of the last operations, newest last. */
  readonly log: SyncLog[] = [];

  constructor(options: ExcelPortOptions = {}) {
    this.run = options.run ?? ((batch) => Excel.run(batch));
    this.maxCells = options.maxCellsPerRange ?? DEFAULT_CHUNK_CELLS;
    this.features = detectFeatures({
      notes: options.notes,
      pageLayout: options.pageLayout,
      payloadLimit: options.writePayloadLimit,
    });
  }

  /** Run a batch and count its syncs. */
  private async batch<T>(
    operation: string,
    f: (ctx: Excel.RequestContext, sync: () => Promise<void>) => Promise<T>
  ): Promise<T> {
    const entry = { operation, syncs: 0 };
    this.log.push(entry);
    if (this.log.length > 50) this.log.shift();
    return this.run(async (ctx) => {
      const sync = async () => {
        entry.syncs++;
        await ctx.sync();
      };
      return f(ctx, sync);
    });
  }

  read(options?: { sheets?: readonly string[] }): Promise<WorkbookSnapshot> {
    return this.batch("read", (ctx, sync) =>
      readWorkbook(ctx, sync, {
        sheets: options?.sheets,
        maxCells: this.maxCells,
        notes: this.features.notes,
        limit: this.features.payloadLimit,
      })
    );
  }

  /** Select a cell where a finding points: its sheet is activated first (select alone is unreliable across sheets). */
  async select(sheet: string, cell: string): Promise<void> {
    await this.batch("select", async (ctx, sync) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(cell).select();
      await sync();
    });
  }

  async apply(plan: WritePlan): Promise<void> {
    try {
      await this.batch("apply", (ctx, sync) => this.applyIn(ctx, sync, plan));
    } catch (e) {
      // The batch may have stopped after events were switched off: switch them on again in a batch of its own.
      try {
        await this.run(async (ctx) => {
          ctx.runtime.enableEvents = true;
          await ctx.sync();
        });
      } catch (again) {
        throw new AggregateError(
          [e, again],
          `${e instanceof Error ? e.message : String(e)} (Excel-gebeurtenissen konden daarna niet opnieuw aangezet worden: ${again instanceof Error ? again.message : String(again)})`,
          { cause: again }
        );
      }
      throw e;
    }
  }

  // Kept whole (about 100 lines): its numbered steps are the context.sync() calls of one write, and the
  // fixed number of syncs per operation is read here at a glance. (Excel's own split belongs to the issue
  // on Excel's documented behaviour.)
  private async applyIn(
    ctx: Excel.RequestContext,
    sync: () => Promise<void>,
    plan: WritePlan
  ): Promise<void> {
    const wb = ctx.workbook;
    const { notes, payloadLimit } = this.features;
    const sheetPlans = plan.sheets ?? [];
    const marking = !!plan.clearMarks || (plan.marks?.length ?? 0) > 0;

    // (1) What exists.
    const sheets = wb.worksheets.load("items/name,items/visibility,items/position");
    const tables = wb.tables.load("items/name,items/worksheet/name");
    await sync();
    const exists = (name: string) => sheets.items.find((s) => sameName(s.name, name));
    const stateExists = !!exists(STATE_SHEET);

    // (2) What the plan would touch, and how many rows the state sheet has.
    let probes: ReturnType<typeof probeSheet>[] = [];
    let stateSize: Excel.Range | null = null;
    const first = {
      requestBytes: ACTION_BYTES * 20 * (sheetPlans.length + 1),
      queue: () => {
        probes = sheetPlans.map((sp) => probeSheet(sp, exists(sp.name), tables.items, notes));
        stateSize =
          stateExists && (marking || plan.stamp)
            ? wb.worksheets.getItem(STATE_SHEET).getUsedRangeOrNullObject(true).load("rowCount")
            : null;
        return () => undefined;
      },
    };
    const markCells = groupMarks(plan.marks ?? []);
    for (const m of markCells)
      if (!exists(m.sheet) && !sheetPlans.some((sp) => sameName(sp.name, m.sheet)))
        throw unknownMarkSheet(m.sheet);
    const markProbes = await probeAll(wb, sync, markCells, exists, notes, payloadLimit, first);

    // (3) The state sheet: the stamp and the previous marks, in row chunks.
    const size = stateSize as Excel.Range | null;
    const stateRowCount = size && !size.isNullObject ? size.rowCount : 0;
    const records = parseState(
      marking || plan.stamp ? await readStateRows(wb, sync, stateRowCount, payloadLimit) : []
    );

    // (4) The cells of the previous marks, to restore only what is still ours.
    const oldProbes = marking
      ? await probeAll(wb, sync, records.marks, exists, notes, payloadLimit)
      : [];

    // (5) All writes, events off and calculation suspended in every request; (6) events on.
    const w = new WriteBatch(sync, payloadLimit, () => {
      ctx.runtime.enableEvents = false; // our own writes must not re-trigger live validation
      wb.application.suspendApiCalculationUntilNextSync();
    });
    let failure: unknown = null;
    try {
      for (let i = 0; i < sheetPlans.length; i++)
        await queueSheet(wb, w, sheetPlans[i], exists(sheetPlans[i].name), probes[i], {
          maxCells: this.maxCells,
          notes,
        });
      if (this.features.pageLayout)
        await queuePageLayouts(wb, w, sheetPlans, {
          lang: plan.print?.lang ?? "nl",
          meetmoment: plan.print?.meetmoment ?? plan.stamp?.meetmoment ?? records.stamp?.meetmoment,
        });
      const positioned = sheetPlans.filter((sp) => sp.position !== undefined);
      if (positioned.length)
        await w.add(ACTION_BYTES * positioned.length, () => {
          for (const sp of positioned) wb.worksheets.getItem(sp.name).position = sp.position!;
        });
      const marks = marking
        ? await queueMarks(wb, w, {
            plan,
            oldMarks: records.marks,
            oldProbes,
            markCells,
            markProbes,
            notes,
          })
        : records.marks;
      if (plan.stamp || marking)
        await queueState(wb, w, stateExists, {
          ...records,
          stamp: plan.stamp ?? records.stamp,
          marks,
        });
      if (plan.stamp) await queueProperties(wb, w, plan.stamp);
      if (plan.activate) {
        const name = plan.activate;
        await w.add(ACTION_BYTES, () => wb.worksheets.getItem(name).activate());
      }
      await w.flush();
    } catch (e) {
      failure = e;
    }
    ctx.runtime.enableEvents = true;
    try {
      await sync();
    } catch (again) {
      if (!failure) throw again; // else apply() reports the first failure and tries again in a new batch
    }
    if (failure) throw failure;
  }
}

/** Whether a stamp says the workbook is the current template. */
export function isCurrentTemplate(stamp: TemplateStamp | null): boolean {
  return stamp?.templateVersion === TEMPLATE_VERSION;
}
