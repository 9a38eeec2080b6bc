/**
 * Numbers as the Mededeling aan de Vlaamse Regering prints them: shares rounded half-up to two decimals
 * with trailing zeros dropped ("9,44%", "16,4%", "85%"), amounts in words ("1,524 miljard euro",
 * "219 miljoen euro"), counts with a thousands separator ("1.257"). Dutch with a decimal comma, English
 * with a decimal point.
 */
import { roundHalfUp } from "./calc";
import { formatNumber } from "./number-format";
import type { Lang } from "./vocabulary";

/** `x` rounded half-up to at most `decimals` decimals (no trailing zeros), with a thousands separator. */
export function numberText(x: number, lang: Lang, decimals = 0): string {
  // Round half-up first: Intl rounds half-even on some engines, the Mededeling rounds half-up.
  return formatNumber(roundHalfUp(x, decimals), lang, decimals);
}

/**
 * A share (a fraction, 0.0944) as the Mededeling prints it: "9,44%". `decimals` is 2 for the shares of
 * projects, milestones and amounts; the share of started milestones on schedule is printed with 1 ("92,9%").
 */
export function shareText(fraction: number, lang: Lang, decimals = 2): string {
  return `${numberText(fraction * 100, lang, decimals)}%`;
}

/**
 * A share in a column of a table: always `decimals` decimals ("5,00%", "0,56%", "37,30%"), so that the
 * numbers of a column line up and read alike. The sentences keep the Mededeling's own `shareText`.
 */
export function columnShareText(fraction: number, lang: Lang, decimals = 2): string {
  return `${formatNumber(roundHalfUp(fraction * 100, decimals), lang, decimals, decimals)}%`;
}

/**
 * An amount in words: from a billion on "1,524 miljard euro" (three decimals at most), from a million on
 * "219 miljoen euro" (whole millions from 100 million on, else one decimal), below that the amount in
 * euro. The unit is chosen after rounding, so 999,6 million reads "1 miljard euro".
 */
export function amountText(eur: number, lang: Lang): string {
  const abs = Math.abs(eur);
  const sign = eur < 0 ? "-" : "";
  const words =
    lang === "nl"
      ? { bn: "miljard euro", mn: "miljoen euro", eur: "euro" }
      : { bn: "billion euro", mn: "million euro", eur: "euro" };
  const millions = abs / 1e6;
  const mnDecimals = millions >= 100 ? 0 : 1;
  if (roundHalfUp(millions, mnDecimals) >= 1000)
    return `${sign}${numberText(abs / 1e9, lang, 3)} ${words.bn}`;
  if (roundHalfUp(millions, mnDecimals) >= 1)
    return `${sign}${numberText(millions, lang, mnDecimals)} ${words.mn}`;
  return `${sign}${numberText(abs, lang, 0)} ${words.eur}`;
}

/** "VV056, VV057 en VV058" / "VV056, VV057 and VV058". */
export function listText(items: readonly string[], lang: Lang): string {
  if (items.length <= 1) return items.join("");
  const and = lang === "nl" ? "en" : "and";
  return `${items.slice(0, -1).join(", ")} ${and} ${items[items.length - 1]}`;
}
