/** How rule messages show values: text quoted (or "(leeg)"), amounts in euro, fractions as percentages. */
import type { Lang } from "../vocabulary";

/** A value in a Dutch message: quoted, or "(leeg)". */
export const v = (x: unknown) =>
  x === null || x === undefined || x === "" ? "(leeg)" : `'${String(x)}'`;
/** A value in an English message: quoted, or "(empty)". */
export const ve = (x: unknown) =>
  x === null || x === undefined || x === "" ? "(empty)" : `'${String(x)}'`;
// Formatters made once: toLocaleString builds a new one per call, which dominates when findings are many.
const NUMBER_FORMAT = {
  nl: new Intl.NumberFormat("nl-BE", { maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 }),
};
export const eur = (n: unknown, lang: Lang) =>
  typeof n === "number" ? NUMBER_FORMAT[lang].format(n) + " EUR" : String(n);
/** A value in a message: numbers in the language's notation, text quoted. */
export const shown = (x: unknown, lang: Lang) =>
  typeof x === "number" ? NUMBER_FORMAT[lang].format(x) : lang === "nl" ? v(x) : ve(x);
export const pct = (n: unknown, lang: Lang) =>
  typeof n === "number" ? NUMBER_FORMAT[lang].format(n * 100) + " %" : String(n);
