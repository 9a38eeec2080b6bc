/**
 * The cells the workbook's formulas refer to, for the ledger's findings: a number on a sheet of figures
 * (Betalingen!B2) that a formula of a read cell refers to (=Betalingen!B2) counts through that formula,
 * so it is not "left out". Only formulas in cells that are not left out themselves are taken: a formula
 * on a notes sheet counts nothing. Sheet names match as Excel matches them (case-insensitive, quoted
 * names); a reference a formula spells in a way this does not see leaves the number a finding (the safe
 * side: a warning too many, never a number silently taken for counted).
 */
import { columnLetter } from "../../core/cells";
import type { WorkbookSnapshot } from "../port";
import type { SheetLedger } from "./ledger";
import { parseRange, type Rect } from "../address";
import { isFormulaCell } from "./common";

// A sheet-qualified reference ('Mijn blad'!A1, Blad1!$B$2:$C$9, Data!B:B) or a reference on the same
// sheet (B2, $B$2:B9), not inside a text ("..."), not a function name (LOG10( ).
const TEXT = /"(?:[^"]|"")*"/g;
const REF =
  /(?<![\w.'$])(?:(?:'((?:[^']|'')+)'|([A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*))!)?(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?|\$?[A-Z]{1,3}:\$?[A-Z]{1,3})(?![\w(!])/g;

/** Per sheet (lower case), the rectangles (0-based) that formulas of counted cells refer to. */
export function formulaTargets(
  snapshot: WorkbookSnapshot,
  leftOut: ReadonlySet<string>
): Map<string, Rect[]> {
  const out = new Map<string, Rect[]>();
  const add = (sheet: string, range: string) => {
    const key = sheet.toLocaleLowerCase();
    try {
      out.set(key, [...(out.get(key) ?? []), parseRange(range)]);
    } catch {
      // Not an address after all (a name that looks like one): nothing is taken for counted.
    }
  };
  for (const sheet of snapshot.sheets) {
    const u = sheet.used;
    if (!u) continue;
    u.values.forEach((row, i) =>
      row.forEach((v, j) => {
        if (!isFormulaCell(v)) return;
        const cell = `${columnLetter(u.firstColumn + j)}${u.firstRow + i}`;
        if (leftOut.has(`${sheet.name}\u0000${cell}`)) return;
        const f = v as { formula?: string };
        if (typeof f.formula !== "string") return;
        for (const m of f.formula.replace(TEXT, '""').matchAll(REF)) {
          add(m[1]?.replace(/''/g, "'") ?? m[2] ?? sheet.name, m[3]);
        }
      })
    );
  }
  return out;
}

/** Whether a cell (sheet, A1) lies in a rectangle a formula refers to. */
export function referenced(targets: Map<string, Rect[]>, sheet: string, cell: string): boolean {
  const rects = targets.get(sheet.toLocaleLowerCase());
  if (!rects) return false;
  const at = parseRange(cell);
  return rects.some(
    (r) =>
      at.row >= r.row &&
      at.row < r.row + r.rows &&
      at.column >= r.column &&
      at.column < r.column + r.columns
  );
}

/**
 * Whether a left-out cell of the ledger is one a formula of a counted cell refers to (its number counts
 * through that formula). The formulas are scanned on the first question only.
 */
export function countedThrough(
  snapshot: WorkbookSnapshot,
  ledger: readonly SheetLedger[]
): (sheet: string, cell: string) => boolean {
  let targets: Map<string, Rect[]> | undefined;
  return (sheet, cell) => {
    if (!targets) {
      const out = new Set(ledger.flatMap((l) => l.leftOut.map((c) => `${c.sheet}\u0000${c.cell}`)));
      targets = formulaTargets(snapshot, out);
    }
    return referenced(targets, sheet, cell);
  };
}
