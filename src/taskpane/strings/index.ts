import type { Lang } from "../../core/vocabulary";
import { en } from "./en";
import { nl, type Strings } from "./nl";

export type { Strings };
export const STRINGS: Record<Lang, Strings> = { nl, en };
export function strings(lang: Lang): Strings {
  return STRINGS[lang];
}

/** A failure as a message the user can act on. */
export function errorMessage(e: unknown, s: Strings): string {
  const code = String((e as { code?: unknown } | null)?.code ?? "");
  const text = e instanceof Error ? e.message : String(e);
  const all = `${code} ${text}`;
  if (/PayloadSizeLimitExceeded/.test(all)) return s.errors.payload;
  if (/AccessDenied|protected|beveiligd/i.test(all)) return s.errors.protected;
  if (/InvalidOperationInCellEditMode/.test(all)) return s.errors.editMode;
  if (/Excel is not defined|Office is not defined/.test(all)) return s.errors.notInExcel;
  return s.errors.generic(/[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);
}
