/**
 * What the task pane can do with the open workbook: a thin layer over the flows and the Office.js port.
 * The pane talks only to this interface, so its tests run it over the fake Excel.
 */
import { workbookMeetmoment } from "../workbook/meetmoment-cell";
import { INSTRUCTIONS_SHEET, SHEETS } from "../core/template";
import { TEMPLATE_VERSION, type Lang } from "../core/vocabulary";
import { LiveValidation, type ExcelRunWith } from "../excel/live";
import { excelOverview, TEMPLATE_TABLES, type OverviewMode } from "../excel/flows";
import { ExcelWorkbookPort, type ExcelRun } from "../excel/port";
import { liveRun, type LiveBase } from "../excel/live-run";
import { SerialQueue } from "../excel/queue";
import { markMap, rowsToRead, type TableChange } from "../workbook/live-edits";
import { groupMarks } from "../workbook/state";
import type { WorkbookPort, WorkbookSnapshot } from "../workbook/port";
import type { PreviousWorkbook } from "./previous-workbook";
import {
  buildComparison,
  buildKeyFigures,
  createTemplate,
  instructionsSheet,
  planConversion,
  marksOf,
  validateFlow,
  validateSnapshot,
  type ComparisonResult,
  type ConversionPreview,
  type KeyFiguresResult,
  type TemplateResult,
  type ValidateFlowResult,
  type ValidateFlowRun,
} from "../workbook/flows";

export interface WorkbookStatus {
  /** template: the current template; outdated: an older template version; convertible: data to convert; empty: nothing yet. */
  kind: "template" | "outdated" | "convertible" | "empty";
  version: string | null;
  meetmoment: string | null;
}

export interface Workbench {
  status(): Promise<WorkbookStatus>;
  /** What conversion (or creation) would do: pure preview, nothing changes. */
  preview(opts: { lang: Lang; meetmoment: string | null }): Promise<ConversionPreview>;
  /** Create or convert the template (reads again, so edits since the preview are kept). */
  createTemplate(opts: { lang: Lang; meetmoment: string | null }): Promise<TemplateResult>;
  /**
   * `quiet`: do not activate the Validatie sheet (live validation while the user types). `changes`: the
   * table changes since the last live run; when the workbook is as the last run left it, only the edited
   * rows are read and only the marks whose verdict changed are written.
   */
  validate(opts: {
    lang: Lang;
    meetmoment: string | null;
    annotate: boolean;
    quiet?: boolean;
    changes?: readonly TableChange[];
  }): Promise<ValidateFlowResult & LiveNotes>;
  overview(opts: { lang: Lang; mode: OverviewMode }): Promise<void>;
  /** Build the Kerncijfers sheet, against the previous meting when one was picked. */
  keyFigures(opts: {
    lang: Lang;
    meetmoment: string | null;
    previous: PreviousWorkbook | null;
  }): Promise<KeyFiguresResult>;
  /** Compare with the previous meting's workbook and build the Vergelijking sheet. */
  compare(opts: {
    lang: Lang;
    meetmoment: string | null;
    previous: PreviousWorkbook;
  }): Promise<ComparisonResult>;
  /** Write the meetmoment into the workbook's stamp (and its Instructies sheet). */
  saveMeetmoment(opts: { lang: Lang; meetmoment: string | null }): Promise<void>;
  select(sheet: string, cell: string): Promise<void>;
  /** Switch live validation on (with what to do with each result) or off. Returns whether it is on. */
  live(
    on: boolean,
    opts?: {
      onResult: (changes: TableChange[]) => Promise<void>;
      onError: (e: unknown) => void;
      onRecovered?: () => void;
    }
  ): Promise<boolean>;
}

/** What a validation adds for the pane beyond the findings. */
export interface LiveNotes {
  /** Protected sheets whose cells were not marked (their findings are in the list all the same). */
  protectedSheets?: string[];
  /** The user's sheets (with tables) renamed whole out of the way of the add-in's Validatie sheet. */
  renamedSheets?: { from: string; to: string }[];
  /** Live validation found Excel's events switched off (by an earlier failure) and switched them on. */
  eventsRestored?: boolean;
  /** How the run went: "incremental" (only the edited rows), "full", or "unchanged" (nothing to do). */
  mode?: "incremental" | "full" | "unchanged";
}

/** Decide from a preview and a stamp what the workbook is. */
export function statusOf(
  preview: ConversionPreview,
  stamp: { templateVersion: string; meetmoment: string | null } | null
): WorkbookStatus {
  const version = stamp?.templateVersion ?? null;
  const meetmoment = stamp?.meetmoment ?? null;
  const inPlace = SHEETS.every((s) =>
    preview.sheets.some((c) => c.target === s.name && c.action === "unchanged")
  );
  if (inPlace && version === TEMPLATE_VERSION) return { kind: "template", version, meetmoment };
  if (version && version !== TEMPLATE_VERSION) return { kind: "outdated", version, meetmoment };
  const hasData = preview.sheets.some(
    (c) =>
      (c.action === "converted" || c.action === "moved" || c.action === "unchanged") && c.rows > 0
  );
  return { kind: inPlace ? "template" : hasData ? "convertible" : "empty", version, meetmoment };
}

/** Rows of each sheet the status reads: a header below a title block of a few dozen rows is still found. */
export const STATUS_ROWS = 60;

export class ExcelWorkbench implements Workbench {
  readonly port: ExcelWorkbookPort;
  private liveValidation: LiveValidation | null = null;
  /** The last validation that annotated, and what it saw: a live run on the same data writes nothing. */
  private last: ValidateFlowRun | null = null;
  /** What the last annotating run left in the workbook, for the next live run to start from. */
  private base: { live: LiveBase; lang: Lang; meetmoment: string | null } | null = null;
  /** Every operation on the workbook, one at a time (src/excel/queue.ts). */
  readonly queue = new SerialQueue();

  constructor(
    private readonly opts: {
      run?: ExcelRun;
      runWith?: ExcelRunWith;
      port?: ExcelWorkbookPort;
      debounceMs?: number;
    } = {}
  ) {
    this.port = opts.port ?? new ExcelWorkbookPort({ run: opts.run });
  }

  status(): Promise<WorkbookStatus> {
    // The head of each sheet tells a template from data to convert: opening the pane reads kilobytes,
    // not the workbook (the actions read it whole when they run).
    return this.queue.run(async () => {
      const snap = await this.port.read({ headRows: STATUS_ROWS });
      // The meetmoment shown is the workbook's own: its Meetmoment cell, else the stamp.
      const stamp = snap.stamp && {
        ...snap.stamp,
        meetmoment: workbookMeetmoment(snap).meetmoment,
      };
      return statusOf(planConversion(snap, {}), stamp);
    });
  }

  preview(opts: { lang: Lang; meetmoment: string | null }): Promise<ConversionPreview> {
    return this.queue.run(async () =>
      planConversion(await this.port.read(), { lang: opts.lang, meetmoment: opts.meetmoment })
    );
  }

  createTemplate(opts: { lang: Lang; meetmoment: string | null }): Promise<TemplateResult> {
    return this.queue.run(() =>
      createTemplate(this.port, { lang: opts.lang, meetmoment: opts.meetmoment })
    );
  }

  validate(opts: {
    lang: Lang;
    meetmoment: string | null;
    annotate: boolean;
    quiet?: boolean;
    changes?: readonly TableChange[];
  }): Promise<ValidateFlowResult & LiveNotes> {
    return this.queue.run(() => this.validateNow(opts));
  }

  private async validateNow(opts: {
    lang: Lang;
    meetmoment: string | null;
    annotate: boolean;
    quiet?: boolean;
    changes?: readonly TableChange[];
  }): Promise<ValidateFlowResult & LiveNotes> {
    const b = this.base;
    const same =
      b !== null &&
      b.lang === opts.lang &&
      b.meetmoment === opts.meetmoment &&
      b.live.generation === this.port.generation;
    if (opts.quiet && opts.annotate && opts.changes && same) {
      const spans = rowsToRead(b.live.snapshot, opts.changes);
      if (spans) {
        try {
          const out = await liveRun(this.port, b.live, spans, (snap) =>
            this.judge(snap, opts.lang, opts.meetmoment)
          );
          if (out.kind === "done") {
            this.base = { ...b, live: out.base! };
            return {
              ...out.result!,
              protectedSheets: b.live.protectedSheets,
              eventsRestored: out.eventsRestored,
              mode: "incremental",
            };
          }
        } catch (e) {
          this.base = null; // what was written is unknown now: the next run is a full one
          throw e;
        }
      }
    }
    return this.fullValidate(opts);
  }

  /** The pure validation of a snapshot, with the marks a full run would set. */
  private judge(snapshot: WorkbookSnapshot, lang: Lang, meetmoment: string | null) {
    const result = validateSnapshot(snapshot, { lang, meetmoment });
    const existing = new Set(snapshot.sheets.map((s) => s.name));
    const marks = groupMarks(marksOf(result.findings.filter((f) => existing.has(f.sheet))));
    return { result, marks };
  }

  private async fullValidate(opts: {
    lang: Lang;
    meetmoment: string | null;
    annotate: boolean;
    quiet?: boolean;
  }): Promise<ValidateFlowResult & LiveNotes> {
    // Live runs (quiet) leave the user on the sheet they are editing, and skip data already validated.
    const base = { lang: opts.lang, meetmoment: opts.meetmoment, annotate: opts.annotate };
    let seen: WorkbookSnapshot | null = null;
    const port: WorkbookPort = {
      read: async (o) => (seen = await this.port.read(o)),
      apply: (plan) => this.port.apply(plan),
    };
    this.base = null;
    const run =
      opts.quiet && this.last
        ? await validateFlow(port, {
            ...base,
            activate: false,
            unlessSame: this.last.fingerprint,
          })
        : await validateFlow(port, { ...base, activate: !opts.quiet });
    if (run.skipped) {
      // Nothing written: events may still have been left off by an earlier failure.
      await this.port.eventsOn();
      return { ...this.last!, mode: "unchanged" };
    }
    if (opts.annotate) this.last = run;
    const protectedSheets = opts.annotate ? [...this.port.protectedSheets] : [];
    if (opts.annotate && seen && this.port.lastState) {
      const marks = this.judge(seen, opts.lang, opts.meetmoment).marks;
      const skip = new Set(protectedSheets.map((p) => p.toLowerCase()));
      this.base = {
        lang: opts.lang,
        meetmoment: opts.meetmoment,
        live: {
          snapshot: seen,
          marks: markMap(marks.filter((m) => !skip.has(m.sheet.toLowerCase()))),
          stateRows: this.port.lastState,
          generation: this.port.generation,
          protectedSheets,
        },
      };
    }
    const renamedSheets = opts.annotate ? [...this.port.renamedSheets] : [];
    return { ...run, protectedSheets, renamedSheets, mode: "full" };
  }

  overview(opts: { lang: Lang; mode: OverviewMode }): Promise<void> {
    return this.queue.run(async () => {
      await excelOverview(this.port, { lang: opts.lang, mode: opts.mode });
    });
  }

  keyFigures(opts: {
    lang: Lang;
    meetmoment: string | null;
    previous: PreviousWorkbook | null;
  }): Promise<KeyFiguresResult> {
    return this.queue.run(() => this.keyFiguresNow(opts));
  }

  private keyFiguresNow(opts: {
    lang: Lang;
    meetmoment: string | null;
    previous: PreviousWorkbook | null;
  }): Promise<KeyFiguresResult> {
    return buildKeyFigures(this.port, {
      lang: opts.lang,
      meetmoment: opts.meetmoment,
      previous: opts.previous
        ? { snapshot: opts.previous.snapshot, file: opts.previous.name }
        : null,
      activate: true,
    });
  }

  compare(opts: {
    lang: Lang;
    meetmoment: string | null;
    previous: PreviousWorkbook;
  }): Promise<ComparisonResult> {
    return this.queue.run(() =>
      buildComparison(this.port, {
        lang: opts.lang,
        meetmoment: opts.meetmoment,
        previous: { snapshot: opts.previous.snapshot, file: opts.previous.name },
        activate: true,
      })
    );
  }

  saveMeetmoment(opts: { lang: Lang; meetmoment: string | null }): Promise<void> {
    return this.queue.run(() => this.saveMeetmomentNow(opts));
  }

  private async saveMeetmomentNow(opts: { lang: Lang; meetmoment: string | null }): Promise<void> {
    const hasInstructions =
      (await this.port.read({ sheets: [INSTRUCTIONS_SHEET] })).sheets.length > 0;
    await this.port.apply({
      sheets: hasInstructions ? [instructionsSheet(opts.lang, opts.meetmoment, true)] : [],
      stamp: {
        templateVersion: TEMPLATE_VERSION,
        meetmoment: opts.meetmoment,
        updatedAt: new Date().toISOString(),
      },
    });
  }

  select(sheet: string, cell: string): Promise<void> {
    return this.queue.run(() => this.port.select(sheet, cell));
  }

  async live(
    on: boolean,
    opts?: {
      onResult: (changes: TableChange[]) => Promise<void>;
      onError: (e: unknown) => void;
      onRecovered?: () => void;
    }
  ): Promise<boolean> {
    if (this.liveValidation) await this.liveValidation.stop();
    this.liveValidation = null;
    if (!on || !opts) return false;
    const lv = new LiveValidation({
      run: this.opts.run,
      runWith: this.opts.runWith,
      tables: TEMPLATE_TABLES,
      debounceMs: this.opts.debounceMs,
      onChange: opts.onResult,
      onError: opts.onError,
      onRecovered: opts.onRecovered,
    });
    const watched = await lv.start();
    this.liveValidation = lv;
    return watched.length > 0;
  }
}
