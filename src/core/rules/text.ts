/** How rule messages show values: text quoted (or "(leeg)"), amounts in euro, fractions as percentages. */
import { eurText, formatNumber, percentText } from "../number-format";
import type { Lang } from "../vocabulary";

/** A value in a Dutch message: quoted, or "(leeg)". */
export const v = (x: unknown) =>
  x === null || x === undefined || x === "" ? "(leeg)" : `'${String(x)}'`;
/** A value in an English message: quoted, or "(empty)". */
export const ve = (x: unknown) =>
  x === null || x === undefined || x === "" ? "(empty)" : `'${String(x)}'`;
export const eur = (n: unknown, lang: Lang) =>
  typeof n === "number" ? eurText(n, lang) : String(n);
/** A value in a message: numbers in the language's notation, text quoted. */
export const shown = (x: unknown, lang: Lang) =>
  typeof x === "number" ? formatNumber(x, lang, 2) : lang === "nl" ? v(x) : ve(x);
export const pct = (n: unknown, lang: Lang) =>
  typeof n === "number" ? percentText(n, lang, 2) : String(n);
