/**
 * A header over two rows, as a person reads it: a label merged down over both rows ("Projectcode" merged
 * over A1:A2) belongs to the lower row too, where the columns are named; a group label merged across
 * several columns above plain labels ("Uitvoering" over "VAK | VEK") is read with them when a plain label
 * alone names no template column. A merged-over cell reads as empty in every host, so without this the
 * code column of such a header is blank and the sheet is refused.
 */
import { cellText, isBlank } from "../../core/cells";
import { mapHeaders, type SheetSpec } from "../../core/template";
import { parseRange } from "../address";
import type { SheetSnapshot } from "../port";

/** The value of a sheet's cell (1-based row, 0-based column) in its used range. */
function cellAt(sheet: SheetSnapshot, row: number, column: number): unknown {
  const u = sheet.used;
  return u?.values[row - u.firstRow]?.[column - u.firstColumn] ?? null;
}

/**
 * The header cells of `headerRow` (1-based; the first at 0-based column `firstColumn`) with the labels
 * merged over them from the rows above. The same array when no merge reaches the row.
 */
export function headerAsSeen(
  spec: SheetSpec,
  sheet: SheetSnapshot,
  headerRow: number,
  firstColumn: number,
  headers: readonly unknown[]
): readonly unknown[] {
  if (!sheet.merges?.length || headerRow <= 1) return headers;
  let out: unknown[] | null = null;
  const set = (j: number, v: unknown) => {
    out ??= [...headers];
    out[j] = v;
  };
  for (const m of sheet.merges) {
    const rect = parseRange(m);
    const top = rect.row + 1;
    const bottom = top + rect.rows - 1;
    if (top >= headerRow || bottom < headerRow - 1) continue;
    const label = cellAt(sheet, top, rect.column);
    if (isBlank(label)) continue;
    if (bottom >= headerRow && rect.columns === 1) {
      // Merged down over the header row: the label is the column's.
      const j = rect.column - firstColumn;
      if (j >= 0 && j < headers.length && isBlank(headers[j])) set(j, label);
    } else if (rect.rows === 1 && top === headerRow - 1 && rect.columns > 1) {
      // A group label over plain labels: read with them when they alone name nothing.
      for (let c = rect.column; c < rect.column + rect.columns; c++) {
        const j = c - firstColumn;
        if (j < 0 || j >= headers.length || isBlank(headers[j])) continue;
        if (mapHeaders(spec, [headers[j]]).matches.length) continue;
        const both = `${cellText(label).trim()} ${cellText(headers[j]).trim()}`;
        if (mapHeaders(spec, [both]).matches.length) set(j, both);
      }
    }
  }
  return out ?? headers;
}
