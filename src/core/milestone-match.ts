/**
 * Matching the milestones of two meetmomenten. Milestones have no identifier: they are matched within
 * their project by their text, never by row position. First the same text (after normalising case,
 * accents, punctuation and spaces); then, among the rest, texts that are alike (a renamed or corrected
 * milestone), best pairs first, and those pairs are marked as matched loosely.
 *
 * The likeness is the Dice coefficient of the texts' character bigrams, written here because the core
 * imports nothing but zod (a library such as string-similarity would put a dependency in the core).
 */

export interface MilestoneText {
  projectCode: string;
  name: string | null;
  timing?: string | null;
  status?: string | null;
}

export interface MilestonePair {
  /** Indices into the previous and current lists. */
  previous: number;
  current: number;
  /** True when the texts differ after normalising: matched by likeness. */
  loose: boolean;
  /** 1 for the same text, else the Dice coefficient (0..1). */
  similarity: number;
}

/** Two texts at least this alike may be the same milestone, renamed. */
export const LOOSE_MATCH_THRESHOLD = 0.7;

/** Lower case, no accents, punctuation as spaces, spaces collapsed: "Opstart — fase 1." → "opstart fase 1". */
export function normaliseText(s: string | null | undefined): string {
  return (s ?? "")
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

function bigrams(s: string): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i < s.length - 1; i++) {
    const b = s.slice(i, i + 2);
    out.set(b, (out.get(b) ?? 0) + 1);
  }
  return out;
}

/** Dice coefficient of the character bigrams of two normalised texts: 1 the same, 0 nothing in common. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2) return 0;
  const x = bigrams(a);
  const y = bigrams(b);
  let common = 0;
  for (const [g, n] of x) common += Math.min(n, y.get(g) ?? 0);
  return (2 * common) / (a.length - 1 + (b.length - 1));
}

/** Indices of a list grouped by project code. */
function byProject(list: readonly MilestoneText[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  list.forEach((m, i) => {
    const l = out.get(m.projectCode);
    if (l) l.push(i);
    else out.set(m.projectCode, [i]);
  });
  return out;
}

/** Among equal texts, prefer the one with the same timing, then the same status. */
function closeness(a: MilestoneText, b: MilestoneText): number {
  return (a.timing === b.timing ? 2 : 0) + (a.status === b.status ? 1 : 0);
}

function matchProject(
  prev: readonly MilestoneText[],
  cur: readonly MilestoneText[],
  norm: { prev: readonly string[]; cur: readonly string[] },
  p: number[],
  c: number[],
  pairs: MilestonePair[]
): void {
  const open = new Set(p);
  const byText = new Map<string, number[]>();
  for (const pi of p) {
    const l = byText.get(norm.prev[pi]);
    if (l) l.push(pi);
    else byText.set(norm.prev[pi], [pi]);
  }
  const rest: number[] = [];
  for (const ci of c) {
    const same = (byText.get(norm.cur[ci]) ?? []).filter((pi) => open.has(pi));
    if (!same.length) {
      rest.push(ci);
      continue;
    }
    const best = same.reduce((a, b) =>
      closeness(prev[b], cur[ci]) > closeness(prev[a], cur[ci]) ? b : a
    );
    open.delete(best);
    pairs.push({ previous: best, current: ci, loose: false, similarity: 1 });
  }
  const candidates: MilestonePair[] = [];
  for (const ci of rest)
    for (const pi of open) {
      const s = similarity(norm.prev[pi], norm.cur[ci]);
      if (s >= LOOSE_MATCH_THRESHOLD)
        candidates.push({ previous: pi, current: ci, loose: true, similarity: s });
    }
  candidates.sort(
    (a, b) =>
      b.similarity - a.similarity ||
      closeness(prev[b.previous], cur[b.current]) - closeness(prev[a.previous], cur[a.current])
  );
  const taken = new Set<number>();
  for (const m of candidates) {
    if (!open.has(m.previous) || taken.has(m.current)) continue;
    open.delete(m.previous);
    taken.add(m.current);
    pairs.push(m);
  }
}

/** Pair the milestones of two meetmomenten; what is left over was removed (previous) or added (current). */
export function matchMilestones(
  prev: readonly MilestoneText[],
  cur: readonly MilestoneText[]
): { pairs: MilestonePair[]; removed: number[]; added: number[] } {
  const pairs: MilestonePair[] = [];
  const p = byProject(prev);
  const c = byProject(cur);
  const norm = {
    prev: prev.map((m) => normaliseText(m.name)),
    cur: cur.map((m) => normaliseText(m.name)),
  };
  for (const [code, ci] of c) matchProject(prev, cur, norm, p.get(code) ?? [], ci, pairs);
  const matchedPrev = new Set(pairs.map((x) => x.previous));
  const matchedCur = new Set(pairs.map((x) => x.current));
  pairs.sort((a, b) => a.current - b.current);
  return {
    pairs,
    removed: prev.map((_, i) => i).filter((i) => !matchedPrev.has(i)),
    added: cur.map((_, i) => i).filter((i) => !matchedCur.has(i)),
  };
}
