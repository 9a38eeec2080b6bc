/**
 * Why a file could not be read as a monitoring workbook: one line for a spreadsheet user, Dutch and
 * English. The command line prints the message and exits with code 2; it never shows a stack trace.
 */
import type { Lang } from "../core/vocabulary";
import { FILE_TYPE_TEXT, type FileTypeKind } from "./file-types";

export type ReadErrorKind =
  | "missing"
  | "empty"
  | "encrypted"
  | "not-xlsx"
  | "corrupt"
  | "unsupported"
  | "unreadable"
  // The system's answers when opening the file (file.ts), in the user's words.
  | "folder"
  | "denied"
  | "locked"
  // Files of another kind, each with its own advice (file-types.ts).
  | FileTypeKind;

const TEXT: Record<ReadErrorKind, { nl: string; en: string }> = {
  ...FILE_TYPE_TEXT,
  folder: {
    nl: "is een map, geen bestand; geef de werkmap zelf, bv. map/werkmap.xlsx",
    en: "is a folder, not a file; give the workbook itself, e.g. folder/workbook.xlsx",
  },
  denied: {
    nl: "u hebt geen toestemming om dit bestand te lezen; vraag toegang, of kopieer het naar een eigen map",
    en: "you have no permission to read this file; ask for access, or copy it to a folder of your own",
  },
  locked: {
    nl: "het bestand is vergrendeld door een ander programma (bv. Excel); sluit het daar en probeer opnieuw",
    en: "the file is locked by another program (e.g. Excel); close it there and try again",
  },
  missing: { nl: "bestand niet gevonden", en: "file not found" },
  empty: { nl: "het bestand is leeg (0 bytes)", en: "the file is empty (0 bytes)" },
  encrypted: {
    nl: "het bestand is beveiligd met een wachtwoord (of is een oud .xls-bestand); sla het op als .xlsx zonder wachtwoord",
    en: "the file is password-protected (or an old .xls file); save it as .xlsx without a password",
  },
  "not-xlsx": { nl: "geen Excel-werkmap (.xlsx)", en: "not an Excel workbook (.xlsx)" },
  corrupt: {
    nl: "de werkmap is beschadigd of onvolledig en kan niet gelezen worden",
    en: "the workbook is damaged or incomplete and cannot be read",
  },
  unsupported: {
    nl: "de werkmap is niet beschadigd, maar bevat iets dat vv-monitor niet kan lezen",
    en: "the workbook is not damaged, but holds something vv-monitor cannot read",
  },
  unreadable: { nl: "het bestand kan niet gelezen worden", en: "the file cannot be read" },
};

export class WorkbookReadError extends Error {
  constructor(
    readonly file: string,
    readonly kind: ReadErrorKind,
    readonly detail?: string
  ) {
    super(`${file}: ${TEXT[kind].en}${detail ? ` (${detail})` : ""}`);
    this.name = "WorkbookReadError";
  }

  /** One line, no stack: `file.xlsx: de werkmap is beschadigd ...`. */
  line(lang: Lang = "nl"): string {
    return `${this.file}: ${TEXT[this.kind][lang]}${this.detail ? ` (${this.detail})` : ""}`;
  }
}
