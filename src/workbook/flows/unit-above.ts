/**
 * A unit stated above a table's header: a title line ("alle bedragen in duizend euro") or a group header
 * over the amount columns ("Bedragen (x 1.000 EUR)", often merged over them). A person reads every amount
 * column under it in that unit, so the reading does too: the amount columns' headers carry the unit
 * ("Uitvoering VAK (x 1.000 EUR)"), and the amounts are never read as euro (amount-scaled: totals refuses,
 * convert keeps the columns with the unit in their header). Rows above the header are looked at, never
 * below it; a unit in a header itself is the header's own (parse.ts).
 */
import { cellText, columnLetter } from "../../core/cells";
import { scaleIn } from "../../core/parse";
import { mapHeaders, type SheetSpec } from "../../core/template";
import type { SheetSnapshot } from "../port";

/** How many rows above a header may hold its title or group header. */
const ABOVE = 30;

/** The first cell above the header row that states a scale: its address and the scale as written. */
export function unitAbove(
  sheet: SheetSnapshot,
  headerRow: number
): { cell: string; unit: string } | null {
  const u = sheet.used;
  if (!u) return null;
  const from = Math.max(u.firstRow, headerRow - ABOVE);
  for (let row = from; row < headerRow; row++) {
    const values = u.values[row - u.firstRow] ?? [];
    for (let j = 0; j < values.length; j++) {
      const v = values[j];
      if (typeof v !== "string" && !(v && typeof v === "object")) continue;
      const unit = scaleIn(cellText(v));
      if (unit) return { cell: `${columnLetter(u.firstColumn + j)}${row}`, unit };
    }
  }
  return null;
}

/**
 * The headers of a region as a person reads them under a unit stated above: each amount column of `spec`
 * gets the unit in its header. Unchanged (the same array) when no unit is stated above.
 */
export function headersUnderUnit(
  spec: SheetSpec,
  sheet: SheetSnapshot,
  headerRow: number,
  headers: unknown[]
): unknown[] {
  const above = unitAbove(sheet, headerRow);
  if (!above) return headers;
  const mapping = mapHeaders(spec, headers);
  const out = [...headers];
  for (const m of mapping.matches) {
    const c = spec.columns.find((x) => x.key === m.key)!;
    if (c.kind === "amount") out[m.index] = `${cellText(headers[m.index])} (${above.unit})`;
  }
  return out;
}
