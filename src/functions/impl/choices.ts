/**
 * Arguments that name one of a few choices, in Dutch or English words (folded: case, accents and spacing
 * do not matter): the kind of filter, the budget version, the base of the payment rate.
 */
import { foldHeader } from "../../core/parse";
import { argScalar, isBlankScalar } from "./args";

export type FilterBy = "cluster" | "speerpunt" | "envelop" | "codes";

/** Canonical filter kinds and the words that mean them (folded). */
const FILTER_WORDS: Record<FilterBy, readonly string[]> = {
  cluster: ["cluster", "clusters"],
  speerpunt: ["speerpunt", "speerpunten", "spearhead", "spearheads"],
  envelop: ["envelop", "envelope", "enveloppe", "budget envelope"],
  codes: ["codes", "code", "projectcode", "projectcodes", "project", "projecten", "projects"],
};

/** The kind of filter: null when blank (no filter), undefined when the word is unknown. */
export function filterByArg(v: unknown): FilterBy | null | undefined {
  const s = argScalar(v);
  if (isBlankScalar(s)) return null;
  if (typeof s !== "string") return undefined;
  const f = foldHeader(s);
  for (const [k, words] of Object.entries(FILTER_WORDS))
    if (words.includes(f)) return k as FilterBy;
  return undefined;
}

const BUDGET_WORDS: Record<"begroot" | "update", readonly string[]> = {
  begroot: ["begroot", "oorspronkelijk", "origineel", "original"],
  update: ["update", "bijgesteld", "bijstelling", "revised", "actueel"],
};

/** Which budget BELEIDSRUIMTE / BUDGET totals: "update" (the default: update, else begroot) or "begroot". */
export function budgetVersionArg(v: unknown): "begroot" | "update" | undefined {
  const s = argScalar(v);
  if (isBlankScalar(s)) return "update";
  if (typeof s !== "string") return undefined;
  const f = foldHeader(s);
  if (BUDGET_WORDS.begroot.includes(f)) return "begroot";
  if (BUDGET_WORDS.update.includes(f)) return "update";
  return undefined;
}

/** What VEKGRAAD / PAYMENTRATE divides by. */
export function paymentBaseArg(v: unknown): "beleidsruimte" | "vak" | undefined {
  const s = argScalar(v);
  if (isBlankScalar(s)) return "beleidsruimte";
  if (typeof s !== "string") return undefined;
  const f = foldHeader(s);
  if (["beleidsruimte", "budget", "update", "begroot"].includes(f)) return "beleidsruimte";
  if (["vak", "vastleggingen", "commitments", "uitvoering vak"].includes(f)) return "vak";
  return undefined;
}
