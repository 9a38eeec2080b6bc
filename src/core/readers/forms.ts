/** The forms almost every cell already has ("VV012", "2022 Q1"), recognised without regex or allocation. */
import { LAST_PROJECT } from "../vocabulary";

// Module-level copy: bundlers turn imported bindings into getters, too slow for a per-cell check.
const LAST_CODE = LAST_PROJECT;

/** "VV012" with a number within the plan. */
export function isCanonicalCode(s: string): boolean {
  if (s.length !== 5 || s.charCodeAt(0) !== 86 || s.charCodeAt(1) !== 86) return false;
  for (let i = 2; i < 5; i++) {
    const d = s.charCodeAt(i);
    if (d < 48 || d > 57) return false;
  }
  const n = (s.charCodeAt(2) - 48) * 100 + (s.charCodeAt(3) - 48) * 10 + (s.charCodeAt(4) - 48);
  return n >= 1 && n <= LAST_CODE;
}

/** "2022 Q1" exactly. */
export function isCanonicalQuarter(s: string): boolean {
  if (s.length !== 7 || s.charCodeAt(4) !== 32 || s.charCodeAt(5) !== 81) return false;
  const q = s.charCodeAt(6);
  if (q < 49 || q > 52) return false;
  for (let i = 0; i < 4; i++) {
    const d = s.charCodeAt(i);
    if (d < 48 || d > 57) return false;
  }
  return true;
}

/** Year of a canonical quarter text. */
export function yearOfQuarter(s: string): number {
  return (
    (s.charCodeAt(0) - 48) * 1000 +
    (s.charCodeAt(1) - 48) * 100 +
    (s.charCodeAt(2) - 48) * 10 +
    (s.charCodeAt(3) - 48)
  );
}
