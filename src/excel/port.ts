/**
 * The workbook port on Office.js (ExcelApi), inside Excel. Every operation queues all its commands and
 * syncs a FIXED number of times, whatever the number of rows:
 *
 * - `read`  : 3 syncs. (1) sheets, tables and document properties; (2) the size of every table and of the
 *             used range of table-less sheets, and the state sheet; (3) every value, in row chunks below
 *             the cell limit, all queued before that one sync.
 * - `apply` : 3 syncs, 4 when the plan marks or clears marks. (1) sheets and tables; (2) what the plan
 *             would touch: tables in the way, charts, conditional formats, notes, fills of cells to mark,
 *             the state sheet; (3, marks only) the fills and notes of the previous marks; (4) all writes.
 * - `select`: 1 sync.
 *
 * Above the platform limits the sync count grows, and only then: reads that exceed the response payload
 * limit (5 MB on the web) are split in halves and retried; writes are split into batches by their payload
 * when a payload limit is set (on the web by default).
 *
 * The stamp (template version, meetmoment) is written to the document's custom properties and to the very
 * hidden state sheet `_vvmonitor` that the .xlsx host also uses, so a workbook made by the command line is
 * recognised in Excel and the other way round. The same sheet remembers the cells marked by validation, with
 * the fill and note they had before, so that clearing marks restores them and touches nothing else.
 */
import { TEMPLATE_VERSION } from "../core/vocabulary";
import type { TableData } from "../core/table";
import type {
  BlockPlan,
  CellMark,
  ChartPlan,
  SheetPlan,
  SheetSnapshot,
  TablePlan,
  TemplateStamp,
  WorkbookPort,
  WorkbookSnapshot,
  WritePlan,
  WriteValue,
} from "../workbook/port";
import {
  cellA1,
  intersects,
  parseRange,
  quoteSheet,
  rectA1,
  splitAddress,
  type Rect,
} from "./address";
import { STATE_SHEET } from "../core/template";

/** `Excel.run` or a stand-in with the same shape. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface ExcelPortOptions {
  run?: ExcelRun;
  /** Largest number of cells per range read or written in one piece (Excel's limit is 5 million). */
  maxCellsPerRange?: number;
  /** Largest request payload per sync for writes, in bytes; default 4 MB on Excel on the web, else none. */
  writePayloadLimit?: number;
  /** Whether the notes API (ExcelApi 1.18) is available; detected when omitted. */
  notes?: boolean;
  /** Whether `context.runtime.enableEvents` (ExcelApi 1.8) is available; detected when omitted. */
  runtimeEvents?: boolean;
}

/** The very hidden sheet that holds the stamp and the marks (shared with the .xlsx host). */
export { STATE_SHEET };
export const STAMP_PROPERTIES = {
  templateVersion: "vvTemplateVersion",
  meetmoment: "vvMeetmoment",
  updatedAt: "vvUpdatedAt",
} as const;
export const MARK_FILL: Record<CellMark["severity"], string> = {
  error: "#FFC7CE",
  warning: "#FFEB9C",
};
export const MARK_PREFIX = "vv-monitor: ";
const CHART_PREFIX = "vv-monitor ";
const DEFAULT_CHUNK_CELLS = 1_000_000;
/** Rough size of one queued action in a request, for staying below a payload limit. */
const ACTION_BYTES = 150;

/** A mark as remembered on the state sheet: the cell's fill and note before it was marked. */
interface StoredMark {
  sheet: string;
  cell: string;
  /** The .xlsx host stores an exceljs fill object; this host stores the same shape (or null for none). */
  fill: unknown;
  note: string | null;
}

/** Errors that mean "too much in one request": split and retry. */
function isPayloadError(e: unknown): boolean {
  const code = (e as { code?: string } | null)?.code ?? "";
  const text = e instanceof Error ? e.message : String(e);
  return /PayloadSizeLimitExceeded|RequestPayloadSizeLimitExceeded|ResponsePayloadSizeLimitExceeded/.test(
    `${code} ${text}`
  );
}

function supported(version: string): boolean {
  try {
    return (
      typeof Office !== "undefined" &&
      Office.context?.requirements?.isSetSupported("ExcelApi", version) === true
    );
  } catch {
    return false; // Office.context is not there outside Excel: the feature is simply absent
  }
}

function onTheWeb(): boolean {
  try {
    return typeof Office !== "undefined" && String(Office.context?.platform) === "OfficeOnline";
  } catch {
    return false;
  }
}

/** Excel's serial date number of a Date (days since 1899-12-30, UTC). */
export function excelSerial(d: Date): number {
  return (d.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;
}

/** Strings Excel would reinterpret when written as a value (formula, number, date, boolean) get a quote prefix. */
function needsQuote(s: string): boolean {
  return (
    /^[=+\-@']/.test(s) ||
    /^\s*[\d.,]+\s*%?\s*$/.test(s) ||
    /^\d{1,4}[-/]\d{1,2}([-/]\d{1,4})?$/.test(s) ||
    /^(true|false|waar|onwaar)$/i.test(s.trim())
  );
}

/** A planned value as Office.js takes it in `values`: formulas with "=", blanks as "", dates as serials. */
export function toOffice(
  v: WriteValue | undefined,
  textFormat: boolean
): string | number | boolean {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return excelSerial(v);
  if (typeof v === "object") return `=${v.formula}`;
  if (typeof v === "string") {
    if (v.startsWith("=") || v.startsWith("'")) return `'${v}`; // text, never a formula
    return !textFormat && needsQuote(v) ? `'${v}` : v;
  }
  return v;
}

const fillObject = (hex: string | null) =>
  hex
    ? {
        type: "pattern",
        pattern: "solid",
        fgColor: { argb: "FF" + hex.replace(/^#/, "").toUpperCase() },
      }
    : null;
function fillHex(f: unknown): string | null {
  const argb = (f as { fgColor?: { argb?: string } } | null)?.fgColor?.argb;
  return typeof argb === "string" && argb.length >= 6 ? `#${argb.slice(-6).toUpperCase()}` : null;
}

function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** Split rows into chunks of at most `maxCells` cells. */
export function rowChunks(
  rows: number,
  columns: number,
  maxCells: number
): { start: number; count: number }[] {
  const per = Math.max(1, Math.floor(maxCells / Math.max(1, columns)));
  const out: { start: number; count: number }[] = [];
  for (let start = 0; start < rows; start += per)
    out.push({ start, count: Math.min(per, rows - start) });
  return out;
}

interface ReadRequest {
  sheet: string;
  rect: Rect;
}

/** Counts the syncs of the operations this port runs (for the pane's diagnostics and the benchmark). */
export interface SyncLog {
  operation: string;
  syncs: number;
}

export class ExcelWorkbookPort implements WorkbookPort {
  private readonly run: ExcelRun;
  private readonly maxCells: number;
  private readonly writeLimit: number;
  private readonly notes: boolean;
  private readonly runtimeEvents: boolean;
  /** The syncs of the last operations, newest last. */
  readonly log: SyncLog[] = [];

  constructor(options: ExcelPortOptions = {}) {
    this.run = options.run ?? ((batch) => Excel.run(batch));
    this.maxCells = options.maxCellsPerRange ?? DEFAULT_CHUNK_CELLS;
    this.writeLimit = options.writePayloadLimit ?? (onTheWeb() ? 4_000_000 : Infinity);
    this.notes = options.notes ?? supported("1.18");
    this.runtimeEvents = options.runtimeEvents ?? supported("1.8");
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

  // ---- read ----------------------------------------------------------------------------------------

  async read(options?: { sheets?: readonly string[] }): Promise<WorkbookSnapshot> {
    return this.batch("read", async (ctx, sync) => {
      const wb = ctx.workbook;
      const sheets = wb.worksheets.load("items/name,items/position,items/visibility");
      const tables = wb.tables.load("items/name,items/showHeaders,items/worksheet/name");
      const props = wb.properties.custom.load("items/key,items/value");
      await sync(); // 1

      const wanted = (name: string) =>
        !options?.sheets || options.sheets.some((s) => sameName(s, name));
      const ordered = sheets.items
        .filter((s) => s.name !== STATE_SHEET)
        .sort((a, b) => a.position - b.position);
      const tableDims = tables.items
        .filter((t) => wanted(t.worksheet.name) && t.worksheet.name !== STATE_SHEET)
        .map((t) => ({ t, range: t.getRange().load("rowIndex,columnIndex,rowCount,columnCount") }));
      const withTables = new Set(tableDims.map((d) => d.t.worksheet.name));
      const usedDims = ordered
        .filter((s) => wanted(s.name) && !withTables.has(s.name))
        .map((s) => ({
          name: s.name,
          range: s.getUsedRangeOrNullObject(true).load("rowIndex,columnIndex,rowCount,columnCount"),
        }));
      const state = sheets.items
        .find((s) => s.name === STATE_SHEET)
        ?.getUsedRangeOrNullObject(true)
        .load("values");
      await sync(); // 2

      const requests: ReadRequest[] = [];
      for (const d of tableDims)
        requests.push({
          sheet: d.t.worksheet.name,
          rect: {
            row: d.range.rowIndex,
            column: d.range.columnIndex,
            rows: d.range.rowCount,
            columns: d.range.columnCount,
          },
        });
      for (const d of usedDims)
        if (!d.range.isNullObject)
          requests.push({
            sheet: d.name,
            rect: {
              row: d.range.rowIndex,
              column: d.range.columnIndex,
              rows: d.range.rowCount,
              columns: d.range.columnCount,
            },
          });
      const grids = await this.readValues(ctx, sync, requests); // 3 (more only above the payload limit)

      const out: SheetSnapshot[] = [];
      let k = 0;
      const tableData = new Map<string, TableData[]>();
      for (const d of tableDims) {
        const grid = grids[k++];
        const hasHeader = d.t.showHeaders;
        const headers = hasHeader
          ? (grid[0] ?? []).map(cellOut)
          : (grid[0]?.map((_, i) => `Kolom${i + 1}`) ?? []);
        const body = (hasHeader ? grid.slice(1) : grid).map((r) => r.map(cellOut));
        const sheetName = d.t.worksheet.name;
        const list = tableData.get(sheetName) ?? [];
        list.push({
          sheet: sheetName,
          tableName: d.t.name,
          headerRow: d.range.rowIndex + (hasHeader ? 1 : 0),
          firstColumn: d.range.columnIndex,
          headers,
          rows: body,
        });
        tableData.set(sheetName, list);
      }
      const used = new Map<string, SheetSnapshot["used"]>();
      for (const d of usedDims) {
        if (d.range.isNullObject) used.set(d.name, { firstRow: 1, firstColumn: 0, values: [] });
        else
          used.set(d.name, {
            firstRow: d.range.rowIndex + 1,
            firstColumn: d.range.columnIndex,
            values: grids[k++].map((r) => r.map(cellOut)),
          });
      }
      ordered.forEach((s, index) => {
        if (!wanted(s.name)) return;
        const snap: SheetSnapshot = {
          name: s.name,
          index,
          visible: s.visibility === "Visible",
          tables: tableData.get(s.name) ?? [],
        };
        if (!withTables.has(s.name)) snap.used = used.get(s.name);
        out.push(snap);
      });
      const stateRows = state && !state.isNullObject ? (state.values as unknown[][]) : [];
      return {
        sheets: out,
        stamp: readStamp(
          stateRows,
          props.items.map((p) => [p.key, p.value])
        ),
      };
    });
  }

  /**
   * Load the values of many ranges: row chunks below the cell limit, all queued before ONE sync. When the
   * response is above the payload limit (Excel on the web), halve the batch and retry.
   */
  private async readValues(
    ctx: Excel.RequestContext,
    sync: () => Promise<void>,
    requests: ReadRequest[]
  ): Promise<unknown[][][]> {
    type Piece = { req: number; sheet: string; rect: Rect };
    const pieces: Piece[] = [];
    requests.forEach((r, req) => {
      for (const c of rowChunks(r.rect.rows, r.rect.columns, this.maxCells))
        pieces.push({
          req,
          sheet: r.sheet,
          rect: { ...r.rect, row: r.rect.row + c.start, rows: c.count },
        });
    });
    const results = new Map<Piece, unknown[][]>();
    const load = async (group: Piece[]): Promise<void> => {
      if (group.length === 0) return;
      const ranges = group.map((p) =>
        ctx.workbook.worksheets
          .getItem(p.sheet)
          .getRangeByIndexes(p.rect.row, p.rect.column, p.rect.rows, p.rect.columns)
          .load("values")
      );
      try {
        await sync();
      } catch (e) {
        if (!isPayloadError(e)) throw e;
        if (group.length > 1) {
          const half = Math.ceil(group.length / 2);
          await load(group.slice(0, half));
          await load(group.slice(half));
          return;
        }
        const p = group[0];
        if (p.rect.rows < 2) throw e;
        const top = Math.ceil(p.rect.rows / 2);
        const a: Piece = { ...p, rect: { ...p.rect, rows: top } };
        const b: Piece = {
          ...p,
          rect: { ...p.rect, row: p.rect.row + top, rows: p.rect.rows - top },
        };
        await load([a]);
        await load([b]);
        results.set(p, [...results.get(a)!, ...results.get(b)!]);
        return;
      }
      group.forEach((p, i) => results.set(p, ranges[i].values as unknown[][]));
    };
    await load(pieces);
    const out: unknown[][][] = requests.map(() => []);
    for (const p of pieces) out[p.req].push(...results.get(p)!);
    return out;
  }

  // ---- select --------------------------------------------------------------------------------------

  /** Select a cell (activating its sheet): where a finding points. */
  async select(sheet: string, cell: string): Promise<void> {
    await this.batch("select", async (ctx, sync) => {
      ctx.workbook.worksheets.getItem(sheet).getRange(cell).select();
      await sync();
    });
  }

  // ---- apply ---------------------------------------------------------------------------------------

  async apply(plan: WritePlan): Promise<void> {
    try {
      await this.applyBatched(plan);
    } catch (e) {
      // The batch may have stopped after events were switched off: switch them on again in a batch of its own.
      if (this.runtimeEvents) {
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
      }
      throw e;
    }
  }

  private async applyBatched(plan: WritePlan): Promise<void> {
    await this.batch("apply", async (ctx, sync) => {
      const wb = ctx.workbook;
      const sheetPlans = plan.sheets ?? [];
      const marking = !!plan.clearMarks || (plan.marks?.length ?? 0) > 0;

      // (1) What exists.
      const sheets = wb.worksheets.load("items/name,items/visibility,items/position");
      const tables = wb.tables.load("items/name,items/worksheet/name");
      await sync();
      const exists = (name: string) => sheets.items.find((s) => sameName(s.name, name));
      const stateExists = !!exists(STATE_SHEET);

      // (2) What the plan would touch.
      const probes = sheetPlans.map((sp) => this.probeSheet(wb, sp, exists(sp.name), tables.items));
      const state =
        stateExists && (marking || plan.stamp)
          ? wb.worksheets.getItem(STATE_SHEET).getUsedRangeOrNullObject(true).load("values")
          : null;
      const markCells = groupMarks(plan.marks ?? []);
      for (const m of markCells) {
        if (!exists(m.sheet) && !sheetPlans.some((sp) => sameName(sp.name, m.sheet)))
          throw new Error(`Markering op een onbekend tabblad: ${m.sheet}`);
      }
      const markProbes = await this.probeMany(
        markCells,
        (m) => (exists(m.sheet) ? this.probeCell(wb, m.sheet, m.cell) : null),
        sync
      );
      await sync();

      const stateRows: [string, string][] =
        state && !state.isNullObject
          ? (state.values as unknown[][])
              .filter((r) => typeof r[0] === "string" && r[0] !== "")
              .map((r) => [String(r[0]), String(r[1] ?? "")])
          : [];
      const oldMarks: StoredMark[] = stateRows
        .filter(([k]) => k === "mark")
        .map(([, v]) => JSON.parse(v) as StoredMark);

      // (3) The cells of the previous marks, to restore only what is still ours.
      const oldProbes = marking
        ? await this.probeMany(
            oldMarks,
            (m) => (exists(m.sheet) ? this.probeCell(wb, m.sheet, m.cell) : null),
            sync
          )
        : [];
      if (marking) await sync();

      // (4) All writes.
      const w = new WriteBatch(sync, this.writeLimit);
      if (this.runtimeEvents) ctx.runtime.enableEvents = false; // our own writes must not re-trigger live validation
      try {
        for (let i = 0; i < sheetPlans.length; i++)
          await this.writeSheet(ctx, w, sheetPlans[i], exists(sheetPlans[i].name), probes[i]);
        for (const sp of sheetPlans)
          if (sp.position !== undefined) wb.worksheets.getItem(sp.name).position = sp.position;

        let remembered = oldMarks;
        if (marking)
          remembered = await this.writeMarks(
            wb,
            w,
            plan,
            oldMarks,
            oldProbes,
            markCells,
            markProbes
          );
        if (plan.stamp || marking) {
          const rows: [string, string][] = [];
          const stamp = plan.stamp ?? readStamp(stateRows, []);
          if (stamp)
            rows.push(
              ["templateVersion", stamp.templateVersion],
              ["meetmoment", stamp.meetmoment ?? ""],
              ["updatedAt", stamp.updatedAt ?? new Date().toISOString()]
            );
          rows.push(
            ...stateRows.filter(
              ([k]) => !["templateVersion", "meetmoment", "updatedAt", "mark"].includes(k)
            )
          );
          rows.push(...remembered.map((m): [string, string] => ["mark", JSON.stringify(m)]));
          const ws = stateExists
            ? wb.worksheets.getItem(STATE_SHEET)
            : wb.worksheets.add(STATE_SHEET);
          if (!stateExists) ws.visibility = "VeryHidden";
          ws.getRange("A:B").clear("Contents");
          if (rows.length) w.write(ws.getRangeByIndexes(0, 0, rows.length, 2), "values", rows);
        }
        if (plan.stamp) {
          const custom = wb.properties.custom;
          custom.add(STAMP_PROPERTIES.templateVersion, plan.stamp.templateVersion);
          custom.add(STAMP_PROPERTIES.meetmoment, plan.stamp.meetmoment ?? "");
          custom.add(STAMP_PROPERTIES.updatedAt, plan.stamp.updatedAt ?? new Date().toISOString());
        }
        if (plan.activate) wb.worksheets.getItem(plan.activate).activate();
      } finally {
        if (this.runtimeEvents) ctx.runtime.enableEvents = true;
      }
      await sync();
    });
  }

  /**
   * Queue one probe per item; with a payload limit (Excel on the web), sync between groups so that no
   * request passes it. Without a limit all probes wait for the caller's next sync.
   */
  private async probeMany<T, P>(
    items: readonly T[],
    probe: (item: T) => P,
    sync: () => Promise<void>
  ): Promise<P[]> {
    const group =
      this.writeLimit === Infinity
        ? Infinity
        : Math.max(50, Math.floor(this.writeLimit / (3 * ACTION_BYTES)));
    const out: P[] = [];
    for (let i = 0; i < items.length; i++) {
      if (i > 0 && i % group === 0) await sync();
      out.push(probe(items[i]));
    }
    return out;
  }

  private probeCell(wb: Excel.Workbook, sheet: string, cell: string) {
    const fill = wb.worksheets.getItem(sheet).getRange(cell).format.fill.load("color,pattern");
    const note = this.notes
      ? wb.notes.getItemOrNullObject(qualified(sheet, cell)).load("content")
      : null;
    return { fill, note };
  }

  /** Loads for one sheet plan, queued before the second sync. */
  private probeSheet(
    wb: Excel.Workbook,
    sp: SheetPlan,
    existing: Excel.Worksheet | undefined,
    tables: Excel.Table[]
  ) {
    if (!existing) return null;
    const onSheet = tables.filter((t) => sameName(t.worksheet.name, sp.name));
    const charts =
      sp.mode === "replace" || sp.charts?.length ? existing.charts.load("items/name") : null;
    const t = sp.table;
    let tableRanges: { table: Excel.Table; range: Excel.Range }[] = [];
    let condFormats: (Excel.ConditionalFormatCollection | null)[] = [];
    let headerNotes: (Excel.Note | null)[] = [];
    if (t && sp.mode === "ensure") {
      const sameNamed = tables.filter((x) => sameName(x.name, t.name) || onSheet.includes(x));
      tableRanges = sameNamed.map((table) => ({ table, range: table.getRange().load("address") }));
      const bodyRows = Math.max(1, t.rows.length);
      condFormats = t.columns.map((c, j) =>
        c.colours?.length
          ? existing
              .getRangeByIndexes(t.headerRow, j, bodyRows, 1)
              .conditionalFormats.load("items/type,items/cellValueOrNullObject/rule")
          : null
      );
    }
    if (t && this.notes) {
      headerNotes = t.headers.map((_, j) =>
        t.headerNotes?.[j]
          ? wb.notes
              .getItemOrNullObject(qualified(sp.name, cellA1(t.headerRow - 1, j)))
              .load("content")
          : null
      );
    }
    return { charts, tableRanges, condFormats, headerNotes, tablesOnSheet: onSheet };
  }

  private async writeSheet(
    ctx: Excel.RequestContext,
    w: WriteBatch,
    sp: SheetPlan,
    existing: Excel.Worksheet | undefined,
    probe: ReturnType<ExcelWorkbookPort["probeSheet"]>
  ): Promise<void> {
    const wb = ctx.workbook;
    let ws: Excel.Worksheet;
    if (!existing) ws = wb.worksheets.add(sp.name);
    else {
      ws = wb.worksheets.getItem(sp.name);
      if (sp.mode === "replace") {
        // Cleared in place rather than deleted: formulas and dropdowns elsewhere keep pointing at it.
        // Contents, formats, links, dropdowns and conditional formats go; notes stay (they may be the user's).
        for (const c of probe?.charts?.items ?? []) c.delete();
        for (const t of probe?.tablesOnSheet ?? []) t.convertToRange();
        const all = ws.getRange();
        all.clear("Contents");
        all.clear("Formats");
        all.clear("Hyperlinks");
        all.dataValidation.clear();
        all.conditionalFormats.clearAll();
      }
    }
    if (sp.hidden !== undefined) ws.visibility = sp.hidden ? "Hidden" : "Visible";
    if (sp.tabColour) ws.tabColor = sp.tabColour;
    if (sp.table) await this.writeTable(ctx, ws, w, sp, probe);
    for (const b of sp.blocks ?? []) await this.writeBlock(ws, w, b);
    sp.columnWidths?.forEach((width, j) => {
      if (width) ws.getRangeByIndexes(0, j, 1, 1).format.columnWidth = points(width);
    });
    if (sp.freezeRows) ws.freezePanes.freezeRows(sp.freezeRows);
    const existingCharts = sp.mode === "ensure" ? (probe?.charts?.items ?? []) : [];
    (sp.charts ?? []).forEach((c, i) => this.writeChart(ws, c, i, existingCharts));
    await w.maybeFlush();
  }

  private async writeTable(
    ctx: Excel.RequestContext,
    ws: Excel.Worksheet,
    w: WriteBatch,
    sp: SheetPlan,
    probe: ReturnType<ExcelWorkbookPort["probeSheet"]>
  ): Promise<void> {
    const t = sp.table as TablePlan;
    const rect: Rect = {
      row: t.headerRow - 1,
      column: 0,
      rows: 1 + Math.max(1, t.rows.length),
      columns: t.headers.length,
    };
    // Tables in the way become plain ranges first: their values stay where they are.
    for (const tr of probe?.tableRanges ?? []) {
      const { sheet, range } = splitAddress(tr.range.address);
      if (
        sameName(tr.table.name, t.name) ||
        (sheet !== null && sameName(sheet, sp.name) && intersects(parseRange(range), rect))
      )
        tr.table.convertToRange();
    }
    const rows = t.rows.length ? t.rows : [t.headers.map(() => null)];
    const fmts = t.columns.map((c) => c.numFmt ?? "General");
    const isText = fmts.map((f) => f === "@");
    // Number formats first (so text columns take text as text); formula cells get General so they compute.
    const numberFormat = [
      t.headers.map(() => "General"),
      ...rows.map((r) => fmts.map((f, j) => (isFormula(r[j]) ? "General" : f))),
    ];
    const values = [
      t.headers.map((h) => toOffice(h, true)),
      ...rows.map((r) => t.headers.map((_, j) => toOffice(r[j], isText[j] && !isFormula(r[j])))),
    ];
    await w.writeGrid(ws, rect, "numberFormat", numberFormat, this.maxCells);
    await w.writeGrid(ws, rect, "values", values, this.maxCells);
    const table = ws.tables.add(`${quoteSheet(sp.name)}!${rectA1(rect)}`, true);
    table.name = t.name;
    table.style = "TableStyleMedium2";
    const body = (j: number) => ws.getRangeByIndexes(rect.row + 1, j, rect.rows - 1, 1);
    ws.getRangeByIndexes(rect.row, 0, 1, rect.columns).format.wrapText = true;
    t.columns.forEach((c, j) => {
      if (c.width) ws.getRangeByIndexes(0, j, 1, 1).format.columnWidth = points(c.width);
      if (c.wrap) body(j).format.wrapText = true;
      if (c.listRange) {
        const dv = body(j).dataValidation;
        dv.clear();
        dv.rule = { list: { inCellDropDown: true, source: `=${c.listRange}` } };
        dv.errorAlert = {
          showAlert: true,
          style: "Stop",
          title: (c.help?.title ?? t.headers[j]).slice(0, 32),
          message: (c.help?.text ?? "").slice(0, 255) || "Kies een waarde uit de lijst.",
        };
        if (c.help)
          dv.prompt = {
            showPrompt: true,
            title: c.help.title.slice(0, 32),
            message: c.help.text.slice(0, 255),
          };
      }
      if (c.colours?.length) {
        const present = new Set<string>();
        const cfs = probe?.condFormats[j];
        for (const cf of cfs?.items ?? []) {
          const rule = cf.type === "CellValue" ? cf.cellValueOrNullObject.rule : null;
          if (rule?.formula1) present.add(rule.formula1);
        }
        for (const col of c.colours) {
          const formula1 = `="${col.value.replace(/"/g, '""')}"`;
          if (present.has(formula1)) continue;
          const cf = body(j).conditionalFormats.add("CellValue");
          cf.cellValue.format.fill.color = col.fill;
          cf.cellValue.format.font.color = col.font;
          cf.cellValue.rule = { formula1, operator: "EqualTo" };
        }
      }
    });
    if (this.notes) {
      t.headerNotes?.forEach((text, j) => {
        if (!text) return;
        const existing = probe?.headerNotes[j];
        if (existing && !existing.isNullObject) return; // a note is there already (the user's or ours): keep it
        ctx.workbook.notes.add(ws.getRange(cellA1(rect.row, j)), text);
      });
    }
  }

  private async writeBlock(ws: Excel.Worksheet, w: WriteBatch, b: BlockPlan): Promise<void> {
    if (b.values.length === 0) return;
    const columns = Math.max(...b.values.map((r) => r.length));
    const rect: Rect = { row: b.row - 1, column: b.column, rows: b.values.length, columns };
    const grid = b.values.map((r) =>
      Array.from({ length: columns }, (_, j) => toOffice(r[j], false))
    );
    if (b.numFmt)
      await w.writeGrid(
        ws,
        rect,
        "numberFormat",
        grid.map((r) => r.map(() => b.numFmt as string)),
        this.maxCells
      );
    await w.writeGrid(ws, rect, "values", grid, this.maxCells);
    const range = ws.getRangeByIndexes(rect.row, rect.column, rect.rows, rect.columns);
    if (b.bold) range.format.font.bold = true;
    if (b.fill) range.format.fill.color = b.fill;
    const links = b.links ?? [];
    for (let i = 0; i < links.length; i++) {
      const row = links[i] ?? [];
      for (let j = 0; j < row.length; j++) {
        const target = row[j];
        if (!target) continue;
        w.count(ACTION_BYTES + 2 * target.length);
        await w.maybeFlush();
        const shown = b.values[i]?.[j];
        const text =
          shown === null || shown === undefined || typeof shown === "object"
            ? target
            : String(shown);
        ws.getRangeByIndexes(rect.row + i, rect.column + j, 1, 1).hyperlink = {
          documentReference: target,
          textToDisplay: text,
          screenTip: target,
        };
      }
    }
    await w.maybeFlush();
  }

  private writeChart(ws: Excel.Worksheet, c: ChartPlan, i: number, existing: Excel.Chart[]): void {
    const name = `${CHART_PREFIX}${i + 1}`;
    for (const old of existing) if (old.name === name) old.delete();
    const type =
      c.kind === "bar" ? "BarClustered" : c.kind === "column" ? "ColumnClustered" : "Pie";
    const { range } = splitAddress(c.range);
    const chart = ws.charts.add(type, ws.getRange(range), "Columns");
    chart.name = name;
    chart.title.text = c.title;
    chart.setPosition(c.anchor);
    if (c.kind === "pie")
      c.colours?.forEach((col, p) =>
        chart.series.getItemAt(0).points.getItemAt(p).format.fill.setSolidColor(col)
      );
    else c.colours?.forEach((col, s) => chart.series.getItemAt(s).format.fill.setSolidColor(col));
  }

  /** Queue the restoring of old marks and the setting of new ones; returns the marks to remember. */
  private async writeMarks(
    wb: Excel.Workbook,
    w: WriteBatch,
    plan: WritePlan,
    oldMarks: StoredMark[],
    oldProbes: (ReturnType<ExcelWorkbookPort["probeCell"]> | null)[],
    markCells: MarkedCell[],
    markProbes: (ReturnType<ExcelWorkbookPort["probeCell"]> | null)[]
  ): Promise<StoredMark[]> {
    const key = (s: string, c: string) => `${s.toLowerCase()}\u0000${c.toUpperCase()}`;
    const ourFills = new Set(Object.values(MARK_FILL));
    const remembered = new Map<string, StoredMark>();
    const oldByKey = new Map(oldMarks.map((m) => [key(m.sheet, m.cell), m]));
    const isOurs = (p: ReturnType<ExcelWorkbookPort["probeCell"]> | null | undefined) =>
      !!p && p.fill.pattern !== "None" && ourFills.has(String(p.fill.color).toUpperCase());
    const ourNoteText = (p: ReturnType<ExcelWorkbookPort["probeCell"]> | null | undefined) =>
      p?.note && !p.note.isNullObject ? p.note.content : null;

    /** The note of a cell after clearing: content, or null when there is none. */
    const noteAfterClear = new Map<string, string | null>();
    const clearedFill = new Set<string>();
    if (plan.clearMarks) {
      for (let i = 0; i < oldMarks.length; i++) {
        const m = oldMarks[i];
        const p = oldProbes[i];
        if (!p) continue; // the sheet is gone: nothing to restore
        w.count(3 * ACTION_BYTES);
        await w.maybeFlush();
        const k = key(m.sheet, m.cell);
        const ws = wb.worksheets.getItem(m.sheet);
        const range = ws.getRange(m.cell);
        if (isOurs(p)) {
          const prior = fillHex(m.fill);
          if (prior) range.format.fill.color = prior;
          else range.format.fill.clear();
          clearedFill.add(k);
        }
        const now = ourNoteText(p);
        if (this.notes && now !== null && now.includes(MARK_PREFIX)) {
          if (m.note && now.startsWith(m.note)) {
            wb.notes.getItem(qualified(m.sheet, m.cell)).content = m.note;
            noteAfterClear.set(k, m.note);
          } else if (!m.note && now.startsWith(MARK_PREFIX)) {
            wb.notes.getItem(qualified(m.sheet, m.cell)).delete();
            noteAfterClear.set(k, null);
          }
        }
      }
    } else {
      for (const m of oldMarks) remembered.set(key(m.sheet, m.cell), m);
    }

    for (let i = 0; i < markCells.length; i++) {
      const m = markCells[i];
      const p = markProbes[i];
      w.count(3 * ACTION_BYTES + m.messages.join("").length);
      await w.maybeFlush();
      const k = key(m.sheet, m.cell);
      const previous = oldByKey.get(k);
      // The cell's own fill and note: from the earlier mark when the cell is still marked, else as read now.
      const priorFill =
        previous && (isOurs(p) || clearedFill.has(k))
          ? previous.fill
          : p && p.fill.pattern !== "None" && !ourFills.has(String(p.fill.color).toUpperCase())
            ? fillObject(p.fill.color)
            : (previous?.fill ?? null);
      const noteNow = noteAfterClear.has(k) ? noteAfterClear.get(k)! : ourNoteText(p);
      let priorNote = noteNow;
      if (priorNote !== null && priorNote.includes(MARK_PREFIX))
        priorNote =
          previous?.note ??
          (priorNote.startsWith(MARK_PREFIX)
            ? null
            : priorNote.slice(0, priorNote.indexOf(MARK_PREFIX)).replace(/\n+$/, ""));
      remembered.set(k, { sheet: m.sheet, cell: m.cell, fill: priorFill, note: priorNote });
      const ws = wb.worksheets.getItem(m.sheet);
      ws.getRange(m.cell).format.fill.color = MARK_FILL[m.severity];
      if (this.notes) {
        const text = MARK_PREFIX + m.messages.join("\n");
        const content = priorNote ? `${priorNote}\n\n${text}` : text;
        if (noteNow !== null) wb.notes.getItem(qualified(m.sheet, m.cell)).content = content;
        else wb.notes.add(ws.getRange(m.cell), content);
      }
    }
    return [...remembered.values()];
  }
}

interface MarkedCell {
  sheet: string;
  cell: string;
  severity: CellMark["severity"];
  messages: string[];
}

/** One mark per cell: the worst severity and every message. */
function groupMarks(marks: readonly CellMark[]): MarkedCell[] {
  const by = new Map<string, MarkedCell>();
  for (const m of marks) {
    const cell = m.cell.replace(/\$/g, "").toUpperCase();
    const k = `${m.sheet.toLowerCase()}\u0000${cell}`;
    const x = by.get(k);
    if (!x) by.set(k, { sheet: m.sheet, cell, severity: m.severity, messages: [m.message] });
    else {
      if (m.severity === "error") x.severity = "error";
      if (!x.messages.includes(m.message)) x.messages.push(m.message);
    }
  }
  return [...by.values()];
}

/** A sheet-qualified cell address, as the workbook's note collection wants it. */
function qualified(sheet: string, cell: string): string {
  return `${quoteSheet(sheet)}!${cell}`;
}

function isFormula(v: WriteValue | undefined): boolean {
  return typeof v === "object" && v !== null && !(v instanceof Date);
}

/** Column width in characters to points (Excel's default 8.43 characters are 48 points). */
function points(chars: number): number {
  return Math.round(chars * 5.7 + 5);
}

/** Office.js returns "" for blank cells; the snapshot uses null like the .xlsx host. */
function cellOut(v: unknown): unknown {
  return v === "" ? null : v;
}

function readStamp(
  stateRows: unknown[][] | [string, string][],
  props: [string, unknown][]
): TemplateStamp | null {
  const rows = stateRows as unknown[][];
  const fromSheet = (k: string) => rows.find((r) => r[0] === k)?.[1];
  const fromProps = (k: string) => props.find(([key]) => key === k)?.[1];
  const version = fromSheet("templateVersion") ?? fromProps(STAMP_PROPERTIES.templateVersion);
  if (version === undefined || version === null || version === "") return null;
  const meetmoment =
    fromSheet("templateVersion") !== undefined
      ? fromSheet("meetmoment")
      : fromProps(STAMP_PROPERTIES.meetmoment);
  const updatedAt =
    fromSheet("templateVersion") !== undefined
      ? fromSheet("updatedAt")
      : fromProps(STAMP_PROPERTIES.updatedAt);
  return {
    templateVersion: String(version),
    meetmoment:
      meetmoment === undefined || meetmoment === null || meetmoment === ""
        ? null
        : String(meetmoment),
    updatedAt: updatedAt ? String(updatedAt) : undefined,
  };
}

/** Whether a stamp says the workbook is the current template. */
export function isCurrentTemplate(stamp: TemplateStamp | null): boolean {
  return stamp?.templateVersion === TEMPLATE_VERSION;
}

/**
 * Queues writes and syncs only when the payload queued since the last sync passes the limit (Excel on the
 * web); otherwise everything goes in the operation's final sync.
 */
class WriteBatch {
  private bytes = 0;
  constructor(
    private readonly sync: () => Promise<void>,
    private readonly limit: number
  ) {}

  write(range: Excel.Range, prop: "values" | "numberFormat", grid: unknown[][]): void {
    if (this.limit !== Infinity) this.bytes += JSON.stringify(grid).length + ACTION_BYTES;
    (range as unknown as Record<string, unknown>)[prop] = grid;
  }

  /**
   * A large grid in row chunks below the cell limit, all queued without a sync between them; only with a
   * payload limit (Excel on the web) are chunks also cut by size, with a sync whenever the limit is reached.
   */
  async writeGrid(
    ws: Excel.Worksheet,
    rect: Rect,
    prop: "values" | "numberFormat",
    grid: unknown[][],
    maxCells: number
  ): Promise<void> {
    for (const c of rowChunks(rect.rows, rect.columns, maxCells)) {
      if (this.limit === Infinity) {
        this.write(
          ws.getRangeByIndexes(rect.row + c.start, rect.column, c.count, rect.columns),
          prop,
          grid.slice(c.start, c.start + c.count)
        );
        continue;
      }
      let start = c.start;
      let size = 0;
      const end = c.start + c.count;
      for (let i = c.start; i <= end; i++) {
        const rowBytes = i < end ? JSON.stringify(grid[i]).length + 1 : 0;
        if (i === end || (i > start && this.bytes + size + rowBytes > this.limit)) {
          this.write(
            ws.getRangeByIndexes(rect.row + start, rect.column, i - start, rect.columns),
            prop,
            grid.slice(start, i)
          );
          size = 0;
          start = i;
          if (i < end) await this.maybeFlush(true);
        }
        size += rowBytes;
      }
    }
  }

  /** Count an action that is not a 2-D write (a mark, a link). */
  count(bytes: number): void {
    if (this.limit !== Infinity) this.bytes += bytes;
  }

  async maybeFlush(force = false): Promise<void> {
    if (this.bytes > 0 && (force || this.bytes > this.limit)) {
      this.bytes = 0;
      await this.sync();
    }
  }
}
