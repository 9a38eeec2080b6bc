/**
 * What a source is: one region of one sheet feeding one template sheet, as the reading's first stage
 * (locate-tables.ts) finds it, and what every reader asks of a source: the table the core reads
 * (sourceTable), the columns that the other template sheets fed by its sheet take (claimedColumns), the
 * address of one of its cells (regionCell). Validation, totals, export, merge and conversion share it
 * (in Excel and on files alike); the reading itself is a line of stages (reading.ts).
 */
import { columnLetter } from "../../core/cells";
import type { TableData } from "../../core/table";
import {
  COMPARISON_SHEET,
  INSTRUCTIONS_SHEET,
  KEY_FIGURES_SHEET,
  KEPT_SHEET,
  LISTS_SHEET,
  mapHeaders,
  OVERVIEW_SHEET,
  SHEETS,
  STATE_SHEET,
  VALIDATION_SHEET,
  type SheetSpec,
} from "../../core/template";
import type { SheetSnapshot } from "../port";
import type { HiddenColumn } from "./hidden-columns";

/** The sheets the template writes itself: never read as data. */
export const OWN_SHEETS: ReadonlySet<string> = new Set([
  LISTS_SHEET,
  INSTRUCTIONS_SHEET,
  VALIDATION_SHEET,
  OVERVIEW_SHEET,
  KEPT_SHEET,
  KEY_FIGURES_SHEET,
  COMPARISON_SHEET,
  STATE_SHEET,
]);

/** The part of a sheet read as a table: its header row and the rows below it. */
export interface Region {
  headerRow: number;
  /** The first row of a header two rows high (labels merged over the header row from the row above). */
  headerTop?: number;
  firstColumn: number;
  headers: unknown[];
  rows: unknown[][];
  tableName?: string;
  fromTable: boolean;
  /** Hidden columns that hold a template column: read, or superseded by a visible one (hidden-columns.ts). */
  hiddenColumns?: HiddenColumn[];
}

/** One region of one sheet feeding one template sheet. */
export interface Source {
  sheet: SheetSnapshot;
  spec: SheetSpec;
  region: Region;
  /** Recognised by the sheet's name (or synonym), or by its header row. */
  by: "name" | "headers";
  /** How many sheets (or tables) feed the same template sheet: more than one is a stack. */
  stack: number;
}

/** A sheet that feeds no template sheet, and why. */
export interface SkippedSheet {
  sheet: SheetSnapshot;
  /** The template sheet it is named like (another sheet was chosen), or none. */
  spec: SheetSpec | null;
  /** hidden-superseded: a hidden sheet that would feed a template sheet a visible sheet feeds. */
  reason: "other-sheet" | "no-header" | "not-template" | "hidden-superseded";
}

/** The template sheets the sheet of a source feeds, in template order (projects and money on one row). */
export function specsFed(s: Source, all: readonly Source[]): SheetSpec[] {
  return SHEETS.filter((spec) => all.some((x) => x.sheet === s.sheet && x.spec === spec));
}

/** Whether a source's template sheet takes its sheet's unmapped columns (the first one fed). */
export function isPrimary(s: Source, all: readonly Source[]): boolean {
  return specsFed(s, all)[0] === s.spec;
}

/** Columns of a source that the other template sheets fed by its sheet take (the code aside). */
export function claimedColumns(s: Source, all: readonly Source[]): ReadonlySet<number> {
  const out = new Set<number>();
  for (const spec of specsFed(s, all)) {
    if (spec === s.spec) continue;
    const code = spec.columns.find((c) => c.kind === "code")!.key;
    for (const [key, i] of mapHeaders(spec, s.region.headers).indexOf) if (key !== code) out.add(i);
  }
  return out;
}

/**
 * Columns of a source that will not be in its template sheet's table once converted: the other
 * template sheets' columns, and for all but the first template sheet the unmapped columns too. Rows are
 * read without them, so that a converted table reads as its source did.
 */
function ignoredColumns(s: Source, all: readonly Source[]): number[] | undefined {
  if (specsFed(s, all).length < 2) return undefined;
  const mine = new Set(mapHeaders(s.spec, s.region.headers).indexOf.values());
  // A column two template sheets both map (a synonym of each) is in both tables: it counts.
  if (isPrimary(s, all)) return [...claimedColumns(s, all)].filter((i) => !mine.has(i));
  const width = s.region.rows.reduce((w, r) => Math.max(w, r.length), s.region.headers.length);
  return Array.from({ length: width }, (_, i) => i).filter((i) => !mine.has(i));
}

/** A source as the core reads it: a table that names the template sheet it feeds. */
export function sourceTable(s: Source, all: readonly Source[] = [s]): TableData {
  const ignore = ignoredColumns(s, all);
  return {
    sheet: s.sheet.name,
    tableName: s.region.tableName,
    headerRow: s.region.headerRow,
    firstColumn: s.region.firstColumn,
    headers: s.region.headers,
    rows: s.region.rows,
    target: s.spec.key,
    ...(ignore ? { ignore } : {}),
    ...(s.region.hiddenColumns ? { hiddenColumns: s.region.hiddenColumns } : {}),
  };
}

/** The tables of a workbook's sources, as every reader reads them. */
export function sourceTables(sources: readonly Source[]): TableData[] {
  return sources.map((s) => sourceTable(s, sources));
}

/** The A1 address of a region's cell: row index (−1 = header) and column index within the region. */
export function regionCell(r: Region, i: number, j: number): string {
  return `${columnLetter(r.firstColumn + j)}${r.headerRow + 1 + i}`;
}
