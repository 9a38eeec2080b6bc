/**
 * A unit stated for a table's amounts anywhere a person reads one: a title line ("alle bedragen in duizend
 * euro") or a group header over the amount columns ("Bedragen (x 1.000 EUR)", often merged over them) above
 * the header; a footnote under the table or a remark beside it ("(*) bedragen in k€"); a note on a cell; the
 * sheet's name ("Financiering (k€)"). A person reads every amount column of the table in that unit, so the
 * reading does too: the amount columns' headers carry the unit ("Uitvoering VAK (x 1.000 EUR)"), and the
 * amounts are never read as euro (amount-scaled: totals refuses, convert keeps the columns with the unit in
 * their header). Found in one place, a statement anywhere else was missed the next time (issue 26): the
 * whole sheet is looked at, except the table's own cells (a unit in a header is the header's own, parse.ts;
 * prose in a data row speaks of its project). A unit typed in an amount column (a row of units under the
 * header, "30 mio" for an amount) is that column's; a column of units beside the amounts ("Eenheid: k€") is
 * the table's.
 */
import { cellText } from "../../core/cells";
import { scaleIn } from "../../core/parse";
import { mapHeaders, type SheetSpec } from "../../core/template";
import type { SheetSnapshot } from "../port";
import type { Region } from "./sources";

/**
 * Whether a row of the sheet is one of the table's own: its header row or a data row. A row of one text
 * alone is no data row but a heading or a footnote the table took in ("(*) alle bedragen in duizend euro"
 * under the last project): a person reads it about the table. Asked once per row, not per cell: per cell,
 * it made an array of the row's filled cells each time (25 MB for the merge of 50 workbooks).
 */
function rowInTable(region: Region, row: number): boolean {
  if (row === region.headerRow) return true;
  const cells = region.rows[row - region.headerRow - 1];
  return !!cells && !isTextAlone(cells);
}

function isTextAlone(cells: readonly unknown[]): boolean {
  let filled = 0;
  let text = false;
  for (const v of cells) {
    if (v === null || v === undefined || v === "") continue;
    if (++filled > 1) return false;
    text = typeof v === "string";
  }
  return filled === 1 && text;
}

/**
 * The scale first stated about the sheet outside the table, as written: its cells (top to bottom), notes,
 * numbers' formats, name.
 */
function unitStated(sheet: SheetSnapshot, region: Region): string | null {
  const u = sheet.used;
  if (u) {
    // The table's own cells: in its rows (rowInTable), in its columns.
    const first = region.firstColumn;
    const last = first + region.headers.length - 1;
    for (let i = 0; i < u.values.length; i++) {
      const values = u.values[i] ?? [];
      const row = u.firstRow + i;
      let tableRow: boolean | undefined;
      for (let j = 0; j < values.length; j++) {
        const v = values[j];
        if (typeof v !== "string" && !(v && typeof v === "object")) continue;
        const col = u.firstColumn + j;
        if (col >= first && col <= last && (tableRow ??= rowInTable(region, row))) continue;
        const unit = scaleIn(cellText(v));
        if (unit) return unit;
      }
    }
  }
  // A note says it to whoever reads the cell, in the table or not.
  for (const n of sheet.notes ?? []) {
    const unit = scaleIn(n.text);
    if (unit) return unit;
  }
  // A number shown as "60.000 k€" by its format was typed in thousands (the full reads see formats).
  if (sheet.formatUnit) return sheet.formatUnit.unit;
  return scaleIn(sheet.name);
}

/**
 * A unit typed in an amount column itself: a row of units under the header ("k€" under each amount), or an
 * amount typed with its unit ("30 mio"). It speaks of that column, not of the others.
 */
function columnUnit(region: Region, index: number): string | null {
  for (const row of region.rows) {
    const v = row[index];
    if (typeof v !== "string") continue;
    const unit = scaleIn(v);
    if (unit) return unit;
  }
  return null;
}

/** The longest text a unit column's cell holds ("x 1.000.000 EUR"): longer texts are prose, not looked at. */
const UNIT_TEXT = 24;

/**
 * A unit column beside the amounts: a cell of a column the template does not know whose text is a unit
 * and nothing else ("k€", "x 1.000 EUR", "(in duizend euro)"). Prose that mentions an amount is not one.
 */
function unitColumn(region: Region, known: ReadonlySet<number>): string | null {
  for (const row of region.rows)
    for (let j = 0; j < row.length; j++) {
      const v = row[j];
      if (typeof v !== "string" || v.length > UNIT_TEXT || known.has(j)) continue;
      const unit = scaleIn(v);
      if (unit && unit === v.trim().replace(/^\(\s*|\s*\)$/g, "")) return unit;
    }
  return null;
}

/**
 * The headers of a region as a person reads them under a unit stated for it: each amount column of `spec`
 * gets the unit in its header, its own (a unit typed in the column) before the table's. Unchanged (the
 * same array) when no unit is stated, or the spec has no amounts.
 */
export function headersUnderUnit(spec: SheetSpec, sheet: SheetSnapshot, region: Region): unknown[] {
  const matches = mapHeaders(spec, region.headers).matches;
  const amounts = matches.filter(
    (m) => spec.columns.find((x) => x.key === m.key)!.kind === "amount"
  );
  if (!amounts.length) return region.headers;
  const stated =
    unitColumn(region, new Set(matches.map((m) => m.index))) ?? unitStated(sheet, region);
  let out: unknown[] | null = null;
  for (const m of amounts) {
    const unit = columnUnit(region, m.index) ?? stated;
    if (!unit) continue;
    out ??= [...region.headers];
    out[m.index] = `${cellText(region.headers[m.index])} (${unit})`;
  }
  return out ?? region.headers;
}
