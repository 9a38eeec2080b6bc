/** REALISATIEGRAAD / REALISATIONRATE: the arguments read, the computation left to the core. */
import { realisatiegraad } from "../../core/calc";
import { argScalar, booleanArg, numberArg, show } from "./args";
import { fail, type FnResult } from "./result";

/**
 * REALISATIEGRAAD / REALISATIONRATE: (realisatie − beginwaarde) / (streefwaarde − beginwaarde), as a
 * fraction (0,072 for 7,2 %), optionally capped at 100 %. The computation is the core's realisatiegraad.
 */
export function realisationRate(
  realisatie: unknown,
  streefwaarde: unknown,
  beginwaarde?: unknown,
  aftoppen?: unknown
): FnResult {
  const r = numberArg(realisatie, { nl: "de realisatie", en: "the realised value" });
  if (!r.ok) return r.result;
  const t = numberArg(streefwaarde, { nl: "de streefwaarde", en: "the target" });
  if (!t.ok) return t.result;
  const b = numberArg(beginwaarde, { nl: "de beginwaarde", en: "the baseline" });
  if (!b.ok) return b.result;
  const c = booleanArg(aftoppen, false);
  if (c === null)
    return fail(
      "value",
      `Aftoppen moet WAAR of ONWAAR zijn, niet "${show(argScalar(aftoppen))}".`,
      `Cap must be TRUE or FALSE, not "${show(argScalar(aftoppen))}".`
    );
  const res = realisatiegraad(r.value, t.value, { baseline: b.value, cap: c });
  return res.ok ? res : fail(res.error, res.message.nl, res.message.en);
}
