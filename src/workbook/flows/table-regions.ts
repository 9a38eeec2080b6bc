/**
 * Where a table is on a sheet: the header row (among the first 30 rows, or an Excel table's), the rows
 * under it (rows typed just below an Excel table included), and the header as a person reads it (labels
 * merged over two header rows, a code merged over several lines). Used by locate-tables.ts to decide
 * which sheet feeds which template sheet.
 */
import { isBlank } from "../../core/cells";
import type { TableData } from "../../core/table";
import { mapHeaders, type SheetSpec } from "../../core/template";
import type { SheetSnapshot } from "../port";
import { parseRange } from "../address";
import { headerAsSeen } from "./merged-header";
import type { Region } from "./sources";

export const codeKey = (spec: SheetSpec) => spec.columns.find((c) => c.kind === "code")!.key;

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
  const raw = u.values[offset] ?? [];
  const seen = headerAsSeen(spec, sheet, row, u.firstColumn, raw);
  return {
    headerRow: row,
    // Labels merged over from the row above: the header is two rows high.
    ...(seen !== raw ? { headerTop: row - 1 } : {}),
    firstColumn: u.firstColumn,
    headers: [...seen],
    rows: u.values.slice(offset + 1),
    fromTable: false,
  };
}

/** The regions of a sheet named like a template sheet; none when no header is recognised. */
export function regionsByName(spec: SheetSpec, sheet: SheetSnapshot): Region[] {
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
export function headerMatch(
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

/**
 * A project code merged over several rows (one project, two funding lines) belongs to each of them, as a
 * person reads it: the merged-over rows get the code (a copy of the rows; the snapshot is unchanged).
 * Only the code column: an amount merged over rows is one amount, never copied.
 */
export function withMergedCodes(spec: SheetSpec, sheet: SheetSnapshot, r: Region): Region {
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
