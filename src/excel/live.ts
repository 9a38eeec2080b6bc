/**
 * Live re-validation: Excel's data validation stops typed values but not pasted ones, so the add-in listens
 * to the template tables' change events and re-runs the validation shortly after the user stops editing
 * (debounced), handing it the changed addresses so that only the edited rows are read again
 * (src/excel/live-run.ts). It can be switched off at any time.
 *
 * The add-in's own writes must never start another round of validation and marks. Two guards: the writes
 * run with `context.runtime.enableEvents = false` (src/excel/port.ts, src/excel/live-run.ts), so Excel as
 * documented raises no event for them; and should an Excel deliver such events anyway, the run they start
 * reads the edited rows, finds the data it validated last time, and writes nothing. Events are never
 * dropped by time or by guess: a user's edit made while the add-in writes is validated.
 *
 * A failed run is tried once more (Excel may have been busy); a second failure is reported, its changes kept
 * for the next run, and the next run that succeeds says so (`onRecovered`), so the pane's message goes.
 */
import { excelRun, type ExcelRun } from "./host";
import type { TableChange } from "../workbook/live-edits";

/** `Excel.run(context, batch)`: continue with the request context an event handler was added on. */
export type ExcelRunWith = <T>(
  context: Excel.RequestContext,
  batch: (context: Excel.RequestContext) => Promise<T>
) => Promise<T>;

export interface LiveValidationOptions {
  run?: ExcelRun;
  runWith?: ExcelRunWith;
  /** Table names to watch. */
  tables: readonly string[];
  /** Quiet time after the last change before validating, in ms. */
  debounceMs?: number;
  /** The re-validation (read, validate, annotate), given the changes since the last one. */
  onChange: (changes: TableChange[]) => Promise<void>;
  /**
   * Failures of the re-validation: shown to the user, never swallowed. A failed run is tried once more
   * first (Excel may have been busy); only when that fails too is it reported.
   */
  onError: (e: unknown) => void;
  /** A run succeeded after a reported failure: the pane clears its message. */
  onRecovered?: () => void;
}

export class LiveValidation {
  private handlers: OfficeExtension.EventHandlerResult<Excel.TableChangedEventArgs>[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running = false;
  private again = false;
  /** Changes since the last run started (a failed run's changes are kept for the next). */
  private changes: TableChange[] = [];
  /** A failure was reported and no run has succeeded since. */
  private failing = false;
  private readonly run: ExcelRun;
  private readonly runWith: ExcelRunWith;
  private readonly debounceMs: number;
  /** Number of validations started by changes. */
  runs = 0;

  constructor(private readonly opts: LiveValidationOptions) {
    this.run = opts.run ?? excelRun;
    this.runWith = opts.runWith ?? ((context, batch) => Excel.run(context, batch));
    this.debounceMs = opts.debounceMs ?? 1500;
  }

  get active(): boolean {
    return this.handlers.length > 0;
  }

  /** Watch the template tables that exist now; returns their names. 2 syncs. */
  async start(): Promise<string[]> {
    if (this.active) await this.stop();
    const watched: string[] = [];
    await this.run(async (ctx) => {
      const tables = ctx.workbook.tables.load("items/name");
      await ctx.sync();
      for (const t of tables.items) {
        if (!this.opts.tables.some((n) => n.toLowerCase() === t.name.toLowerCase())) continue;
        const name = t.name;
        this.handlers.push(t.onChanged.add(async (e) => this.changed(name, e)));
        watched.push(t.name);
      }
      await ctx.sync();
    });
    return watched;
  }

  /** Stop watching (and drop a pending validation). */
  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.again = false;
    const handlers = this.handlers;
    this.handlers = [];
    if (handlers.length === 0) return;
    await this.runWith(handlers[0].context as Excel.RequestContext, async (ctx) => {
      for (const h of handlers) h.remove();
      await ctx.sync();
    });
  }

  private changed(table: string, e: Excel.TableChangedEventArgs): void {
    if (String(e.source) !== "Local") return; // a co-author's change is validated on their side
    if (!this.active) return;
    this.changes.push({ table, address: e.address, changeType: String(e.changeType) });
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.fire(), this.debounceMs);
  }

  private async fire(): Promise<void> {
    this.timer = null;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    this.runs++;
    const changes = this.changes;
    this.changes = [];
    try {
      try {
        await this.opts.onChange(changes);
      } catch {
        this.runs++;
        await this.opts.onChange(changes); // once more: the second failure is the one reported
      }
      if (this.failing) {
        this.failing = false;
        this.opts.onRecovered?.();
      }
    } catch (e) {
      this.failing = true;
      this.changes = [...changes, ...this.changes]; // validated with the next run
      this.opts.onError(e);
    } finally {
      this.running = false;
    }
    if (this.again && this.active) {
      this.again = false;
      this.timer = setTimeout(() => void this.fire(), this.debounceMs);
    }
  }
}
