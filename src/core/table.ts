/** A table as read from a workbook: what validation, conversion and export work on. */
export interface TableData {
  /** The sheet the table is on. */
  sheet: string;
  /** The Excel table name, when the range is a real table (ListObject). */
  tableName?: string;
  /** 1-based row number of the header row. */
  headerRow: number;
  /** 0-based column index of the first header (0 = column A). */
  firstColumn: number;
  /** Header cells, raw. */
  headers: unknown[];
  /** Data rows below the header, raw cell values; rows may be shorter than the headers. */
  rows: unknown[][];
}
