/**
 * The workbook port for a workbook that is only written and saved, never read or marked before: `merge`'s
 * output. Its big tables are written in bulk (sheet-write.ts, bulk-save.ts): their rows go into the file at
 * save, not into exceljs' cells; so are its big blocks of plain values (merge's Bewaard, where 50 workbooks
 * in conflict keep 240,000 values: through exceljs' cells that was 9 of the merge's 16 seconds and most
 * of its 2 GB). Node only (the task pane's exceljs chunk never loads it).
 */
import type ExcelJS from "exceljs";
import type {
  BlockPlan,
  SheetPlan,
  TablePlan,
  WorkbookSnapshot,
  WritePlan,
} from "../workbook/port";
import { blockWidth, bulkBuffer, saveBulk, type BulkBlock, type BulkTable } from "./bulk-save";
import { XlsxPort } from "./port";
import { addCharts } from "./chart-parts";
import { writeTable } from "./sheet-write";

export class BulkXlsxPort extends XlsxPort {
  /** Tables written in bulk, their rows put in the package at save. */
  private readonly bulk: BulkTable[] = [];
  /** Blocks written in bulk, their rows put in the package at save. */
  private readonly blocks: BulkBlock[] = [];
  /** The blocks of the plan being applied that may be written in bulk (bulkBlocksOf). */
  private planned = new Set<BlockPlan>();

  /** `bulkRows`: tables of at least this many rows are written in bulk. */
  constructor(private readonly bulkRows = 1) {
    super();
  }

  protected override writeTable(ws: ExcelJS.Worksheet, table: TablePlan) {
    const bulk = table.rows.length >= this.bulkRows;
    writeTable(ws, table, bulk);
    if (bulk) this.bulk.push({ sheetId: ws.id, table });
  }

  protected override writeBlock(ws: ExcelJS.Worksheet, block: BlockPlan) {
    if (!this.planned.has(block)) return super.writeBlock(ws, block);
    // Two probe rows for the style ids: the first touched as a value, the second holding a date.
    for (let j = 0; j < blockWidth(block); j++) {
      ws.getCell(block.row, block.column + j + 1);
      ws.getCell(block.row + 1, block.column + j + 1).value = PROBE_DATE;
    }
    this.blocks.push({ sheetId: ws.id, block });
  }

  /**
   * The blocks of a plan written in bulk: plain values (no link, bold, format, fill or font), at least
   * two rows and `bulkRows`, on a sheet made new by this plan, without a table or charts (a chart reads
   * its data from exceljs' cells), and no other block of the sheet in their rows. Such a block owns its
   * rows; bulk-save.ts checks that nothing else was written there.
   */
  private bulkBlocksOf(plan: WritePlan): Set<BlockPlan> {
    const out = new Set<BlockPlan>();
    for (const sp of plan.sheets ?? []) {
      if (sp.table || sp.charts?.length || (sp.mode === "ensure" && this.hasSheet(sp.name)))
        continue;
      for (const b of sp.blocks ?? [])
        if (isPlain(b) && b.values.length >= Math.max(2, this.bulkRows) && ownsRows(sp, b))
          out.add(b);
    }
    return out;
  }

  private hasSheet(name: string): boolean {
    const n = name.toLocaleLowerCase();
    return this.workbook.worksheets.some((w) => w.name.toLocaleLowerCase() === n);
  }

  /** The bulk tables whose sheet is still there (a sheet replaced since is written by exceljs). */
  private bulkTables(): BulkTable[] {
    return this.bulk.filter((b) => this.workbook.getWorksheet(b.sheetId));
  }

  /** The bulk blocks whose sheet is still there. */
  private bulkBlocks(): BulkBlock[] {
    return this.blocks.filter((b) => this.workbook.getWorksheet(b.sheetId));
  }

  private noBulk(what: string) {
    if (this.bulkTables().length || this.bulkBlocks().length)
      throw new Error(`${what}: this workbook's bulk rows exist only in the saved file`);
  }

  override async read(options?: { sheets?: readonly string[] }): Promise<WorkbookSnapshot> {
    this.noBulk("read");
    return super.read(options);
  }

  override async apply(plan: WritePlan): Promise<void> {
    if (plan.clearMarks || plan.marks?.length) this.noBulk("marks");
    this.planned = this.bulkBlocksOf(plan);
    try {
      return await super.apply(plan);
    } finally {
      this.planned = new Set();
    }
  }

  override async save(file: string): Promise<void> {
    const bulk = this.bulkTables();
    const blocks = this.bulkBlocks();
    if (!bulk.length && !blocks.length) return super.save(file);
    await saveBulk(await this.stub(), bulk, file, blocks);
  }

  override async toBuffer(): Promise<Buffer> {
    const bulk = this.bulkTables();
    const blocks = this.bulkBlocks();
    return bulk.length || blocks.length
      ? bulkBuffer(await this.stub(), bulk, blocks)
      : super.toBuffer();
  }

  /**
   * The package as exceljs writes it, with the probe rows. Stored, not deflated: it is only read again
   * part by part (bulk-save.ts), and yazl deflates every part as it is copied. exceljs deflates in
   * JavaScript (JSZip), which took 0.1 s of the merge of 50 workbooks for nothing.
   */
  private async stub(): Promise<Buffer> {
    this.workbook.calcProperties.fullCalcOnLoad = true;
    const stub = Buffer.from(
      await this.workbook.xlsx.writeBuffer({ zip: { compression: "STORE" } })
    );
    // The Overzicht's charts (chart-parts.ts) go into the stub; its parts are copied as they are.
    const charts = this.sheetCharts();
    return charts.length ? addCharts(stub, charts, "STORE") : stub;
  }
}

/** The value of a bulk block's date probe (any date: only its style id is used). */
const PROBE_DATE = new Date(Date.UTC(2022, 5, 1));

/** A block whose cells exceljs writes with no style of their own. */
function isPlain(b: BlockPlan): boolean {
  return !b.links && !b.bold && !b.numFmt && !b.fill && !b.font;
}

/** No other block of the sheet has a cell in the rows of `b`. */
function ownsRows(sp: SheetPlan, b: BlockPlan): boolean {
  const last = b.row + b.values.length - 1;
  return (sp.blocks ?? []).every(
    (o) => o === b || o.row + o.values.length - 1 < b.row || o.row > last
  );
}
