/**
 * Telling an .xlsx from files that are empty, encrypted or not a zip, before any part is read. No import
 * of exceljs: the streaming read (stream/) checks bytes without loading it.
 */
import { WorkbookReadError } from "./errors";
import { oleKind, plainKind } from "./file-types";

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
    throw new WorkbookReadError(file, oleKind(bytes) ?? "not-xlsx");
  }
  if (startsWith(bytes, ZIP_EMPTY)) throw new WorkbookReadError(file, "zip");
  // Not a zip: a PDF, a web page, text (CSV) ... each with its own advice.
  if (!startsWith(bytes, ZIP)) throw new WorkbookReadError(file, plainKind(bytes) ?? "not-xlsx");
}
