/**
 * Conversion: turn any workbook into the template without losing a value. `planConversion` is pure: it
 * decides, from a snapshot, which sheet becomes which template sheet (locate-tables.ts: by name, by header row,
 * stacks of sheets of the same shape), which rows are data (the core's reading: total rows, headings and
 * footnotes are not), which header becomes which column, and where every other non-empty cell goes
 * (extra columns, or the `Bewaard` sheet). `convertWorkbook` reads, plans and applies in one read and one
 * write.
 *
 * Rules:
 * - data cells are written in their standard form (codes VV083, amounts as numbers, quarters YYYY Qn,
 *   list values as in the list); what was typed differently is kept on `Bewaard`;
 * - total rows, headings and footnotes go to `Bewaard`, so that the template's own formulas (the
 *   Overzicht's column sums) and `vv-monitor totals` agree;
 * - formulas: the table holds their value (stored, or computed by vv-monitor), the formula text is kept
 *   on `Bewaard`; a formula that cannot be computed is written as its text, never as an empty cell;
 * - every note (comment) on a moved cell moves with it; notes on cells kept on `Bewaard` go there;
 * - the `Overzicht` sheet is written (as `template` does) unless the workbook has ours already;
 * - a sheet that already holds the template table (name, place, headers) with nothing to change is not
 *   touched: converting a template changes nothing.
 */
import { workbookMeetmoment } from "../meetmoment-cell";
import type { Finding } from "../../core/findings";
import { readColumns, type TableReport } from "../../core/read";
import { INSTRUCTIONS_SHEET, OVERVIEW_SHEET, SHEETS, type SheetSpec } from "../../core/template";
import { TEMPLATE_VERSION, type Lang } from "../../core/vocabulary";
import type { SheetPlan, SheetSnapshot, WorkbookPort, WorkbookSnapshot, WritePlan } from "../port";
import { templateTable } from "./common";
import { buildTable, type SourceRows } from "./convert-table";
import { converted, created, keptAsItWas, unchanged } from "./convert-report";
import {
  carryNotes,
  CHANGING,
  KeptCells,
  keptSheetPlan,
  outsideCells,
  overwrittenCells,
  OWN_OVERVIEW,
  REASON,
  withLedgerReasons,
  type KeptCell,
  type Placements,
} from "./kept";
import { countedThrough } from "./formula-refs";
import type { SheetLedger } from "./ledger";
import { leftOutFindings } from "./ledger-findings";
import { overviewPlan, OVERVIEW_TITLES } from "./overview";
import { withComputedResults } from "./results";
import { instructionsSheet, listsSheet } from "./sheets";
import { findSources, ledgerOf } from "./reading";
import { claimedColumns, isPrimary, sourceTables, specsFed, type Source } from "./sources";

export type { KeptCell } from "./kept";
export { keptSheetPlan, overwrittenCells, userNote } from "./kept";

export interface ColumnMapping {
  /** Source column letter, null for a template column that was not found (added empty). */
  from: string | null;
  /** Source header as it was. */
  header: string | null;
  /** Header in the converted table. */
  to: string;
  how: "exact" | "folded" | "synonym" | "extra" | "added";
}

export interface SheetConversion {
  source: string;
  /** The template sheet it became; null when the sheet is kept as it is. */
  target: string | null;
  action: "unchanged" | "converted" | "moved" | "kept" | "created";
  /** 1-based header row found in the source. */
  headerRow: number | null;
  rows: number;
  columns: ColumnMapping[];
  /** Why a sheet is kept as it is. */
  note?: { nl: string; en: string };
}

export interface ConversionPreview {
  sheets: SheetConversion[];
  /** Values placed on the `Bewaard` sheet. */
  kept: KeptCell[];
  /** The write plan that carries the conversion out. */
  plan: WritePlan;
  /** What reading the workbook found that the user should know: total rows that disagree, formulas, ... */
  findings: Finding[];
  /** Per table read: rows read, rows left out and why. */
  reading: TableReport[];
  /** Where every non-empty cell of the input went (the reading ledger). */
  ledger: SheetLedger[];
}

export interface ConversionOptions {
  lang?: Lang;
  /** Meetmoment for the stamp; default: the workbook's own. */
  meetmoment?: string | null;
  /**
   * Also write the Overzicht sheet (unless the workbook has ours): `convertWorkbook` does, as `template`
   * does; the add-in's "create template" leaves it to its own overview button.
   */
  overview?: boolean;
}

function isTemplateTable(spec: SheetSpec, s: Source): boolean {
  const r = s.region;
  return (
    s.sheet.name === spec.name &&
    r.fromTable &&
    r.tableName === spec.tableName &&
    r.headerRow === 1 &&
    r.firstColumn === 0 &&
    spec.columns.every((c, j) => r.headers[j] === c.header)
  );
}

/**
 * Row kinds per source from the reading report (rows not listed are data). Rows another file already
 * has identically (merge) are data not to write again; rows in conflict with an earlier file are not
 * written into the tables either, but kept on Bewaard with the conflict: the merged workbook's tables,
 * and so its Overzicht and `totals` of it, hold exactly the rows `totals` of the inputs counts.
 */
export function rowsOf(sources: Source[], reading: TableReport[], file?: string): SourceRows[] {
  return sources.map((source, k) => {
    const r = source.region;
    const out = new Map(reading[k].leftOut.map((l) => [l.row, l.reason]));
    const skip = new Set<number>();
    const conflict = new Set<number>();
    const kinds = r.rows.map((_, i) => {
      const reason = out.get(r.headerRow + 1 + i);
      if (reason === "duplicate") skip.add(i);
      if (reason === "conflict") conflict.add(i);
      return reason === undefined || reason === "duplicate" || reason === "conflict"
        ? "data"
        : reason;
    });
    const origin = file === undefined ? source.sheet.name : `${file} › ${source.sheet.name}`;
    return { source, kinds, origin, file, skip, conflict };
  });
}

/** Plan the conversion of a workbook into the template: pure, from one snapshot. */
export function planConversion(
  snapshot: WorkbookSnapshot,
  opts: ConversionOptions = {}
): ConversionPreview {
  const lang = opts.lang ?? "nl";
  const { sources, skipped } = findSources(snapshot);
  const read = readColumns(sourceTables(sources), { lang });
  const c = new Conversion(sources, lang);
  for (const spec of SHEETS) c.templateSheet(spec, rowsOf(sources, read.tables));
  c.rewrittenSheets();
  // The reading ledger: Bewaard says why with its words, and lists the numbers that do not count.
  const ledger = ledgerOf(snapshot, sources, skipped, read.tables);
  const counted = countedThrough(snapshot, ledger);
  const keptSheets = new Set(skipped.map((s) => s.sheet.name));
  withLedgerReasons(c.kept, ledger, keptSheets, counted, snapshot);
  c.sheets.push(...c.created);
  for (const s of skipped) c.sheets.push(keptAsItWas(s));
  const meetmoment =
    opts.meetmoment !== undefined ? opts.meetmoment : workbookMeetmoment(snapshot).meetmoment;
  const own = ownSheets(snapshot, lang, meetmoment, c.kept);
  const notes = carryNotes(
    [...c.rewritten.keys()].map((sheet) => ({ origin: sheet.name, sheet })),
    c.placed,
    c.kept.list,
    { keepUnplaced: true }
  );
  for (const sp of c.plans) if (notes.get(sp.name)?.length) sp.notes = notes.get(sp.name);
  if (c.kept.list.length) c.plans.push(keptSheetPlan(snapshot, c.kept.list, lang));
  const plan: WritePlan = {
    sheets: [own.instructions, ...c.plans, own.lists],
    stamp: { templateVersion: TEMPLATE_VERSION, meetmoment, updatedAt: new Date().toISOString() },
    print: { lang, meetmoment },
  };
  // Computed columns carry what they evaluate to, looked up in the workbook as it will be; the
  // Overzicht's totals too.
  const values = withComputedResults(plan, snapshot);
  if ((opts.overview ?? false) && !own.hasOurOverview)
    plan.sheets!.push(overviewPlan({ lang, values }).sheet);
  return {
    sheets: c.sheets,
    kept: c.kept.list,
    plan,
    findings: [...read.findings, ...leftOutFindings(ledger, read.findings, lang, counted)],
    reading: read.tables,
    ledger,
  };
}

/** The conversion being planned: what each template sheet becomes, what is kept, where cells went. */
class Conversion {
  readonly sheets: SheetConversion[] = [];
  readonly created: SheetConversion[] = [];
  readonly plans: SheetPlan[] = [];
  readonly kept = new KeptCells();
  readonly placed: Placements = new Map();
  /** Source sheets rewritten, with the template sheets they now feed. */
  readonly rewritten = new Map<SheetSnapshot, SheetSpec[]>();

  constructor(
    private readonly sources: Source[],
    private readonly lang: Lang
  ) {}

  /** One template sheet: created empty, left unchanged (a template table), or built from its sources. */
  templateSheet(spec: SheetSpec, inputs: SourceRows[]): void {
    const mine = inputs.filter((i) => i.source.spec === spec);
    if (mine.length === 0) {
      this.created.push(created(spec));
      const table = templateTable(spec, [], this.lang);
      this.plans.push({ name: spec.name, mode: "ensure", table, freezeRows: 1 });
      return;
    }
    const built = buildTable(spec, mine, this.lang, {
      claimed: (s) => claimedColumns(s, this.sources),
      primary: (s) => isPrimary(s, this.sources),
    });
    const template = mine.length === 1 && isTemplateTable(spec, mine[0].source);
    if (template && !built.kept.some((k) => CHANGING.has(k.reason))) {
      this.sheets.push(unchanged(spec, mine[0], built.rows));
      return;
    }
    this.kept.add(built.kept);
    for (const [k, v] of built.placed) this.placed.set(k, v);
    for (const { source } of mine) this.rewritten.set(source.sheet, specsFed(source, this.sources));
    const sameSheet =
      mine.length === 1 &&
      mine[0].source.sheet.name.toLocaleLowerCase() === spec.name.toLocaleLowerCase();
    const mode = sameSheet ? "replace" : "ensure";
    this.plans.push({ name: spec.name, mode, table: built.table, freezeRows: 1 });
    this.sheets.push(...converted(spec, mine, built));
  }

  /** Cells of rewritten sheets that went nowhere are kept; a sheet renamed away points to its data. */
  rewrittenSheets(): void {
    for (const [sheet, targets] of this.rewritten) {
      this.kept.add(outsideCells(sheet, this.placed, this.kept.list));
      const same = (t: SheetSpec) => t.name.toLocaleLowerCase() === sheet.name.toLocaleLowerCase();
      if (!targets.some(same)) this.plans.push(pointerSheet(sheet.name, targets, this.lang));
    }
  }
}

function pointerSheet(name: string, targets: SheetSpec[], lang: Lang): SheetPlan {
  const list = targets.map((t) => `'${t.name}'`).join(lang === "nl" ? " en " : " and ");
  const text =
    lang === "nl"
      ? `Omgezet door vv-monitor: de gegevens van dit tabblad staan nu op ${targets.length > 1 ? "de tabbladen" : "het tabblad"} ${list}.`
      : `Converted by vv-monitor: this sheet's data is now on the sheet${targets.length > 1 ? "s" : ""} ${list}.`;
  return { name, mode: "replace", blocks: [{ row: 1, column: 0, values: [[text]] }] };
}

/**
 * Instructies and Lijsten (rebuilt: what a user typed there is kept); whether the workbook has our
 * Overzicht already (a user's own sheet of that name is kept on Bewaard before ours replaces it).
 */
function ownSheets(
  snapshot: WorkbookSnapshot,
  lang: Lang,
  meetmoment: string | null,
  kept: KeptCells
): { instructions: SheetPlan; lists: SheetPlan; hasOurOverview: boolean } {
  const hasInstructions = snapshot.sheets.some((s) => s.name === INSTRUCTIONS_SHEET);
  const instructions = instructionsSheet(lang, meetmoment, hasInstructions);
  const lists = listsSheet();
  const find = (name: string) =>
    snapshot.sheets.find((s) => s.name.toLocaleLowerCase() === name.toLocaleLowerCase());
  for (const sp of [instructions, lists]) {
    const existing = find(sp.name);
    if (existing) kept.add(overwrittenCells(existing, sp, REASON.rebuilt));
  }
  const overview = find(OVERVIEW_SHEET);
  const a1 =
    overview?.used?.firstRow === 1 && overview.used.firstColumn === 0
      ? overview.used.values[0]?.[0]
      : null;
  const hasOurOverview = typeof a1 === "string" && OVERVIEW_TITLES.includes(a1);
  if (overview && !hasOurOverview) kept.add(overwrittenCells(overview, {}, OWN_OVERVIEW));
  return { instructions, lists, hasOurOverview };
}

/** Convert the workbook behind `port` into the template: one read, one write. */
export async function convertWorkbook(
  port: WorkbookPort,
  opts: ConversionOptions = {}
): Promise<ConversionPreview> {
  const snapshot = await port.read();
  const preview = planConversion(snapshot, { overview: true, ...opts });
  await port.apply(preview.plan);
  return preview;
}
