import type { Lang } from "../../core/vocabulary";
import { en } from "./en";
import { nl, type Strings } from "./nl";

export type { Strings };
export const STRINGS: Record<Lang, Strings> = { nl, en };
export function strings(lang: Lang): Strings {
  return STRINGS[lang];
}

/** A file that could not be read as a workbook (src/xlsx/errors.ts), seen by its shape: it may come from another chunk. */
interface ReadError {
  name: "WorkbookReadError";
  file: string;
  /** A reason of src/xlsx/errors.ts: one with advice of the pane's own, or a kind of file or system answer. */
  kind: string;
  line(lang: Lang): string;
}

function readError(e: unknown): ReadError | null {
  for (let x = e, depth = 0; x && depth < 3; x = (x as { cause?: unknown }).cause, depth++)
    if ((x as { name?: unknown }).name === "WorkbookReadError") return x as ReadError;
  return null;
}

/** Whether trying the same action again can help: a picked file that is not a workbook fails the same way. */
export function canRetry(e: unknown): boolean {
  return readError(e) === null;
}

/** A failure as a message the user can act on. */
export function errorMessage(e: unknown, s: Strings): string {
  const file = readError(e);
  if (file) {
    // The reasons with advice of the pane's own; the others (a PDF, a CSV, a locked file…) say in their line
    // what to do with the file, and the pane adds what to pick instead.
    const own = s.errors.file as Record<string, string | undefined>;
    return `${file.line(s.lang as Lang)}. ${own[file.kind] ?? s.errors.otherFile}`.trim();
  }
  const code = String((e as { code?: unknown } | null)?.code ?? "");
  const text = e instanceof Error ? e.message : String(e);
  const all = `${code} ${text}`;
  if (/PayloadSizeLimitExceeded/.test(all)) return s.errors.payload;
  if (/AccessDenied|protected|beveiligd/i.test(all)) return s.errors.protected;
  if (/InvalidOperationInCellEditMode/.test(all)) return s.errors.editMode;
  if (/Excel is not defined|Office is not defined/.test(all)) return s.errors.notInExcel;
  return s.errors.generic(/[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);
}
