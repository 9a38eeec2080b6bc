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

function fold(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}

/** The share of the longer text that may change for a value to count as near. */
const NEAR_SHARE = 0.3;

function near(a: string, b: string): number | null {
  const d = distance(a, b);
  return d <= Math.max(1, Math.floor(NEAR_SHARE * Math.max(a.length, b.length))) ? d : null;
}

/**
 * The nearest list values to `value` (one, or the few that are equally near), in the list's order; empty
 * when none is near.
 */
export function nearestValues(value: string, list: readonly string[]): string[] {
  const x = fold(value);
  if (x === "") return [];
  let best = Infinity;
  let found: string[] = [];
  for (const label of list) {
    const full = fold(label);
    const bare = full.replace(/^\d{1,2}\.\s*/, "");
    const ds = [near(x, full), bare !== full ? near(x, bare) : null].filter(
      (d): d is number => d !== null
    );
    if (!ds.length) continue;
    const d = Math.min(...ds);
    if (d < best) [best, found] = [d, [label]];
    else if (d === best) found.push(label);
  }
  return found;
}
