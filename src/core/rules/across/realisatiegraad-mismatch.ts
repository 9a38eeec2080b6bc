/**
 * realisatiegraad-mismatch: Degree of realisation differs from computed.
 * Checked per row of Outputindicatoren: the typed realisatiegraad against realisatie / streefwaarde.
 * Its code, severity and messages are in ../realisatiegraad-mismatch.ts (the catalogue the readers report through).
 */
import { defineCheck, report } from "../context";
import { realisatiegraad, roundHalfUp } from "../../calc";

/** Decimals of a typed percentage (0.072 → 1, as in 7,2 %), at most 4. */
export function decimalsOf(fraction: number): number {
  let x = fraction * 100;
  for (let d = 0; d < 4; d++, x *= 10)
    if (Math.abs(x - Math.round(x)) < 1e-7 * Math.max(1, Math.abs(x))) return d;
  return 4;
}

/**
 * A typed realisatiegraad matches the computed one when it equals the computed value rounded half-up to
 * the typed number of decimals, or when it is 100 % for a computed value above 100 % (capped).
 */
export function matchesTyped(typed: number, computed: number): boolean {
  const d = decimalsOf(typed);
  const a = roundHalfUp(typed * 100, d);
  const b = roundHalfUp(computed * 100, d);
  if (Math.abs(a - b) < 1e-9) return true;
  return Math.abs(typed - 1) < 1e-12 && computed > 1;
}

export default defineCheck({
  code: "realisatiegraad-mismatch",
  check: {
    sheet: "indicators",
    row(ctx, i) {
      const I = ctx.indicators;
      const typed = I.realisatiegraad[i];
      const real = I.realisatie[i];
      const target = I.streefwaarde[i];
      if (typed === null || typeof real !== "number" || typeof target !== "number") return;
      const computed = realisatiegraad(real, target);
      if (!computed.ok || matchesTyped(typed, computed.value)) return;
      report(ctx, "realisatiegraad-mismatch", "indicators", i, "realisatiegraad", typed, {
        computed: computed.value,
        expected: roundHalfUp(computed.value * 100, decimalsOf(typed)) / 100,
      });
    },
  },
});
