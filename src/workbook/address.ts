/** A1 addresses as Excel writes them (both hosts and the flows use these): `Projecten!A1:S11`, `'Mijn blad'!D12`. Rows and columns 0-based here. */
import { columnIndex, columnLetter } from "../core/cells";

export interface Rect {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

/** Quote a sheet name for an address when Excel would: anything but letters, digits, dots and underscores. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function cellA1(row: number, column: number): string {
  return `${columnLetter(column)}${row + 1}`;
}

export function rectA1(r: Rect): string {
  const a = cellA1(r.row, r.column);
  return r.rows === 1 && r.columns === 1
    ? a
    : `${a}:${cellA1(r.row + r.rows - 1, r.column + r.columns - 1)}`;
}

/** Split `Sheet!A1:B2` into sheet name (unquoted, or null) and the range part. */
export function splitAddress(address: string): { sheet: string | null; range: string } {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { sheet: null, range: address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, range: address.slice(bang + 1) };
}

/** Parse `A1`, `A1:C10`, `$A$2:$A$36`, `A:C` (whole columns) or `2:5` (whole rows) into a rectangle. */
export function parseRange(range: string): Rect {
  const part = (s: string) => {
    const m = /^\$?([A-Za-z]{0,3})\$?(\d*)$/.exec(s.trim());
    if (!m || (m[1] === "" && m[2] === "")) throw new Error(`Ongeldig adres: ${range}`);
    return { column: m[1] ? columnIndex(m[1]) : null, row: m[2] ? Number(m[2]) - 1 : null };
  };
  const [a, b = a] = range.split(":");
  const p = part(a);
  const q = part(b);
  const MAX_ROWS = 1048576;
  const MAX_COLS = 16384;
  const r0 = p.row ?? 0;
  const r1 = q.row ?? MAX_ROWS - 1;
  const c0 = p.column ?? 0;
  const c1 = q.column ?? MAX_COLS - 1;
  return {
    row: Math.min(r0, r1),
    column: Math.min(c0, c1),
    rows: Math.abs(r1 - r0) + 1,
    columns: Math.abs(c1 - c0) + 1,
  };
}

export function intersects(a: Rect, b: Rect): boolean {
  return (
    a.row < b.row + b.rows &&
    b.row < a.row + a.rows &&
    a.column < b.column + b.columns &&
    b.column < a.column + a.columns
  );
}
