/** A1 references and ranges as parts store them (`A1`, `A2:C10`, sqref lists `A2:A9 C2:C9`). */

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

const MAX_ROW = 1048576;
const MAX_COL = 16384;

/** One reference: a cell, a range, whole columns (`A:A`) or whole rows (`1:3`); `$` ignored. */
export function parseRef(ref: string): Rect | null {
  const parts = ref.replace(/\$/g, "").split(":");
  const one = (p: string) => {
    const m = /^([A-Z]*)(\d*)$/i.exec(p);
    if (!m || (!m[1] && !m[2])) return null;
    return { col: m[1] ? columnNumber(m[1]) : null, row: m[2] ? Number(m[2]) : null };
  };
  const a = one(parts[0]);
  const b = parts.length > 1 ? one(parts[1]) : a;
  if (!a || !b || parts.length > 2) return null;
  return {
    top: Math.min(a.row ?? 1, b.row ?? 1),
    bottom: Math.max(a.row ?? MAX_ROW, b.row ?? MAX_ROW),
    left: Math.min(a.col ?? 1, b.col ?? 1),
    right: Math.max(a.col ?? MAX_COL, b.col ?? MAX_COL),
  };
}

export function parseSqref(sqref: string): Rect[] {
  return sqref
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((r) => parseRef(r))
    .filter((r): r is Rect => r !== null);
}

export function overlaps(a: Rect, b: Rect): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

export function cellAddress(row: number, col: number): string {
  let s = "";
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26))
    s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return `${s}${row}`;
}

/** Pairs of overlapping ranges among groups (a group is one element's sqref): `[i, j, where]`. */
export function overlappingGroups(groups: Rect[][]): [number, number, string][] {
  const out: [number, number, string][] = [];
  for (let i = 0; i < groups.length; i++)
    for (let j = i + 1; j < groups.length; j++) {
      const hit = groups[i].flatMap((a) =>
        groups[j].filter((b) => overlaps(a, b)).map((b) => [a, b])
      );
      if (hit.length) {
        const [a, b] = hit[0];
        out.push([
          i,
          j,
          `${cellAddress(a.top, a.left)}:${cellAddress(a.bottom, a.right)} and ${cellAddress(b.top, b.left)}:${cellAddress(b.bottom, b.right)}`,
        ]);
      }
    }
  return out;
}
