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
import type { PreviousWorkbook } from "./previous-workbook";
import {
  buildComparison,
  buildKeyFigures,
  createTemplate,
  instructionsSheet,
  planConversion,
  validateFlow,
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
  /** `quiet`: do not activate the Validatie sheet (live validation while the user types). */
  validate(opts: {
    lang: Lang;
    meetmoment: string | null;
    annotate: boolean;
    quiet?: boolean;
  }): Promise<ValidateFlowResult>;
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
    opts?: { onResult: () => Promise<void>; onError: (e: unknown) => void }
  ): Promise<boolean>;
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

export class ExcelWorkbench implements Workbench {
  readonly port: ExcelWorkbookPort;
  private liveValidation: LiveValidation | null = null;
  /** The last validation that annotated, and what it saw: a live run on the same data writes nothing. */
  private last: ValidateFlowRun | null = null;

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

  async status(): Promise<WorkbookStatus> {
    const snap = await this.port.read();
    // The meetmoment shown is the workbook's own: its Meetmoment cell, else the stamp.
    const stamp = snap.stamp && { ...snap.stamp, meetmoment: workbookMeetmoment(snap).meetmoment };
    return statusOf(planConversion(snap, {}), stamp);
  }

  async preview(opts: { lang: Lang; meetmoment: string | null }): Promise<ConversionPreview> {
    return planConversion(await this.port.read(), { lang: opts.lang, meetmoment: opts.meetmoment });
  }

  createTemplate(opts: { lang: Lang; meetmoment: string | null }): Promise<TemplateResult> {
    return createTemplate(this.port, { lang: opts.lang, meetmoment: opts.meetmoment });
  }

  async validate(opts: {
    lang: Lang;
    meetmoment: string | null;
    annotate: boolean;
    quiet?: boolean;
  }): Promise<ValidateFlowResult> {
    // Live runs (quiet) leave the user on the sheet they are editing, and skip data already validated.
    const base = { lang: opts.lang, meetmoment: opts.meetmoment, annotate: opts.annotate };
    const run =
      opts.quiet && this.last
        ? await validateFlow(this.port, {
            ...base,
            activate: false,
            unlessSame: this.last.fingerprint,
          })
        : await validateFlow(this.port, { ...base, activate: !opts.quiet });
    if (run.skipped) return this.last!;
    if (opts.annotate) this.last = run;
    return run;
  }

  async overview(opts: { lang: Lang; mode: OverviewMode }): Promise<void> {
    await excelOverview(this.port, { lang: opts.lang, mode: opts.mode });
  }

  keyFigures(opts: {
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
    return buildComparison(this.port, {
      lang: opts.lang,
      meetmoment: opts.meetmoment,
      previous: { snapshot: opts.previous.snapshot, file: opts.previous.name },
      activate: true,
    });
  }

  async saveMeetmoment(opts: { lang: Lang; meetmoment: string | null }): Promise<void> {
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
    return this.port.select(sheet, cell);
  }

  async live(
    on: boolean,
    opts?: { onResult: () => Promise<void>; onError: (e: unknown) => void }
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
    });
    const watched = await lv.start();
    this.liveValidation = lv;
    return watched.length > 0;
  }
}
