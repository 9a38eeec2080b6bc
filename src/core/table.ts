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
  /**
   * The template sheet this table feeds, when known from more than its sheet's name (a sheet recognised
   * by its headers, one of a stack of sheets of the same shape). Default: the sheet's name.
   */
  target?: "projects" | "milestones" | "indicators" | "financing";
  /** 1-based Excel row of each entry of `rows`, when they are not the rows right below the header. */
  rowNumbers?: number[];
  /**
   * Column indexes that do not count when deciding what a row is (they belong to another template sheet
   * fed by the same sheet).
   */
  ignore?: number[];
  /**
   * Hidden columns of the table (0-based indexes among the headers) that hold a template column: read
   * (hidden is a view), or, with `supersededBy`, left out because the visible column of that index names
   * the same template column (its header no longer names it). Each is a finding (column-hidden).
   */
  hiddenColumns?: { index: number; supersededBy?: number; header: unknown }[];
}
