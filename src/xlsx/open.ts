/** Opening .xlsx files with a one-line error for files that are missing, empty, encrypted, not xlsx or corrupt. */
import { promises as fs } from "node:fs";
import ExcelJS from "exceljs";
import { WorkbookReadError } from "./errors";
import { damagedPart, normalisePackage, PackageError } from "./package";
import { XlsxPort } from "./port";

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const ZIP_EMPTY = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** Office puts a password-protected .xlsx in an OLE container with these streams. */
const ENCRYPTION_MARKERS = ["EncryptionInfo", "EncryptedPackage"].map((s) =>
  Buffer.from(s, "utf16le")
);

/** Classify a file's bytes; throws WorkbookReadError for anything that is not a readable zip. */
export function checkBytes(file: string, bytes: Buffer): void {
  if (bytes.length === 0) throw new WorkbookReadError(file, "empty");
  if (bytes.subarray(0, 8).equals(OLE)) {
    if (ENCRYPTION_MARKERS.some((m) => bytes.includes(m)))
      throw new WorkbookReadError(file, "encrypted");
    throw new WorkbookReadError(file, "not-xlsx", "oud .xls-formaat / old .xls format");
  }
  if (bytes.subarray(0, 4).equals(ZIP_EMPTY)) throw new WorkbookReadError(file, "not-xlsx");
  if (!bytes.subarray(0, 4).equals(ZIP)) throw new WorkbookReadError(file, "not-xlsx");
}

/** Load a workbook from bytes already read. */
export async function loadXlsx(file: string, bytes: Buffer): Promise<XlsxPort> {
  checkBytes(file, bytes);
  let readable: Buffer;
  try {
    readable = await normalisePackage(bytes);
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

/** Open an .xlsx file as a workbook port. */
export async function openXlsx(file: string): Promise<XlsxPort> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new WorkbookReadError(
      file,
      code === "ENOENT" ? "missing" : "unreadable",
      code === "ENOENT" ? undefined : code
    );
  }
  return loadXlsx(file, bytes);
}

export { WorkbookReadError } from "./errors";
export { XlsxPort, STAMP_SHEET } from "./port";
