/**
 * The list values nearest to a value that is not in the list, for "did you mean ...?" in messages.
 *
 * Distance is Levenshtein's (fastest-levenshtein: a small, dependency-free, pure function, allowed in the
 * core for this reason) on both texts folded: case, accents and spacing ignored, so that "opgestard" is one
 * edit from "Opgestart". A label with a number prefix ("05. Versterking O&O") is also compared without it,
 * as people often type the name alone. A value is near when at most 30 % of the longer text must change
 * (and at least one edit is allowed): typing slips, not other words. Nothing near, no suggestion.
 */
import { distance } from "fastest-levenshtein";
import { fold } from "./fold";

/** The share of the longer text that may change for a value to count as near. */
const NEAR_SHARE = 0.3;

/** The most edits for two texts to count as near. */
const limit = (a: string, b: string) =>
  Math.max(1, Math.floor(NEAR_SHARE * Math.max(a.length, b.length)));

function near(a: string, b: string): number | null {
  const d = distance(a, b);
  return d <= limit(a, b) ? d : null;
}

/** Each list's labels folded, with and without their number prefix: made once per list. */
const foldedLists = new WeakMap<readonly string[], { label: string; forms: string[] }[]>();
/** Answers per list and folded value (a column often repeats the same slip); at most CACHED per list. */
const answers = new WeakMap<readonly string[], Map<string, string[]>>();
const CACHED = 1_000;

function foldedList(list: readonly string[]) {
  let f = foldedLists.get(list);
  if (!f) {
    f = list.map((label) => {
      const full = fold(label);
      const bare = full.replace(/^\d{1,2}\.\s*/, "");
      return { label, forms: bare !== full ? [full, bare] : [full] };
    });
    foldedLists.set(list, f);
  }
  return f;
}

/**
 * The nearest list values to `value` (one, or the few that are equally near), in the list's order; empty
 * when none is near.
 */
export function nearestValues(value: string, list: readonly string[]): string[] {
  const x = fold(value);
  if (x === "") return [];
  let cache = answers.get(list);
  if (!cache) answers.set(list, (cache = new Map()));
  const known = cache.get(x);
  if (known) return [...known];
  const found = search(x, list);
  if (cache.size >= CACHED) cache.clear();
  cache.set(x, found);
  return [...found];
}

function search(x: string, list: readonly string[]): string[] {
  let best = Infinity;
  let found: string[] = [];
  for (const { label, forms } of foldedList(list)) {
    let d = Infinity;
    for (const form of forms) {
      // A length difference above the limit cannot be near: skip the distance.
      if (Math.abs(form.length - x.length) > limit(form, x)) continue;
      const e = near(x, form);
      if (e !== null && e < d) d = e;
    }
    if (d === Infinity) continue;
    if (d < best) [best, found] = [d, [label]];
    else if (d === best) found.push(label);
  }
  return found;
}
