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
import { detectFeatures, excelRun, type ExcelRun, type HostFeatures } from "./host";
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
  /** Whether RangeFill.pattern (ExcelApi 1.9) is available; detected when omitted. */
  fillPattern?: boolean;
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
  /** Bumped by every apply: a live run's cached state is only good for the generation it was made in. */
  generation = 0;
  /** The state sheet's rows as the last apply wrote them (null when it wrote none, or failed). */
  lastState: [string, string][] | null = null;
  /** Sheets whose marks the last apply skipped because they are protected. */
  protectedSheets: string[] = [];
  /** The user's sheets the last apply renamed out of the way of the add-in's own. */
  renamedSheets: { from: string; to: string }[] = [];

  constructor(options: ExcelPortOptions = {}) {
    this.run = options.run ?? excelRun;
    this.maxCells = options.maxCellsPerRange ?? DEFAULT_CHUNK_CELLS;
    this.features = detectFeatures({
      notes: options.notes,
      fillPattern: options.fillPattern,
      pageLayout: options.pageLayout,
      payloadLimit: options.writePayloadLimit,
    });
  }

  /** Run a batch and count its syncs (the live run, src/excel/live-run.ts, runs its own through it). */
  async batch<T>(
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

  /** `headRows`: only the first rows of each table and sheet, no notes (see ReadOptions). */
  read(options?: { sheets?: readonly string[]; headRows?: number }): Promise<WorkbookSnapshot> {
    return this.batch("read", (ctx, sync) =>
      readWorkbook(ctx, sync, {
        sheets: options?.sheets,
        headRows: options?.headRows,
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
    this.generation++;
    this.lastState = null;
    this.renamedSheets = [];
    try {
      await this.batch("apply", (ctx, sync) => this.applyIn(ctx, sync, plan));
    } catch (e) {
      // The batch may have stopped after events were switched off: switch them on again in a batch of its own.
      try {
        await this.eventsOn();
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

  /**
   * Events on again, in a batch of its own, tried twice: without them no change event reaches live
   * validation again. The batch waits out cell-edit mode (RUN_OPTIONS) instead of failing in it.
   */
  async eventsOn(): Promise<void> {
    const once = () =>
      this.batch("eventsOn", async (ctx, sync) => {
        ctx.runtime.enableEvents = true;
        await sync();
      });
    try {
      await once();
    } catch {
      await once();
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
    const sheets = wb.worksheets.load(
      "items/name,items/visibility,items/position,items/protection/protected"
    );
    const tables = wb.tables.load("items/name,items/worksheet/name");
    await sync();
    // A user's sheet renamed out of the way (plan.renames) no longer has its old name for what follows.
    const renames = plan.renames ?? [];
    const exists = (name: string) => {
      if (renames.some((r) => sameName(r.from, name))) return undefined;
      const to = renames.find((r) => sameName(r.to, name));
      return sheets.items.find((s) => sameName(s.name, to ? to.from : name));
    };
    const stateExists = !!exists(STATE_SHEET);

    // (2) What the plan would touch, and how many rows the state sheet has.
    let probes: ReturnType<typeof probeSheet>[] = [];
    let stateSize: Excel.Range | null = null;
    const first = {
      requestBytes: ACTION_BYTES * 20 * (sheetPlans.length + 1),
      queue: () => {
        const tablesInPlace = tables.items.filter(
          (t) => !renames.some((r) => sameName(r.from, t.worksheet.name))
        );
        probes = sheetPlans.map((sp) => probeSheet(sp, exists(sp.name), tablesInPlace, notes));
        stateSize =
          stateExists && (marking || plan.stamp)
            ? wb.worksheets.getItem(STATE_SHEET).getUsedRangeOrNullObject(true).load("rowCount")
            : null;
        return () => undefined;
      },
    };
    // A protected sheet refuses fills and notes: its marks are skipped (the findings still show in the
    // pane and on the Validatie sheet) and its earlier marks are left as they are.
    const isProtected = (name: string) => !!exists(name)?.protection.protected;
    this.protectedSheets = sheets.items.filter((s) => s.protection.protected).map((s) => s.name);
    const allCells = groupMarks(plan.marks ?? []);
    for (const m of allCells)
      if (!exists(m.sheet) && !sheetPlans.some((sp) => sameName(sp.name, m.sheet)))
        throw unknownMarkSheet(m.sheet);
    const markCells = allCells.filter((m) => !isProtected(m.sheet));
    const pattern = this.features.fillPattern;
    const markProbes = await probeAll(
      wb,
      sync,
      markCells,
      exists,
      notes,
      payloadLimit,
      first,
      pattern
    );

    // (3) The state sheet: the stamp and the previous marks, in row chunks.
    const size = stateSize as Excel.Range | null;
    const stateRowCount = size && !size.isNullObject ? size.rowCount : 0;
    const read = parseState(
      marking || plan.stamp ? await readStateRows(wb, sync, stateRowCount, payloadLimit) : []
    );
    const untouchable = read.marks.filter((m) => isProtected(m.sheet));
    const records = { ...read, marks: read.marks.filter((m) => !isProtected(m.sheet)) };

    // (4) The cells of the previous marks, to restore only what is still ours.
    const oldProbes = marking
      ? await probeAll(wb, sync, records.marks, exists, notes, payloadLimit, undefined, pattern)
      : [];

    // (5) All writes, events off and calculation suspended in every request; (6) events on.
    const w = new WriteBatch(sync, payloadLimit, () => {
      ctx.runtime.enableEvents = false; // our own writes must not re-trigger live validation
      wb.application.suspendApiCalculationUntilNextSync();
    });
    let failure: unknown = null;
    try {
      if (renames.length)
        await w.add(ACTION_BYTES * renames.length, () => {
          for (const r of renames) wb.worksheets.getItem(r.from).name = r.to;
        });
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
      let stateRows: [string, string][] | null = null;
      if (plan.stamp || marking)
        stateRows = await queueState(wb, w, stateExists, {
          ...records,
          stamp: plan.stamp ?? records.stamp,
          marks: [...untouchable, ...marks],
        });
      if (plan.stamp) await queueProperties(wb, w, plan.stamp);
      if (plan.activate) {
        const name = plan.activate;
        await w.add(ACTION_BYTES, () => wb.worksheets.getItem(name).activate());
      }
      await w.flush();
      this.lastState = stateRows;
      this.renamedSheets = renames;
    } catch (e) {
      failure = e;
    }
    ctx.runtime.enableEvents = true;
    // Calculation was suspended for the writes: "it is the developer's responsibility to re-calc the
    // workbook" (suspendApiCalculationUntilNextSync), so that the overview's totals show their values.
    if (sheetPlans.length && !failure)
      wb.application.calculate("Recalculate" as Excel.CalculationType);
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
