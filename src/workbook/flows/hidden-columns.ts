/**
 * Hidden columns as a person reads them: hiding is a view (like a filter), so a hidden column is read,
 * unless a visible column of the same table names the same template column (last year's VAK kept hidden
 * beside this year's): then the visible one is what a person sees and what is read, in every command
 * (totals, validate, convert, merge), and the hidden one is kept aside under a header that says so
 * ("Uitvoering VAK (verborgen; kolom E geldt)": convert writes it as an extra column that no reader
 * counts). Both decisions are findings (column-hidden) naming the hidden cells. When two columns of one
 * template column are both visible, or both hidden, nothing here can tell which holds: column-twice
 * (src/core/read.ts) refuses when their values differ.
 */
import { cellText, columnLetter } from "../../core/cells";
import { mapHeaders, type SheetSpec } from "../../core/template";
import type { SheetSnapshot } from "../port";

/** A hidden column of a region (0-based index among its headers) that holds a template column. */
export interface HiddenColumn {
  index: number;
  /** The visible column (index among the headers) read instead; absent when the hidden one is read. */
  supersededBy?: number;
  /** Its header as written (the region's header is rewritten when superseded). */
  header: unknown;
}

/** Whether column `column` (0-based, on the sheet) is hidden. */
export function isColumnHidden(sheet: SheetSnapshot, column: number): boolean {
  return sheet.hiddenColumns?.some((r) => column >= r.first && column <= r.last) ?? false;
}

/** The header a superseded hidden column is given: it names no template column any more. */
export function supersededHeader(header: unknown, visibleLetter: string): string {
  return `${cellText(header).trim()} (verborgen; kolom ${visibleLetter} geldt)`;
}

/**
 * The headers of a region with its hidden columns decided: the same array when the sheet hides none of
 * its template columns.
 */
export function withHiddenColumns(
  spec: SheetSpec,
  sheet: SheetSnapshot,
  firstColumn: number,
  headers: unknown[]
): { headers: unknown[]; hidden: HiddenColumn[] } {
  if (!sheet.hiddenColumns?.length) return { headers, hidden: [] };
  const hiddenAt = (i: number) => isColumnHidden(sheet, firstColumn + i);
  // Every header that names a template column, grouped by that column (a name used twice is two).
  const byKey = new Map<string, number[]>();
  headers.forEach((h, i) => {
    const key = mapHeaders(spec, [h]).matches[0]?.key;
    if (key !== undefined) byKey.set(key, [...(byKey.get(key) ?? []), i]);
  });
  const mapping = mapHeaders(spec, headers);
  let out = headers;
  const hidden: HiddenColumn[] = [];
  for (const [key, columns] of byKey) {
    const shown = columns.filter((i) => !hiddenAt(i));
    const hid = columns.filter(hiddenAt);
    if (hid.length === 0) continue;
    if (shown.length === 1 && columns.length > 1) {
      const letter = columnLetter(firstColumn + shown[0]);
      for (const i of hid) {
        if (out === headers) out = [...headers];
        out[i] = supersededHeader(headers[i], letter);
        hidden.push({ index: i, supersededBy: shown[0], header: headers[i] });
      }
    } else if (shown.length === 0) {
      // No visible column of its kind: the hidden one the mapping takes is read, and said.
      const read = mapping.indexOf.get(key);
      if (read !== undefined) hidden.push({ index: read, header: headers[read] });
    }
    // Otherwise (two visible, or two hidden): column-twice decides, or refuses.
  }
  hidden.sort((a, b) => a.index - b.index);
  return { headers: out, hidden };
}
