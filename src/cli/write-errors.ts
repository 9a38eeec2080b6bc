/**
 * Why a file could not be written, for a spreadsheet user: what happened and what to do, naming the file,
 * in Dutch and English. The system's error codes (EPERM, EISDIR, ...) are translated here and nowhere
 * else; output-file.ts is the one writer that uses them. An unknown code still says which file and shows
 * the code, so that nothing is hidden.
 */
import { accessSync, constants, statSync } from "node:fs";
import { dirname } from "node:path";
import type { Lang } from "../core/vocabulary";

/** What went wrong, as the user needs to know it (several system codes can mean the same to them). */
export type WriteProblem =
  | "exists"
  | "locked"
  | "no-permission"
  | "folder"
  | "no-folder"
  | "not-a-folder"
  | "disk-full"
  | "read-only-disk"
  | "other";

type Texts = Record<WriteProblem, (file: string, dir: string, code: string) => string>;

const TEXT: Record<Lang, Texts> = {
  nl: {
    exists: (f) =>
      `${f}: bestaat al en wordt niet overschreven; kies een andere naam, of gebruik --force om het te vervangen`,
    locked: (f) =>
      `${f}: kan niet geschreven worden, het bestand is geopend in een ander programma (bv. Excel) of is alleen-lezen; sluit het daar of kies een andere naam`,
    "no-permission": (f, d) =>
      `${f}: u hebt geen toestemming om te schrijven in de map ${d}; kies een andere map`,
    folder: (f) =>
      `${f}: is een map, geen bestand; geef een bestandsnaam, bv. ${f.replace(/[\\/]+$/, "")}/werkmap.xlsx`,
    "no-folder": (f, d) =>
      `${f}: de map ${d} bestaat niet; maak ze eerst aan of kies een bestaande map`,
    "not-a-folder": (f, d) => `${f}: ${d} is een bestand, geen map; kies een bestaande map`,
    "disk-full": (f) =>
      `${f}: de schijf is vol; maak ruimte vrij of kies een andere schijf (een bestaand bestand met die naam is niet gewijzigd)`,
    "read-only-disk": (f) => `${f}: de schijf of map is alleen-lezen; kies een andere map`,
    other: (f, _d, c) => `${f}: kan het bestand niet schrijven (${c})`,
  },
  en: {
    exists: (f) =>
      `${f}: already exists and is not overwritten; choose another name, or use --force to replace it`,
    locked: (f) =>
      `${f}: cannot be written, the file is open in another program (e.g. Excel) or read-only; close it there or choose another name`,
    "no-permission": (f, d) =>
      `${f}: you have no permission to write in the folder ${d}; choose another folder`,
    folder: (f) =>
      `${f}: is a folder, not a file; give a file name, e.g. ${f.replace(/[\\/]+$/, "")}/workbook.xlsx`,
    "no-folder": (f, d) =>
      `${f}: the folder ${d} does not exist; create it first or choose an existing folder`,
    "not-a-folder": (f, d) => `${f}: ${d} is a file, not a folder; choose an existing folder`,
    "disk-full": (f) =>
      `${f}: the disk is full; free some space or choose another disk (an existing file of that name is unchanged)`,
    "read-only-disk": (f) => `${f}: the disk or folder is read-only; choose another folder`,
    other: (f, _d, c) => `${f}: cannot write the file (${c})`,
  },
};

const writable = (p: string) => {
  try {
    accessSync(p, constants.W_OK);
    return true;
  } catch {
    return false;
  }
};

const isFile = (p: string) => {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
};

/** The problem a system error code means when writing `file`. */
export function writeProblem(file: string, code: string | undefined): WriteProblem {
  const dir = dirname(file);
  switch (code) {
    case "EEXIST":
      return "exists";
    case "EISDIR":
      return "folder";
    case "ENOENT":
      return "no-folder";
    case "ENOTDIR":
      return "not-a-folder";
    case "ENOSPC":
    case "EDQUOT":
      return "disk-full";
    case "EROFS":
      return "read-only-disk";
    case "EACCES":
    case "EPERM":
      // A folder we may not write in, or a file that is read-only or held by another program (Windows
      // answers EPERM when Excel has the file open).
      return writable(dir) ? "locked" : "no-permission";
    case "EBUSY":
    case "ETXTBSY":
      return "locked";
    default:
      return "other";
  }
}

/** One line for the user: `file: what happened; what to do`. */
export function writeErrorLine(file: string, problem: WriteProblem, lang: Lang, code = ""): string {
  const dir = dirname(file);
  // The missing folder is the nearest one that is not there (the user creates that one first).
  let missing = dir;
  while (problem === "no-folder" && dirname(missing) !== missing && !isDir(dirname(missing)))
    missing = dirname(missing);
  // ENOTDIR: the part of the path that is a file (the path itself, when a folder was to be made there).
  let blocking = dir;
  if (problem === "not-a-folder") {
    for (let p = file; dirname(p) !== p; p = dirname(p)) if (isFile(p)) blocking = p;
  }
  const shown = problem === "no-folder" ? missing : problem === "not-a-folder" ? blocking : dir;
  return TEXT[lang][problem](file, shown, code);
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}
