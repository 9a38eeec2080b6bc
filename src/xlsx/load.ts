/**
 * Loading an .xlsx from bytes, with a one-line error for bytes that are empty, encrypted, not an .xlsx or
 * corrupt. No Node import: the task pane bundles this (and exceljs from its patched sources) to read the previous
 * meting's workbook that the user picks, with the same file host as the command line.
 */
import ExcelJS from "exceljs";
import { WorkbookReadError } from "./errors";
import { damagedPart, normalisePackage, PackageError } from "./package";
import { XlsxPort } from "./port";

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** Office puts a password-protected .xlsx in an OLE container with these streams (UTF-16LE names). */
const ENCRYPTION_MARKERS = ["EncryptionInfo", "EncryptedPackage"].map((s) =>
  Uint8Array.from([...s].flatMap((ch) => [ch.charCodeAt(0), 0]))
);

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) =>
  bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);

function contains(bytes: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** Classify a file's bytes; throws WorkbookReadError for anything that is not a readable zip. */
export function checkBytes(file: string, bytes: Uint8Array): void {
  if (bytes.length === 0) throw new WorkbookReadError(file, "empty");
  if (startsWith(bytes, OLE)) {
    if (ENCRYPTION_MARKERS.some((m) => contains(bytes, m)))
      throw new WorkbookReadError(file, "encrypted");
    throw new WorkbookReadError(file, "not-xlsx", "oud .xls-formaat / old .xls format");
  }
  if (startsWith(bytes, ZIP_EMPTY) || !startsWith(bytes, ZIP))
    throw new WorkbookReadError(file, "not-xlsx");
}

/** Load a workbook from bytes already read (a file on disk, or a file the user picked in the browser). */
export async function loadXlsx(file: string, bytes: Uint8Array | ArrayBuffer): Promise<XlsxPort> {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  checkBytes(file, view);
  let readable: Uint8Array;
  try {
    readable = await normalisePackage(view);
  } catch (e) {
    if (e instanceof PackageError) throw new WorkbookReadError(file, e.kind, e.detail);
    throw e;
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(readable as unknown as ArrayBuffer);
  } catch (e) {
    // Damaged only when a part really is (not well-formed); else name what exceljs could not read.
    const damaged = await damagedPart(readable);
    if (damaged) throw new WorkbookReadError(file, "corrupt", damaged);
    throw new WorkbookReadError(file, "unsupported", firstLine(e));
  }
  if (wb.worksheets.length === 0) throw new WorkbookReadError(file, "not-xlsx");
  return new XlsxPort(wb);
}

function firstLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split("\n")[0].slice(0, 200);
}
