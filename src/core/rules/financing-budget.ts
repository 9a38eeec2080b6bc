/** What the financial coherence rules share: the budget in force on a financing row, and the tolerance. */
import { effectiveBudget } from "../calc";
import type { Financing } from "../schema";
import type { ColumnsOf } from "./context";

/** Tolerance for euro comparisons: amounts are typed to the cent, sums may carry float noise. */
export const EUR_TOLERANCE = 0.5;

/** The budget in force on financing row i (update, else begroot), or null when neither is filled in. */
export function budgetOf(F: ColumnsOf<Financing>, i: number): number | null {
  const begroot = F.begroot[i];
  const update = F.update[i];
  return update !== null || begroot !== null ? effectiveBudget({ begroot, update }) : null;
}
