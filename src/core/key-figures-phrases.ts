/** Shared pieces of the key figures' sentences: month names, named projects, trends. */
import type { KeyFigureDetails, KeyFigures } from "./key-figures";
import { listText } from "./report-numbers";
import type { Lang } from "./vocabulary";

/** The current figures with their details, and the previous figures when there are any. */
export interface KeyFigureInput {
  figures: KeyFigures;
  details: KeyFigureDetails;
  previous?: KeyFigures | null;
}

const MONTHS = {
  nl: "januari februari maart april mei juni juli augustus september oktober november december",
  en: "January February March April May June July August September October November December",
};

/** "december 2021": how the Mededeling names a meting in comparisons. */
export function monthYear(iso: string | null, lang: Lang): string | null {
  if (!iso) return null;
  return `${MONTHS[lang].split(" ")[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
}

/** A few projects by code (with the title when there are at most three), as the Mededeling names them. */
export function named(list: readonly { code: string; title: string | null }[], lang: Lang): string {
  if (list.length === 0 || list.length > 10) return "";
  const items = list.map((p) =>
    list.length <= 3 && p.title ? `${p.code} \u2018${p.title}\u2019` : p.code
  );
  return `: ${listText(items, lang)}`;
}

export type Trend = "up" | "down" | "same";
export const trend = (from: number, to: number): Trend =>
  to > from ? "up" : to < from ? "down" : "same";

/** "1 project" / "2 projecten": the word for a count. */
export const plural = (k: number, one: string, many: string) => (k === 1 ? one : many);
