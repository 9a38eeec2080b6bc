/**
 * The step the amount, number-or-text and percent readers share: parse the cell, report what did not
 * parse, run the kind's own check on the value, then add the notes (a number typed as text, an
 * ambiguous separator) with the number shown as the user would type it.
 */
import { toScalar } from "../cells";
import type { Parsed } from "../parse";
import type { RuleCode } from "../rules";
import type { ColumnSpec } from "../template";
import type { Lang } from "../vocabulary";
import { reportFailure, type At } from "./reader";

export interface NumberStep<T extends number | string> {
  parse: (cell: unknown) => Parsed<T>;
  /** The rule for a cell that is not a number of this kind. */
  typeRule: RuleCode;
  /** How the notes show the number read. */
  shownAs: (n: number, lang: Lang) => string;
  /** The kind's own check on the value read (an amount is never negative). */
  check?: (value: T, cell: unknown, at: At) => void;
}

export function readNumber<T extends number | string>(
  step: NumberStep<T>,
  c: ColumnSpec,
  cell: unknown,
  at: At
): T | null {
  const r = step.parse(cell);
  if (!r.ok) return reportFailure(r, c, cell, at, step.typeRule);
  step.check?.(r.value, cell, at);
  if (typeof r.value !== "number") return r.value;
  const lang = at.sink.lang;
  if (r.ambiguous)
    at.sink.add("number-ambiguous", at, at.code, cell, {
      parsed: step.shownAs(r.value, lang),
      other: step.shownAs(r.ambiguous.other, lang),
    });
  else if (typeof toScalar(cell) === "string")
    at.sink.add("number-as-text", at, at.code, cell, { parsed: step.shownAs(r.value, lang) });
  return r.value;
}

// Numbers in messages as the user types them in their language: 7,2 in Dutch, 7.2 in English; no grouping.
const TYPED = {
  nl: new Intl.NumberFormat("nl-BE", { useGrouping: false, maximumFractionDigits: 20 }),
  en: new Intl.NumberFormat("en-GB", { useGrouping: false, maximumFractionDigits: 20 }),
};
/** 1650000 → "1650000"; 7.2 → "7,2" in Dutch. */
export const plain = (n: number, lang: Lang) => TYPED[lang].format(n);
/** A fraction as the percentage typed: 0.072 → "7,2 %" in Dutch. */
export const asPct = (n: number, lang: Lang) =>
  `${TYPED[lang].format(Number((n * 100).toPrecision(12)))} %`;
