/**
 * Matching the milestones of two meetmomenten. Milestones have no identifier: they are matched within
 * their project by their text, never by row position. First the same text (after normalising case,
 * accents, punctuation and spaces); then, among the rest, texts that differ only by a small edit, best
 * pairs first, and those pairs are marked as matched loosely. A small edit (isSmallEdit): the same words
 * apart from little words (de, het, van, ...), spelling slips within a word, and a word added or dropped
 * (two in a long text); numbers, ordinals ("2e", "tweede") and roman numerals must stay the same, because
 * in real reports they tell milestones apart ("Lanceren 1e call", "Lanceren 2e call").
 *
 * Likeness is the Dice coefficient of character bigrams, written here because the core imports nothing
 * but zod (a library such as string-similarity would put a dependency in the core).
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
  /** True when the texts differ after normalising: matched as a small edit. */
  loose: boolean;
  /** 1 for the same text, else the Dice coefficient (0..1): the best pairs are taken first. */
  similarity: number;
}

/** Two words at least this alike are the same word with a spelling slip. */
const WORD_SLIP = 0.75;
/** Little words that a rewording adds or drops. */
const LITTLE_WORDS = new Set(
  "de het een van en voor in op te met aan bij naar door of als dat die om tot the a an of and for to in on".split(
    " "
  )
);
const ORDINALS = new Set(
  "eerste tweede derde vierde vijfde zesde zevende achtste negende tiende laatste first second third fourth fifth last".split(
    " "
  )
);
const ROMAN = /^(i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii)$/;
/** Words that tell milestones apart: they must be the same on both sides. */
const isMarker = (w: string) => /\d/.test(w) || ORDINALS.has(w) || ROMAN.test(w);

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

/**
 * True when two normalised texts are the same milestone with a small edit (see the top of this file).
 * Exact equality is handled before; this is for the texts that differ.
 */
export function isSmallEdit(a: string, b: string): boolean {
  const words = (s: string) => s.split(" ").filter((w) => w && !LITTLE_WORDS.has(w));
  const [x, y] = [words(a), words(b)];
  const markers = (ws: string[]) => ws.filter(isMarker).sort().join(" ");
  if (markers(x) !== markers(y)) return false;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  if (short.length === 0) return false;
  const open = [...long];
  for (const w of short) {
    let i = open.indexOf(w);
    if (i < 0 && !isMarker(w) && w.length >= 4)
      i = open.findIndex((v) => !isMarker(v) && similarity(w, v) >= WORD_SLIP);
    if (i < 0) return false; // a word of the shorter text is gone: another milestone
    open.splice(i, 1);
  }
  return open.length <= Math.max(1, Math.floor(short.length / 4));
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
      if (!isSmallEdit(norm.prev[pi], norm.cur[ci])) continue;
      const s = similarity(norm.prev[pi], norm.cur[ci]);
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
