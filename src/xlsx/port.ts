/**
 * The workbook port on .xlsx files, with exceljs. `read` turns the whole workbook into a snapshot in one
 * pass; `apply` carries out a write plan on the in-memory workbook; `save` writes the file.
 *
 * What this host does with the plan:
 * - tables become real Excel tables (ListObjects) with a header row; dropdowns are data validation
 *   lists that point at a range of the hidden lists sheet (never inline lists); status colours are
 *   conditional formatting; input help is the data validation's input message; header help is a note;
 * - links in blocks are HYPERLINK formulas (`#'Sheet'!D12`), which Excel and LibreOffice both follow;
 * - charts: exceljs writes none; the plan's charts are added to the package when it is saved
 *   (chart-parts.ts), as DrawingML chart parts over the sheet's cells;
 * - the stamp (template version, meetmoment) lives on a very hidden sheet `_vvmonitor`, which also
 *   remembers the cells marked by validation so that `clearMarks` removes those marks and only those.
 */
import ExcelJS from "./exceljs-lib.cjs";
import type {
  BlockPlan,
  ChartPlan,
  CellMark,
  SheetPlan,
  SheetSnapshot,
  TablePlan,
  TemplateStamp,
  WorkbookPort,
  WorkbookSnapshot,
  WritePlan,
} from "../workbook/port";
import { STATE_SHEET } from "../core/template";
import { scaleInFormat } from "../core/parse";
import {
  cellKey,
  fillObject,
  groupMarks,
  markNote,
  MARK_FILL,
  parseState,
  stateRows,
  unknownMarkSheet,
  userPartOfNote,
  type StateRecords,
  type StoredMark,
} from "../workbook/state";
import { gridTables, gridUsed, noteText } from "./grid";
import { exceljsGrid, readNotes, tableDefs } from "./sheet-read";
import { argb, sheet, writeBlock, writeTable } from "./sheet-write";
import { pageLayoutFor, type PrintContext } from "../workbook/page-layout";
import { applyPageLayout } from "./page-layout";
import { addCharts, chartData, type SheetCharts } from "./chart-parts";

export { FORMAT_ROWS } from "./sheet-write";

/** The very hidden sheet that holds the stamp and the marks of the last validation. */
export const STAMP_SHEET = STATE_SHEET;

export class XlsxPort implements WorkbookPort {
  /** Files store each formula's computed result (see WriteValue). */
  readonly storesResults = true;

  /** Writes bytes to a file: set by open.ts in Node; absent in the browser, which saves no file. */
  static writeBytes?: (file: string, bytes: Uint8Array) => Promise<void>;

  /** The charts planned per sheet (by name), written into the package at save. */
  protected readonly charts = new Map<string, ChartPlan[]>();

  constructor(readonly workbook: ExcelJS.Workbook = new ExcelJS.Workbook()) {}

  async read(options?: { sheets?: readonly string[] }): Promise<WorkbookSnapshot> {
    const sheets: SheetSnapshot[] = [];
    let index = 0;
    for (const ws of this.workbook.worksheets) {
      if (ws.name === STAMP_SHEET) continue;
      const i = index++;
      if (options?.sheets && !options.sheets.includes(ws.name)) continue;
      const grid = exceljsGrid(ws);
      sheets.push({
        name: ws.name,
        index: i,
        visible: ws.state === "visible" || ws.state === undefined,
        tables: gridTables(ws.name, grid, tableDefs(ws)),
        used: gridUsed(grid),
        notes: readNotes(ws),
        ...mergesOf(ws),
        ...hiddenColumnsOf(ws),
        ...formatUnitOf(ws),
      });
    }
    return { sheets, stamp: this.readStamp() };
  }

  async apply(plan: WritePlan): Promise<void> {
    // A user's sheet in the way of one the add-in rebuilds moves whole, before anything is written.
    for (const r of plan.renames ?? []) {
      const ws = this.findSheet(r.from);
      if (ws) ws.name = r.to;
    }
    const positions: { name: string; position: number }[] = [];
    const print = this.printContext(plan);
    for (const sp of plan.sheets ?? []) {
      this.applySheet(sp);
      const ws = this.findSheet(sp.name);
      if (ws) applyPageLayout(ws, pageLayoutFor(sp, print));
      if (sp.position !== undefined) positions.push({ name: sp.name, position: sp.position });
    }
    if (positions.length) this.reorder(positions);
    if (plan.clearMarks) this.clearMarks();
    if (plan.marks?.length) this.setMarks(plan.marks);
    if (plan.stamp) this.writeStamp(plan.stamp);
    if (plan.activate) {
      const ws = this.workbook.getWorksheet(plan.activate);
      if (ws) {
        this.workbook.views = [
          {
            x: 0,
            y: 0,
            width: 20000,
            height: 12000,
            firstSheet: 0,
            activeTab: this.workbook.worksheets.indexOf(ws),
            visibility: "visible",
          },
        ];
        // Only the active sheet may be selected: Excel groups all selected tabs.
        for (const w of this.workbook.worksheets) {
          const views = (w.views ?? []) as (Partial<ExcelJS.WorksheetView> & {
            tabSelected?: boolean;
          })[];
          if (views.length === 0)
            w.views = [{ tabSelected: w === ws } as unknown as ExcelJS.WorksheetView];
          else views.forEach((v) => (v.tabSelected = w === ws));
        }
      }
    }
  }

  /** Write the workbook; Excel recalculates every formula when it opens the file. */
  async save(file: string): Promise<void> {
    this.workbook.calcProperties.fullCalcOnLoad = true;
    if (!this.sheetCharts().length) return this.workbook.xlsx.writeFile(file);
    // With charts the package is rewritten in memory; the bytes are written by Node's fs, which this module
    // must not import (the task pane bundles it): open.ts, Node's entry to this host, lends it.
    if (!XlsxPort.writeBytes)
      throw new Error("XlsxPort.save: no file system here (open.ts sets it)");
    await XlsxPort.writeBytes(file, await this.toBuffer());
  }

  async toBuffer(): Promise<Buffer> {
    this.workbook.calcProperties.fullCalcOnLoad = true;
    const charts = this.sheetCharts();
    if (!charts.length) return Buffer.from(await this.workbook.xlsx.writeBuffer());
    // Stored by exceljs, deflated once when the charts are in: not deflated twice.
    const stub = await this.workbook.xlsx.writeBuffer({ zip: { compression: "STORE" } });
    return addCharts(Buffer.from(stub), charts);
  }

  /** The planned charts of the sheets still in the workbook, with the data their cells now hold. */
  protected sheetCharts(): SheetCharts[] {
    const out: SheetCharts[] = [];
    for (const [name, plans] of this.charts) {
      const ws = this.workbook.getWorksheet(name);
      if (ws && plans.length)
        out.push({ sheet: ws.name, charts: plans.map((c) => chartData(ws, c)) });
    }
    return out;
  }

  /** The plan's print context; the meetmoment of the stamp (planned, else stored) by default. */
  private printContext(plan: WritePlan): PrintContext {
    const meetmoment =
      plan.print?.meetmoment ?? plan.stamp?.meetmoment ?? this.readStamp()?.meetmoment ?? null;
    return { lang: plan.print?.lang ?? "nl", meetmoment };
  }

  // ---- sheets ------------------------------------------------------------------------------------

  /** Excel's sheet names ignore case: "mijlpalen" and "Mijlpalen" are one sheet. */
  private findSheet(name: string): ExcelJS.Worksheet | undefined {
    const n = name.toLocaleLowerCase();
    return this.workbook.worksheets.find((w) => w.name.toLocaleLowerCase() === n);
  }

  private applySheet(sp: SheetPlan) {
    let ws = this.findSheet(sp.name);
    if (ws && ws.name !== sp.name && sp.mode === "ensure") {
      // exceljs compares a new name with every sheet, itself included: step through a free name.
      ws.name = `~${ws.id}`;
      ws.name = sp.name;
    }
    if (ws && sp.mode === "replace") {
      const orderNo = sheet(ws).orderNo;
      this.workbook.removeWorksheet(ws.id);
      ws = this.workbook.addWorksheet(sp.name);
      sheet(ws).orderNo = orderNo;
    }
    if (!ws) ws = this.workbook.addWorksheet(sp.name);
    if (sp.charts?.length) this.charts.set(sp.name, sp.charts);
    else if (sp.mode === "replace") this.charts.delete(sp.name);
    if (sp.hidden !== undefined) ws.state = sp.hidden ? "hidden" : "visible";
    if (sp.tabColour) ws.properties.tabColor = { argb: argb(sp.tabColour) };
    if (sp.table) this.writeTable(ws, sp.table);
    for (const b of sp.blocks ?? []) this.writeBlock(ws, b);
    for (const n of sp.notes ?? []) ws.getCell(n.cell).note = n.text;
    sp.columnWidths?.forEach((w, i) => {
      if (w) ws.getColumn(i + 1).width = w;
    });
    if (sp.freezeRows)
      ws.views = [
        {
          state: "frozen",
          xSplit: 0,
          ySplit: sp.freezeRows,
          topLeftCell: `A${sp.freezeRows + 1}`,
          activeCell: `A${sp.freezeRows + 1}`,
        },
      ];
  }

  /** Write a block of a plan on its sheet (bulk-port.ts writes big plain ones differently). */
  protected writeBlock(ws: ExcelJS.Worksheet, block: BlockPlan) {
    writeBlock(ws, block);
  }

  /** Write a plan's table on its sheet (bulk-port.ts writes big ones differently). */
  protected writeTable(ws: ExcelJS.Worksheet, table: TablePlan) {
    writeTable(ws, table);
  }

  private reorder(positions: { name: string; position: number }[]) {
    const order = this.workbook.worksheets.filter((w) => w.name !== STAMP_SHEET).map((w) => w.name);
    for (const p of [...positions].sort((a, b) => a.position - b.position)) {
      const from = order.indexOf(p.name);
      if (from < 0) continue;
      order.splice(from, 1);
      order.splice(Math.min(p.position, order.length), 0, p.name);
    }
    order.forEach((name, i) => {
      sheet(this.workbook.getWorksheet(name)!).orderNo = i;
    });
    const stamp = this.workbook.getWorksheet(STAMP_SHEET);
    if (stamp) sheet(stamp).orderNo = order.length;
  }

  // ---- stamp and marks (the state sheet's format: src/workbook/state.ts) ------------------------

  private stampSheet(create: boolean): ExcelJS.Worksheet | undefined {
    let ws = this.workbook.getWorksheet(STAMP_SHEET);
    if (!ws && create) {
      ws = this.workbook.addWorksheet(STAMP_SHEET);
      ws.state = "veryHidden";
    }
    return ws;
  }

  private stateRecords(): StateRecords {
    const ws = this.stampSheet(false);
    const rows: unknown[][] = [];
    ws?.eachRow((row) => rows.push([row.getCell(1).value, row.getCell(2).value]));
    return parseState(rows);
  }

  private writeState(records: StateRecords) {
    const old = this.workbook.getWorksheet(STAMP_SHEET);
    if (old) this.workbook.removeWorksheet(old.id);
    const ws = this.stampSheet(true)!;
    ws.getColumn(1).width = 16;
    ws.getColumn(2).width = 40;
    stateRows(records).forEach(([k, v], i) => {
      ws.getCell(i + 1, 1).value = k;
      ws.getCell(i + 1, 2).value = v;
    });
  }

  readStamp(): TemplateStamp | null {
    return this.stateRecords().stamp;
  }

  private writeStamp(stamp: TemplateStamp) {
    this.writeState({ ...this.stateRecords(), stamp });
    this.workbook.keywords = `vv-monitor template ${stamp.templateVersion}`;
    this.workbook.description = stamp.meetmoment ? `meetmoment ${stamp.meetmoment}` : "";
  }

  private clearMarks() {
    const records = this.stateRecords();
    for (const m of records.marks) {
      const ws = this.findSheet(m.sheet);
      if (!ws) continue;
      const cell = ws.getCell(m.cell);
      setFill(cell, (m.fill ?? undefined) as ExcelJS.Fill | undefined);
      if (m.note) cell.note = m.note;
      else removeNote(cell);
    }
    this.writeState({ ...records, marks: [] });
  }

  private setMarks(marks: CellMark[]) {
    const records = this.stateRecords();
    const earlier = new Map(records.marks.map((m) => [cellKey(m.sheet, m.cell), m]));
    for (const m of groupMarks(marks)) {
      const ws = this.findSheet(m.sheet);
      if (!ws) throw unknownMarkSheet(m.sheet);
      const cell = ws.getCell(m.cell);
      const k = cellKey(m.sheet, m.cell);
      const previous = earlier.get(k);
      const noteNow = cell.note === undefined || cell.note === null ? null : noteText(cell.note);
      // A cell still marked from before keeps what it had before that mark.
      const prior: StoredMark = previous ?? {
        sheet: m.sheet,
        cell: m.cell,
        fill: cell.fill ?? null,
        note: userPartOfNote(noteNow),
      };
      earlier.set(k, prior);
      setFill(cell, fillObject(MARK_FILL[m.severity]) as ExcelJS.Fill);
      cell.note = markNote(prior.note, m.messages);
    }
    this.writeState({ ...records, marks: [...earlier.values()] });
  }
}

/**
 * Set one cell's fill. exceljs shares one style object among the cells of a loaded file that have the
 * same style: assigning `cell.fill` would colour all of them. The cell gets its own style object.
 */
function setFill(cell: ExcelJS.Cell, fill: ExcelJS.Fill | undefined) {
  const style: Partial<ExcelJS.Style> = { ...cell.style };
  if (fill) style.fill = fill;
  else delete style.fill;
  cell.style = style;
}

/** exceljs has no API to remove a note; its value model also keeps a copy of the comment. */
function removeNote(cell: ExcelJS.Cell) {
  const c = cell as unknown as { _comment?: unknown; _value?: { model?: { comment?: unknown } } };
  c._comment = undefined;
  if (c._value?.model) delete c._value.model.comment;
}

/** The first number of a worksheet (row by row) whose number format shows a scale; nothing when none. */
function formatUnitOf(ws: ExcelJS.Worksheet): Pick<SheetSnapshot, "formatUnit"> {
  let found: SheetSnapshot["formatUnit"];
  ws.eachRow((row) => {
    if (found) return;
    row.eachCell((cell) => {
      if (found || typeof cell.value !== "number" || !cell.numFmt) return;
      const unit = scaleInFormat(cell.numFmt);
      if (unit) found = { cell: cell.address, unit };
    });
  });
  return found ? { formatUnit: found } : {};
}

/** The hidden columns of a worksheet (its `<col hidden>` elements), as 0-based ranges; nothing when none. */
function hiddenColumnsOf(ws: ExcelJS.Worksheet): Pick<SheetSnapshot, "hiddenColumns"> {
  const cols = (ws.model as { cols?: { min: number; max: number; hidden?: boolean }[] }).cols ?? [];
  const hidden = cols.filter((c) => c.hidden).map((c) => ({ first: c.min - 1, last: c.max - 1 }));
  return hidden.length ? { hiddenColumns: hidden.sort((a, b) => a.first - b.first) } : {};
}

/** The merged ranges of a worksheet, sorted as the streaming read gives them; nothing when none. */
function mergesOf(ws: ExcelJS.Worksheet): { merges?: string[] } {
  const merges = (ws.model as { merges?: string[] }).merges ?? [];
  return merges.length ? { merges: [...merges].sort() } : {};
}
