/**
 * The port: the small interface every host implements (Office.js in Excel, exceljs on files).
 * Flows read a whole workbook snapshot in one call, compute a declarative write plan with pure code,
 * and hand the plan to `apply` in one call. Hosts batch: the number of round trips never depends on
 * the number of rows.
 */
import type { TableData } from "../core/table";
import type { PrintContext } from "./page-layout";

/** Template version and meetmoment, stamped into the workbook (document properties or hidden sheet). */
export interface TemplateStamp {
  templateVersion: string;
  /** ISO date of the measurement moment, e.g. "2022-06-01". */
  meetmoment: string | null;
  /** ISO timestamp of the last template operation. */
  updatedAt?: string;
}

/** One sheet as read: its tables, and its used range for sheets without tables. */
export interface SheetSnapshot {
  name: string;
  /** 0-based position among the sheets. */
  index: number;
  visible: boolean;
  /** Excel tables on the sheet, each with header row and data rows. */
  tables: TableData[];
  /**
   * The used range, raw values (conversion reads plain sheets from it). A formula cell is
   * `{ formula, result }` (formula without "="); `result` is absent when the file stores none.
   */
  used?: { firstRow: number; firstColumn: number; values: unknown[][] };
  /**
   * The notes (Excel "notes", formerly "comments") on the sheet's cells. Undefined when the host cannot
   * read notes (Excel before ExcelApi 1.18); an empty list when the sheet has none.
   */
  notes?: CellNote[];
  /**
   * The merged ranges of the sheet ("A3:A4"), sorted; undefined when the host does not read them (the
   * add-in in Excel). A merged-over cell reads as empty; the reading gives a code merged over several
   * rows to each of them (table-regions.ts).
   */
  merges?: string[];
  /**
   * The hidden columns of the sheet, as ranges of 0-based column indexes (inclusive), sorted; undefined
   * when none are hidden or the host does not read them (the add-in in Excel). Hidden is a view: the
   * reading still reads a hidden column, unless a visible column names the same template column
   * (flows/hidden-columns.ts).
   */
  hiddenColumns?: { first: number; last: number }[];
  /**
   * The first number of the sheet (row by row) whose number format shows a scale beside it
   * (`#,##0 "k€"`: 60000 shown as "60.000 k€", typed in thousands), with that scale as written; undefined
   * when none does or the host does not read formats (the add-in in Excel). The reading takes it as a unit
   * stated for the sheet's amounts (flows/unit-stated.ts).
   */
  formatUnit?: { cell: string; unit: string };
}

/** A note on a cell, as read or to write. */
export interface CellNote {
  /** A1 address on its sheet, e.g. "D12". */
  cell: string;
  text: string;
  author?: string;
}

export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
  stamp: TemplateStamp | null;
}

/**
 * A cell value to write: a plain value, or a formula (without the leading "="). A formula may carry the
 * value the core computed for it: hosts that write files store it as the cell's cached result, so that
 * readers which do not calculate (previews, pandas, Power BI) see it; Excel recalculates anyway.
 */
export type WriteValue =
  | string
  | number
  | boolean
  | null
  | Date
  | { formula: string; result?: string | number | boolean | null };

export interface ColumnFormat {
  width?: number;
  /** Excel number format, e.g. "0.00%". */
  numFmt?: string;
  wrap?: boolean;
  /** Dropdown from a range such as "Lijsten!$A$2:$A$36" (never an inline list). */
  listRange?: string;
  /** Input help shown on the column's cells: title and text (Excel caps at 32/255 characters). */
  help?: { title: string; text: string };
  /** Fill and font colours per list value: conditional formatting of status columns. */
  colours?: readonly { value: string; fill: string; font: string }[];
}

/** An Excel table with its header in `headerRow` (1-based) starting at column A. */
export interface TablePlan {
  name: string;
  headerRow: number;
  headers: string[];
  rows: WriteValue[][];
  /** Per column, by index among headers. */
  columns: ColumnFormat[];
  /** Header comments (notes) with help text, by header index. */
  headerNotes?: (string | null)[];
}

/** A block of plain cells (instructions, overview, validation report). */
export interface BlockPlan {
  /** 1-based row and 0-based column of the top-left cell. */
  row: number;
  column: number;
  values: WriteValue[][];
  bold?: boolean;
  numFmt?: string;
  /** Internal hyperlinks per cell of the block (same shape as values), e.g. "Mijlpalen!D12". */
  links?: (string | null)[][];
  fill?: string;
  /** Font colour (#RRGGBB), readable on the fill. */
  font?: string;
}

export interface ChartPlan {
  kind: "bar" | "column" | "pie";
  title: string;
  /** A1 range of the data, header row included, on the same sheet. */
  range: string;
  /** Colours of the points (pie) or series (bar), in order. */
  colours?: string[];
  /** Where to put the chart: top-left cell, e.g. "H2". */
  anchor: string;
}

export interface SheetPlan {
  name: string;
  /**
   * "ensure": create when missing, leave an existing sheet's other cells alone;
   * "replace": delete and recreate (only for sheets the add-in owns: Overzicht, Validatie, Lijsten).
   */
  mode: "ensure" | "replace";
  hidden?: boolean;
  /** 0-based position; omitted keeps the sheet where it is (new sheets go last). */
  position?: number;
  table?: TablePlan;
  blocks?: BlockPlan[];
  columnWidths?: (number | null)[];
  freezeRows?: number;
  /**
   * Rows repeated at the top of every printed page (1-based, inclusive) when they are not the frozen rows:
   * the Validatie sheet's list of findings has its header row under the summary.
   */
  printTitleRows?: { first: number; last: number };
  charts?: ChartPlan[];
  tabColour?: string;
  /**
   * Notes to put on cells after the sheet is written (a user's notes carried along by conversion).
   * A note already on the cell is replaced.
   */
  notes?: CellNote[];
}

/** Marks of validation: a fill and a note on the offending cell. The value is never touched. */
export interface CellMark {
  sheet: string;
  /** A1 address, e.g. "D12". */
  cell: string;
  severity: "error" | "warning";
  message: string;
}

export interface WritePlan {
  /**
   * Sheets to rename before anything else is written: a user's sheet (with tables) that has the name of a
   * sheet the add-in rebuilds moves out of the way whole (src/workbook/flows/protect.ts).
   */
  renames?: { from: string; to: string }[];
  sheets?: SheetPlan[];
  /** Marks to set; `clearMarks` first removes the add-in's previous marks (and only those). */
  marks?: CellMark[];
  clearMarks?: boolean;
  stamp?: TemplateStamp;
  /** Sheet to show when done. */
  activate?: string;
  /**
   * The language and meetmoment of the page headers of the plan's sheets (page-layout.ts). Without it the
   * headers are Dutch and the meetmoment is the stamp's (the plan's, else the workbook's).
   */
  print?: PrintContext;
}

export interface WorkbookPort {
  /**
   * True for hosts that write files: formulas' `result`s are stored, so flows that plan formulas read
   * what they need to compute them. Excel computes its own (the Office.js host leaves this unset).
   */
  readonly storesResults?: boolean;
  /** Read every sheet (or only the named ones) with tables, used ranges and the stamp, batched. */
  read(options?: { sheets?: readonly string[] }): Promise<WorkbookSnapshot>;
  /** Carry out a write plan, batched. */
  apply(plan: WritePlan): Promise<void>;
}
