/**
 * The workbook port for a workbook that is only written and saved, never read or marked before: `merge`'s
 * output. Its big tables are written in bulk (sheet-write.ts, bulk-save.ts): their rows go into the file at
 * save, not into exceljs' cells. Node only (the task pane's exceljs chunk never loads it).
 */
import type ExcelJS from "exceljs";
import type { TablePlan, WorkbookSnapshot, WritePlan } from "../workbook/port";
import { bulkBuffer, saveBulk, type BulkTable } from "./bulk-save";
import { XlsxPort } from "./port";
import { addCharts } from "./chart-parts";
import { writeTable } from "./sheet-write";

export class BulkXlsxPort extends XlsxPort {
  /** Tables written in bulk, their rows put in the package at save. */
  private readonly bulk: BulkTable[] = [];

  /** `bulkRows`: tables of at least this many rows are written in bulk. */
  constructor(private readonly bulkRows = 1) {
    super();
  }

  protected override writeTable(ws: ExcelJS.Worksheet, table: TablePlan) {
    const bulk = table.rows.length >= this.bulkRows;
    writeTable(ws, table, bulk);
    if (bulk) this.bulk.push({ sheetId: ws.id, table });
  }

  /** The bulk tables whose sheet is still there (a sheet replaced since is written by exceljs). */
  private bulkTables(): BulkTable[] {
    return this.bulk.filter((b) => this.workbook.getWorksheet(b.sheetId));
  }

  private noBulk(what: string) {
    if (this.bulkTables().length)
      throw new Error(`${what}: this workbook's bulk rows exist only in the saved file`);
  }

  override async read(options?: { sheets?: readonly string[] }): Promise<WorkbookSnapshot> {
    this.noBulk("read");
    return super.read(options);
  }

  override async apply(plan: WritePlan): Promise<void> {
    if (plan.clearMarks || plan.marks?.length) this.noBulk("marks");
    return super.apply(plan);
  }

  override async save(file: string): Promise<void> {
    const bulk = this.bulkTables();
    if (!bulk.length) return super.save(file);
    await saveBulk(await this.stub(), bulk, file);
  }

  override async toBuffer(): Promise<Buffer> {
    const bulk = this.bulkTables();
    return bulk.length ? bulkBuffer(await this.stub(), bulk) : super.toBuffer();
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
