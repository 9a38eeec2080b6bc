/**
 * Which part of which sheet feeds which template sheet: the one reading of a workbook that validation,
 * totals, export, merge and conversion share (in Excel and on files alike).
 *
 * - A sheet named like a template sheet feeds it (the exact name wins over a synonym such as "Budget";
 *   case does not count). On such a sheet every table whose header names the project code is read; a
 *   plain range is read from the row (among the first 30) that names most template columns.
 * - Sheets named like no template sheet feed one by their header row: the project code and at least two
 *   more columns of a template sheet that no sheet provides by name. Sheets whose headers name the same
 *   template columns form a stack (one sheet per cluster or per entity) and are read one after the other,
 *   each row keeping its sheet. A sheet may feed several template sheets: projects and money on one row.
 * - Formulas whose file stores no result are computed over the workbook's cells where they can be
 *   (src/core/formula.ts); the others are reported at their cell when read.
 *
 * Kept as one file (about 360 lines) for now: the seam is after findSources (what a source gives:
 * sourceTable, claimedColumns, regionCell), but a dozen flows import both halves from here and
 * tablesForValidation needs findSources, so a split would be a cycle or a re-export.
 */
import { columnLetter, isBlank, isUncomputedFormula } from "../../core/cells";
import { FormulaEvaluator } from "../../core/formula";
import type { SheetKey } from "../../core/schema";
import type { TableData } from "../../core/table";
import {
  COMPARISON_SHEET,
  findSheetSpec,
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
import type { SheetSnapshot, WorkbookSnapshot } from "../port";
import { parseRange } from "../address";
import { headersUnderUnit } from "./unit-above";
import { withHiddenColumns, type HiddenColumn } from "./hidden-columns";
import { headerAsSeen } from "./merged-header";

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

const MIN_HEADER_SCORE = 3;

const codeKey = (spec: SheetSpec) => spec.columns.find((c) => c.kind === "code")!.key;

/** How many rows from the top of a range may hold its header. */
const HEADER_ROWS = 30;

/**
 * Of header candidates (rows of a range, or the headers of its tables), the first that names the most
 * template columns, and `mustName` among them when given.
 */
function bestHeader(
  spec: SheetSpec,
  candidates: readonly (readonly unknown[])[],
  mustName?: string
): { index: number; mapping: ReturnType<typeof mapHeaders> } | null {
  let best: { index: number; mapping: ReturnType<typeof mapHeaders> } | null = null;
  for (let i = 0; i < candidates.length; i++) {
    const mapping = mapHeaders(spec, candidates[i]);
    if (mapping.matches.length === 0 || (mustName && !mapping.indexOf.has(mustName))) continue;
    if (!best || mapping.matches.length > best.mapping.matches.length) best = { index: i, mapping };
  }
  return best;
}

/** The row (among the first 30 of a range) whose cells name the most template columns. */
export function findHeaderRow(
  spec: SheetSpec,
  values: readonly (readonly unknown[])[]
): { offset: number; matches: number } | null {
  const best = bestHeader(spec, values.slice(0, HEADER_ROWS));
  return best && { offset: best.index, matches: best.mapping.matches.length };
}

/** The first 30 rows of a sheet's used range as header candidates: labels merged over them included. */
function headerCandidates(spec: SheetSpec, sheet: SheetSnapshot): readonly (readonly unknown[])[] {
  const u = sheet.used;
  if (!u) return [];
  return u.values
    .slice(0, HEADER_ROWS)
    .map((row, i) => headerAsSeen(spec, sheet, u.firstRow + i, u.firstColumn, row));
}

/**
 * A table's region, with the rows typed right under it (or after one blank row) that a person reads as
 * part of it: LibreOffice and scripts do not grow a table when rows are added below it.
 */
function tableRegion(t: TableData, sheet: SheetSnapshot): Region {
  const below = rowsUnderTable(t, sheet);
  return {
    headerRow: t.headerRow,
    firstColumn: t.firstColumn,
    headers: t.headers,
    rows: below.length ? [...t.rows, ...below] : t.rows,
    tableName: t.tableName,
    fromTable: true,
  };
}

/**
 * The block of rows under a table (after at most one blank row, up to the next blank row or the next
 * table), cut to the table's columns. Footnotes and totals among them are told apart when read.
 */
function rowsUnderTable(t: TableData, sheet: SheetSnapshot): unknown[][] {
  const u = sheet.used;
  if (!u) return [];
  const width = t.headers.length;
  const firstBelow = t.headerRow + t.rows.length + 1;
  const nextTable = Math.min(
    ...sheet.tables.filter((x) => x.headerRow >= firstBelow).map((x) => x.headerRow),
    u.firstRow + u.values.length
  );
  const cut = (row: number) =>
    Array.from(
      { length: width },
      (_, j) => u.values[row - u.firstRow]?.[t.firstColumn + j - u.firstColumn] ?? null
    );
  const out: unknown[][] = [];
  let row = firstBelow;
  if (row < nextTable && cut(row).every(isBlank)) {
    // One blank row between the table and the block; the block then needs a value.
    if (row + 1 >= nextTable || cut(row + 1).every(isBlank)) return [];
    out.push(cut(row));
    row++;
  }
  for (; row < nextTable; row++) {
    const cells = cut(row);
    if (cells.every(isBlank)) break;
    out.push(cells);
  }
  return out.length && out.some((r) => !r.every(isBlank)) ? out : [];
}

function usedRegion(spec: SheetSpec, sheet: SheetSnapshot, offset: number): Region {
  const u = sheet.used!;
  const row = u.firstRow + offset;
  return {
    headerRow: row,
    firstColumn: u.firstColumn,
    headers: [...headerAsSeen(spec, sheet, row, u.firstColumn, u.values[offset] ?? [])],
    rows: u.values.slice(offset + 1),
    fromTable: false,
  };
}

/** The regions of a sheet named like a template sheet; none when no header is recognised. */
function regionsByName(spec: SheetSpec, sheet: SheetSnapshot): Region[] {
  if (sheet.tables.length) {
    const code = codeKey(spec);
    const withCode = sheet.tables.filter((t) => mapHeaders(spec, t.headers).indexOf.has(code));
    if (withCode.length) return withCode.map((t) => tableRegion(t, sheet));
    // No table names the code: the one that names most columns (the code is then reported missing).
    const best = [...sheet.tables].sort(
      (a, b) =>
        mapHeaders(spec, b.headers).matches.length - mapHeaders(spec, a.headers).matches.length
    )[0];
    return [tableRegion(best, sheet)];
  }
  const u = sheet.used;
  if (!u || u.values.length === 0)
    return [{ headerRow: 1, firstColumn: 0, headers: [], rows: [], fromTable: false }];
  const hr = findHeaderRow(spec, headerCandidates(spec, sheet));
  // A sheet with the template's exact name is read from its first row when no header is recognised.
  if (!hr)
    return sheet.name.toLocaleLowerCase() === spec.name.toLocaleLowerCase()
      ? [usedRegion(spec, sheet, 0)]
      : [];
  return [usedRegion(spec, sheet, hr.offset)];
}

/** The best header row of a sheet for a template sheet: it must name the code; score = columns named. */
function headerMatch(
  spec: SheetSpec,
  sheet: SheetSnapshot
): { region: Region; score: number; keys: string } | null {
  const tables = sheet.tables;
  const candidates = tables.length ? tables.map((t) => t.headers) : headerCandidates(spec, sheet);
  const best = bestHeader(spec, candidates, codeKey(spec));
  if (!best) return null;
  return {
    region: tables.length
      ? tableRegion(tables[best.index], sheet)
      : usedRegion(spec, sheet, best.index),
    score: best.mapping.matches.length,
    keys: best.mapping.matches
      .map((x) => x.key)
      .sort()
      .join(","),
  };
}

/** What each sheet feeds: template sheets, the regions read for them, and how they were recognised. */
class Feeds extends Map<SheetSnapshot, { spec: SheetSpec; regions: Region[]; by: Source["by"] }[]> {
  add(sheet: SheetSnapshot, spec: SheetSpec, regions: Region[], by: Source["by"]): void {
    this.set(sheet, [...(this.get(sheet) ?? []), { spec, regions, by }]);
  }
}

/** Every source of a workbook, in sheet order per template sheet; and the sheets left alone. */
export function findSources(snapshot: WorkbookSnapshot): {
  sources: Source[];
  skipped: SkippedSheet[];
} {
  const candidates = snapshot.sheets.filter((s) => !OWN_SHEETS.has(s.name));
  const feeds = new Feeds();
  // What a person sees comes first: a hidden sheet feeds a template sheet only when no visible sheet
  // does (a hidden "Financiering (oud)" never wins over a visible "Financiering juni 2022").
  const visible = candidates.filter((s) => s.visible);
  const { byName, noHeader } = feedByName(visible, feeds);
  feedByHeaders(visible, feeds, byName);
  const fed = new Set([...feeds.values()].flatMap((f) => f.map((x) => x.spec.key)));
  const hidden = candidates.filter((s) => !s.visible);
  const superseded = new Map<SheetSnapshot, SheetSpec>();
  for (const sheet of hidden)
    for (const spec of SHEETS)
      if (fed.has(spec.key) && feedsAlone(sheet, spec)) superseded.set(sheet, spec);
  const late = feedByName(hidden, feeds, fed);
  for (const sheet of late.noHeader) noHeader.add(sheet);
  feedByHeaders(hidden, feeds, new Set([...fed, ...byName, ...late.byName]));
  const sources: Source[] = [];
  for (const spec of SHEETS)
    for (const sheet of snapshot.sheets)
      for (const f of feeds.get(sheet) ?? [])
        if (f.spec === spec)
          for (const region of f.regions) sources.push({ sheet, spec, region, by: f.by, stack: 0 });
  for (const s of sources) {
    s.stack = sources.filter((x) => x.spec === s.spec).length;
    const seen = withHiddenColumns(s.spec, s.sheet, s.region.firstColumn, s.region.headers);
    if (seen.hidden.length)
      s.region = { ...s.region, headers: seen.headers, hiddenColumns: seen.hidden };
    const headers = headersUnderUnit(s.spec, s.sheet, s.region.headerRow, s.region.headers);
    if (headers !== s.region.headers) s.region = { ...s.region, headers };
    s.region = withMergedCodes(s.spec, s.sheet, s.region);
  }
  const skipped: SkippedSheet[] = candidates
    .filter((s) => !feeds.has(s))
    .map((sheet) => {
      const spec = findSheetSpec(sheet.name) ?? superseded.get(sheet) ?? null;
      return {
        sheet,
        spec,
        reason: superseded.has(sheet)
          ? "hidden-superseded"
          : noHeader.has(sheet)
            ? "no-header"
            : spec
              ? "other-sheet"
              : "not-template",
      };
    });
  return { sources: evaluateFormulas(snapshot, sources), skipped };
}

/** Whether a sheet would feed a template sheet on its own (by its name, or by its header row). */
function feedsAlone(sheet: SheetSnapshot, spec: SheetSpec): boolean {
  if (findSheetSpec(sheet.name)?.key === spec.key) return regionsByName(spec, sheet).length > 0;
  const m = headerMatch(spec, sheet);
  return m !== null && m.score >= MIN_HEADER_SCORE;
}

/** Sheets named as a template sheet (or a synonym): the template sheets they feed, those without a header. */
function feedByName(
  candidates: readonly SheetSnapshot[],
  feeds: Feeds,
  fed: ReadonlySet<SheetKey> = new Set()
) {
  const byName = new Set<SheetKey>();
  const noHeader = new Set<SheetSnapshot>();
  for (const spec of SHEETS) {
    if (fed.has(spec.key)) continue;
    const exact = candidates.find(
      (s) => s.name.toLocaleLowerCase() === spec.name.toLocaleLowerCase()
    );
    const pick = exact ?? candidates.find((s) => findSheetSpec(s.name)?.key === spec.key);
    if (!pick) continue;
    const regions = regionsByName(spec, pick);
    if (regions.length === 0) {
      noHeader.add(pick);
      continue;
    }
    feeds.add(pick, spec, regions, "name");
    byName.add(spec.key);
  }
  return { byName, noHeader };
}

/** Sheets named like no template sheet: recognised by their header row, stacked by shape. */
function feedByHeaders(
  candidates: readonly SheetSnapshot[],
  feeds: Feeds,
  byName: ReadonlySet<SheetKey>
): void {
  const unnamed = candidates.filter((s) => !findSheetSpec(s.name) && !feeds.has(s));
  for (const spec of SHEETS) {
    if (byName.has(spec.key)) continue;
    const groups = new Map<string, { sheet: SheetSnapshot; region: Region; score: number }[]>();
    for (const sheet of unnamed) {
      const m = headerMatch(spec, sheet);
      if (!m || m.score < MIN_HEADER_SCORE) continue;
      groups.set(m.keys, [
        ...(groups.get(m.keys) ?? []),
        { sheet, region: m.region, score: m.score },
      ]);
    }
    const best = [...groups.values()].sort(
      (a, b) => b[0].score - a[0].score || b.length - a.length
    )[0];
    for (const g of best ?? []) feeds.add(g.sheet, spec, [g.region], "headers");
  }
}

/**
 * Formulas without a stored result, computed over the workbook's cells: the region's cell gets the
 * result (a copy of the row; the snapshot is not changed). Formulas that cannot be computed stay as
 * they are and are reported when read.
 */
function evaluateFormulas(snapshot: WorkbookSnapshot, sources: Source[]): Source[] {
  // Excel resolves a sheet's name in a reference without regard to case (=orafin!B2 reads "Orafin").
  const bySheet = new Map(snapshot.sheets.map((s) => [s.name.toLocaleLowerCase(), s]));
  let evaluator: FormulaEvaluator | null = null;
  const get = () =>
    (evaluator ??= new FormulaEvaluator(
      (sheet, row, column) => {
        const found = bySheet.get(sheet.toLocaleLowerCase());
        if (!found) return undefined;
        const u = found.used;
        return (u && u.values[row - u.firstRow]?.[column - u.firstColumn]) ?? null;
      },
      (sheet) => {
        const u = bySheet.get(sheet.toLocaleLowerCase())?.used;
        return u ? u.firstRow + u.values.length - 1 : 0;
      }
    ));
  return sources.map((s) => {
    const r = s.region;
    let rows = r.rows;
    r.rows.forEach((row, i) => {
      if (!row.some((v) => isUncomputedFormula(v))) return;
      const copy = row.map((v, j) => {
        if (!isUncomputedFormula(v) || !v.formula) return v;
        const e = get().evaluate(v.formula, s.sheet.name, r.headerRow + 1 + i, r.firstColumn + j);
        return e.ok ? { formula: v.formula, result: e.value } : v;
      });
      if (rows === r.rows) rows = [...r.rows];
      rows[i] = copy;
    });
    return rows === r.rows ? s : { ...s, region: { ...r, rows } };
  });
}

/**
 * A workbook with data of which no sheet feeds a template sheet: converting or merging it would give an
 * empty template that looks fine. Commands refuse such a file.
 */
export function nothingRecognised(
  snapshot: WorkbookSnapshot,
  sources: readonly Source[] = findSources(snapshot).sources
): boolean {
  if (sources.length) return false;
  return snapshot.sheets.some(
    (s) =>
      !OWN_SHEETS.has(s.name) && (s.used?.values.some((r) => r.some((v) => !isBlank(v))) ?? false)
  );
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

/** The tables validation (and every other reader) reads. */
export function tablesForValidation(snapshot: WorkbookSnapshot): TableData[] {
  return sourceTables(findSources(snapshot).sources);
}

/**
 * A project code merged over several rows (one project, two funding lines) belongs to each of them, as a
 * person reads it: the merged-over rows get the code (a copy of the rows; the snapshot is unchanged).
 * Only the code column: an amount merged over rows is one amount, never copied.
 */
function withMergedCodes(spec: SheetSpec, sheet: SheetSnapshot, r: Region): Region {
  if (!sheet.merges?.length) return r;
  const code = mapHeaders(spec, r.headers).indexOf.get(codeKey(spec));
  if (code === undefined) return r;
  let rows = r.rows;
  for (const m of sheet.merges) {
    const rect = parseRange(m);
    if (rect.columns !== 1 || rect.column !== r.firstColumn + code) continue;
    const top = rect.row + 1 - (r.headerRow + 1);
    if (top < 0 || top >= r.rows.length) continue;
    const master = r.rows[top][code];
    if (isBlank(master)) continue;
    for (let i = top + 1; i < Math.min(top + rect.rows, r.rows.length); i++) {
      if (!isBlank(rows[i][code])) continue;
      if (rows === r.rows) rows = [...r.rows];
      rows[i] = [...rows[i]];
      rows[i][code] = master;
    }
  }
  return rows === r.rows ? r : { ...r, rows };
}

/** The A1 address of a region's cell: row index (−1 = header) and column index within the region. */
export function regionCell(r: Region, i: number, j: number): string {
  return `${columnLetter(r.firstColumn + j)}${r.headerRow + 1 + i}`;
}
