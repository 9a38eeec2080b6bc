/**
 * Numbers in a language's notation (1.650.000,5 in Dutch, 1,650,000.5 in English) with the decimals as
 * a parameter: amounts in euro, percentages, counts. The formatters are made once per language and
 * decimals: toLocaleString builds a new one per call, which dominates when findings are many.
 */
import type { Lang } from "./vocabulary";

const LOCALE: Record<Lang, string> = { nl: "nl-BE", en: "en-GB" };
const formats = new Map<string, Intl.NumberFormat>();

/** `n` with at most `maxDecimals` decimals (at least `minDecimals`) and a thousands separator. */
export function formatNumber(n: number, lang: Lang, maxDecimals: number, minDecimals = 0): string {
  const key = `${lang}${minDecimals}-${maxDecimals}`;
  let f = formats.get(key);
  if (!f)
    formats.set(
      key,
      (f = new Intl.NumberFormat(LOCALE[lang], {
        minimumFractionDigits: minDecimals,
        maximumFractionDigits: maxDecimals,
      }))
    );
  return f.format(n);
}

/** An amount: "1.650.000,5 EUR", at most two decimals. */
export const eurText = (n: number, lang: Lang) => `${formatNumber(n, lang, 2)} EUR`;

/** A fraction as a percentage: 0.072 → "7,2 %", with at most `maxDecimals` (at least `minDecimals`). */
export const percentText = (fraction: number, lang: Lang, maxDecimals: number, minDecimals = 0) =>
  `${formatNumber(fraction * 100, lang, maxDecimals, minDecimals)} %`;

/** A count and its noun in the right form: "1 fout", "2 fouten", "1.453 mijlpalen" (thousands separated). */
export const countText = (n: number, one: string, many: string, lang: Lang) =>
  `${formatNumber(n, lang, 3)} ${n === 1 ? one : many}`;
