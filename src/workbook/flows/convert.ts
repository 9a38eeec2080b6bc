/**
 * Conversion: turn any workbook into the template without losing a value. `planConversion` is pure: it
 * decides, from a snapshot, which sheet becomes which template sheet (sources.ts: by name, by header row,
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
import { columnLetter, isBlank } from "../../core/cells";
import type { Finding } from "../../core/findings";
import { readColumns, type TableReport } from "../../core/read";
import {
  INSTRUCTIONS_SHEET,
  KEPT_SHEET,
  mapHeaders,
  OVERVIEW_SHEET,
  SHEETS,
  type SheetSpec,
} from "../../core/template";
import { TEMPLATE_VERSION, type Lang } from "../../core/vocabulary";
import type {
  BlockPlan,
  CellNote,
  SheetPlan,
  SheetSnapshot,
  WorkbookPort,
  WorkbookSnapshot,
  WritePlan,
  WriteValue,
} from "../port";
import { isFormulaCell, keptValue, templateTable } from "./common";
import {
  buildTable,
  CHANGING,
  placeKey,
  REASON,
  type KeptCell,
  type Placements,
  type Reason,
  type SourceRows,
} from "./convert-table";
import { overviewPlan, OVERVIEW_TITLES } from "./overview";
import { instructionsSheet, listsSheet } from "./sheets";
import { findSources, sourceTable, type Source } from "./sources";

export type { KeptCell } from "./convert-table";

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

const SKIP_NOTE = {
  "other-sheet": (spec: SheetSpec) => ({
    nl: `een ander tabblad wordt '${spec.name}'`,
    en: `another sheet becomes '${spec.name}'`,
  }),
  "no-header": () => ({ nl: "geen enkele kolomkop herkend", en: "no column header recognised" }),
  "not-template": () => ({ nl: "geen tabblad van het sjabloon", en: "not a template sheet" }),
};

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
 * has identically (merge) are data not to write again; rows in conflict with another file are written.
 */
export function rowsOf(sources: Source[], reading: TableReport[], file?: string): SourceRows[] {
  return sources.map((source, k) => {
    const r = source.region;
    const out = new Map(reading[k].leftOut.map((l) => [l.row, l.reason]));
    const skip = new Set<number>();
    const kinds = r.rows.map((_, i) => {
      const reason = out.get(r.headerRow + 1 + i);
      if (reason === "duplicate") skip.add(i);
      return reason === undefined || reason === "duplicate" || reason === "conflict"
        ? "data"
        : reason;
    });
    const origin = file === undefined ? source.sheet.name : `${file} › ${source.sheet.name}`;
    return { source, kinds, origin, file, skip };
  });
}

/** Plan the conversion of a workbook into the template: pure, from one snapshot. */
export function planConversion(
  snapshot: WorkbookSnapshot,
  opts: ConversionOptions = {}
): ConversionPreview {
  const lang = opts.lang ?? "nl";
  const { sources, skipped } = findSources(snapshot);
  const read = readColumns(sources.map(sourceTable), { lang });
  const inputs = rowsOf(sources, read.tables);
  const sheets: SheetConversion[] = [];
  const kept: KeptCell[] = [];
  const sheetPlans: SheetPlan[] = [];
  const placed: Placements = new Map();
  const keptAlready = new Set<string>();
  const rewritten = new Map<SheetSnapshot, SheetSpec[]>();
  const specsOf = (sheet: SheetSnapshot) =>
    SHEETS.filter((sp) => sources.some((s) => s.sheet === sheet && s.spec === sp));
  for (const spec of SHEETS) {
    const mine = inputs.filter((i) => i.source.spec === spec);
    if (mine.length === 0) {
      sheets.push(created(spec));
      sheetPlans.push({
        name: spec.name,
        mode: "ensure",
        table: templateTable(spec, [], lang),
        freezeRows: 1,
      });
      continue;
    }
    const built = buildTable(spec, mine, lang, {
      claimed: (s) =>
        claimedColumns(
          s,
          specsOf(s.sheet).filter((x) => x !== spec)
        ),
      primary: (s) => specsOf(s.sheet)[0] === spec,
    });
    if (
      mine.length === 1 &&
      isTemplateTable(spec, mine[0].source) &&
      !built.kept.some((k) => CHANGING.has(k.reason))
    ) {
      sheets.push(unchanged(spec, mine[0], built.rows));
      continue;
    }
    // A sheet that feeds two template sheets (its code column in both) keeps each cell once.
    for (const k of built.kept)
      if (!keptAlready.has(placeKey(k.sheet, k.cell))) {
        keptAlready.add(placeKey(k.sheet, k.cell));
        kept.push(k);
      }
    for (const [k, v] of built.placed) placed.set(k, v);
    for (const { source } of mine) rewritten.set(source.sheet, specsOf(source.sheet));
    const sameSheet =
      mine.length === 1 &&
      mine[0].source.sheet.name.toLocaleLowerCase() === spec.name.toLocaleLowerCase();
    sheetPlans.push({
      name: spec.name,
      mode: sameSheet ? "replace" : "ensure",
      table: built.table,
      freezeRows: 1,
    });
    sheets.push(...converted(spec, mine, built));
  }
  for (const [sheet, targets] of rewritten) {
    for (const k of outsideCells(sheet, placed, kept)) kept.push(k);
    if (!targets.some((t) => t.name.toLocaleLowerCase() === sheet.name.toLocaleLowerCase()))
      sheetPlans.push(pointerSheet(sheet.name, targets, lang));
  }
  for (const s of skipped)
    sheets.push({
      source: s.sheet.name,
      target: null,
      action: "kept",
      headerRow: null,
      rows: 0,
      columns: [],
      note:
        s.spec && s.reason === "other-sheet"
          ? SKIP_NOTE["other-sheet"](s.spec)
          : SKIP_NOTE[s.reason === "no-header" ? "no-header" : "not-template"](),
    });
  const meetmoment =
    opts.meetmoment !== undefined ? opts.meetmoment : (snapshot.stamp?.meetmoment ?? null);
  const own = ownSheets(snapshot, lang, meetmoment, kept, opts.overview ?? false);
  const notes = carryNotes([...rewritten.keys()], placed, kept);
  for (const sp of sheetPlans) {
    const n = notes.get(sp.name);
    if (n?.length) sp.notes = n;
  }
  if (kept.length) sheetPlans.push(keptSheetPlan(snapshot, kept, lang));
  const plan: WritePlan = {
    sheets: [own[0], ...sheetPlans, ...own.slice(1)],
    stamp: { templateVersion: TEMPLATE_VERSION, meetmoment, updatedAt: new Date().toISOString() },
  };
  return { sheets, kept, plan, findings: read.findings, reading: read.tables };
}

/** Columns of a sheet that the other template sheets fed by it take (their columns, the code aside). */
export function claimedColumns(s: Source, others: SheetSpec[]): ReadonlySet<number> {
  const out = new Set<number>();
  for (const spec of others) {
    const code = spec.columns.find((c) => c.kind === "code")!.key;
    for (const [key, i] of mapHeaders(spec, s.region.headers).indexOf) if (key !== code) out.add(i);
  }
  return out;
}

function created(spec: SheetSpec): SheetConversion {
  return {
    source: spec.name,
    target: spec.name,
    action: "created",
    headerRow: 1,
    rows: 0,
    columns: spec.columns.map((c) => ({ from: null, header: null, to: c.header, how: "added" })),
  };
}

function unchanged(spec: SheetSpec, input: SourceRows, rows: number): SheetConversion {
  const r = input.source.region;
  return {
    source: input.source.sheet.name,
    target: spec.name,
    action: "unchanged",
    headerRow: 1,
    rows,
    columns: r.headers.map((h, i) => ({
      from: columnLetter(i),
      header: isBlank(h) ? "" : String(h),
      to: isBlank(h) ? "" : String(h),
      how: i < spec.columns.length ? "exact" : "extra",
    })),
  };
}

function converted(
  spec: SheetSpec,
  mine: SourceRows[],
  built: ReturnType<typeof buildTable>
): SheetConversion[] {
  const found = new Set(built.columns.filter((c) => c.how !== "extra").map((c) => c.to));
  const added: ColumnMapping[] = spec.columns
    .filter((c) => !found.has(c.header))
    .map((c) => ({ from: null, header: null, to: c.header, how: "added" }));
  const sheets = [...new Set(mine.map((m) => m.source.sheet))];
  return sheets.map((sheet, k) => {
    const own = mine.filter((m) => m.source.sheet === sheet);
    const rows = own.reduce((n, m) => n + m.kinds.filter((kind) => kind === "data").length, 0);
    const moved = sheet.name.toLocaleLowerCase() !== spec.name.toLocaleLowerCase();
    return {
      source: sheet.name,
      target: spec.name,
      action: moved ? "moved" : "converted",
      headerRow: own[0].source.region.headerRow,
      rows,
      columns: (k === 0 ? [...built.columns, ...added] : built.columns) as ColumnMapping[],
    };
  });
}

/** Cells of a rewritten sheet that went nowhere: kept on Bewaard, with where they were. */
function outsideCells(sheet: SheetSnapshot, placed: Placements, kept: KeptCell[]): KeptCell[] {
  const done = new Set(kept.filter((k) => k.sheet === sheet.name).map((k) => k.cell));
  const out: KeptCell[] = [];
  const u = sheet.used;
  u?.values.forEach((row, i) =>
    row.forEach((v, j) => {
      if (isBlank(v) && !isFormulaCell(v)) return;
      const cell = `${columnLetter(u.firstColumn + j)}${u.firstRow + i}`;
      if (done.has(cell) || placed.has(placeKey(sheet.name, cell))) return;
      out.push({ sheet: sheet.name, cell, value: keptValue(v), reason: REASON.outside });
    })
  );
  return out;
}

function pointerSheet(name: string, targets: SheetSpec[], lang: Lang): SheetPlan {
  const list = targets.map((t) => `'${t.name}'`).join(lang === "nl" ? " en " : " and ");
  const text =
    lang === "nl"
      ? `Omgezet door vv-monitor: de gegevens van dit tabblad staan nu op ${targets.length > 1 ? "de tabbladen" : "het tabblad"} ${list}.`
      : `Converted by vv-monitor: this sheet's data is now on the sheet${targets.length > 1 ? "s" : ""} ${list}.`;
  return { name, mode: "replace", blocks: [{ row: 1, column: 0, values: [[text]] }] };
}

/** Instructies and Lijsten (rebuilt: what a user typed there is kept) and the Overzicht unless ours exists. */
function ownSheets(
  snapshot: WorkbookSnapshot,
  lang: Lang,
  meetmoment: string | null,
  kept: KeptCell[],
  withOverview: boolean
): SheetPlan[] {
  const hasInstructions = snapshot.sheets.some((s) => s.name === INSTRUCTIONS_SHEET);
  const own = [instructionsSheet(lang, meetmoment, hasInstructions)];
  const overview = snapshot.sheets.find(
    (s) => s.name.toLocaleLowerCase() === OVERVIEW_SHEET.toLocaleLowerCase()
  );
  const a1 =
    overview?.used?.firstRow === 1 && overview.used.firstColumn === 0
      ? overview.used.values[0]?.[0]
      : null;
  const ours = typeof a1 === "string" && OVERVIEW_TITLES.includes(a1);
  own.push(listsSheet());
  if (withOverview && !ours) own.push(overviewPlan({ lang }).sheet);
  for (const sp of own) {
    const existing = snapshot.sheets.find(
      (s) => s.name.toLocaleLowerCase() === sp.name.toLocaleLowerCase()
    );
    if (!existing) continue;
    const reason = sp.name === OVERVIEW_SHEET ? OWN_OVERVIEW : REASON.rebuilt;
    for (const k of overwrittenCells(existing, sp.name === OVERVIEW_SHEET ? {} : sp, reason))
      kept.push(k);
  }
  return own;
}

const OWN_OVERVIEW: Reason = {
  nl: "eigen tabblad met de naam van een tabblad dat vv-monitor opnieuw opbouwt",
  en: "a sheet of your own with the name of a sheet vv-monitor rebuilds",
};

/**
 * The notes of rewritten sheets: on the cell their value moved to, or (cells kept on Bewaard, headers
 * that get the template's help note, empty cells) on the Bewaard entry. Returns notes per target sheet.
 */
function carryNotes(
  sheets: SheetSnapshot[],
  placed: Placements,
  kept: KeptCell[]
): Map<string, CellNote[]> {
  const out = new Map<string, CellNote[]>();
  for (const sheet of sheets)
    for (const n of sheet.notes ?? []) {
      const to = placed.get(placeKey(sheet.name, n.cell));
      if (to && !/^[A-Z]+1$/.test(to.cell)) {
        out.set(to.sheet, [...(out.get(to.sheet) ?? []), { cell: to.cell, text: n.text }]);
        continue;
      }
      const entry = kept.find((k) => k.sheet === sheet.name && k.cell === n.cell && !k.note);
      if (entry) entry.note = n.text;
      else {
        const value = cellValue(sheet, n.cell);
        kept.push({
          sheet: sheet.name,
          cell: n.cell,
          value,
          reason: to ? REASON.headerNote : REASON.outside,
          note: n.text,
        });
      }
    }
  return out;
}

function cellValue(sheet: SheetSnapshot, a1: string): WriteValue {
  const m = /^([A-Z]+)(\d+)$/.exec(a1);
  const u = sheet.used;
  if (!m || !u) return null;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  const v = u.values[Number(m[2]) - u.firstRow]?.[col - 1 - u.firstColumn];
  return v === undefined ? null : keptValue(v);
}

/**
 * Non-empty cells of a sheet that a "replace" plan would not write again with the same value (with a plan
 * without blocks: every non-empty cell). Formulas are kept as their text, also when their result is blank.
 */
export function overwrittenCells(
  sheet: SheetSnapshot,
  plan: Pick<SheetPlan, "blocks">,
  reason: KeptCell["reason"]
): KeptCell[] {
  const planned = new Map<string, string>();
  for (const b of plan.blocks ?? [])
    b.values.forEach((row, i) =>
      row.forEach((v, j) => {
        if (v !== null && !(typeof v === "object" && !(v instanceof Date)))
          planned.set(`${columnLetter(b.column + j)}${b.row + i}`, String(v));
      })
    );
  const out: KeptCell[] = [];
  const u = sheet.used;
  u?.values.forEach((row, i) =>
    row.forEach((v, j) => {
      if (isBlank(v) && !isFormulaCell(v)) return;
      const cell = `${columnLetter(u.firstColumn + j)}${u.firstRow + i}`;
      const value = keptValue(v);
      if (planned.get(cell) === String(value)) return;
      out.push({ sheet: sheet.name, cell, value, reason });
    })
  );
  return out;
}

/** The `Bewaard` sheet: appended below what an earlier conversion kept there; notes go with their values. */
export function keptSheetPlan(snapshot: WorkbookSnapshot, kept: KeptCell[], lang: Lang): SheetPlan {
  const existing = snapshot.sheets.find((s) => s.name === KEPT_SHEET);
  const u = existing?.used;
  const blocks: BlockPlan[] = [];
  const appending = !!(u && u.values.length);
  const row = u && appending ? u.firstRow + u.values.length + 1 : 2;
  if (!appending)
    blocks.push({
      row: 1,
      column: 0,
      bold: true,
      values: [
        lang === "nl"
          ? ["Tabblad", "Cel", "Waarde", "Waarom hier bewaard"]
          : ["Sheet", "Cell", "Value", "Why kept here"],
      ],
    });
  blocks.push({
    row,
    column: 0,
    values: kept.map((k) => [k.sheet, k.cell, k.value, k.reason[lang]]),
  });
  const notes = kept.flatMap((k, i) => (k.note ? [{ cell: `C${row + i}`, text: k.note }] : []));
  return {
    name: KEPT_SHEET,
    mode: "ensure",
    blocks,
    columnWidths: [20, 8, 50, 50],
    freezeRows: existing ? undefined : 1,
    ...(notes.length ? { notes } : {}),
  };
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
