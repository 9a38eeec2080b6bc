/** Opening .xlsx files with a one-line error for files that are missing, empty, encrypted, not xlsx or corrupt (load.ts). */
import { fileBytes, writeBytes } from "./file";
import { loadXlsx } from "./load";
import { XlsxPort } from "./port";

// Node's file system for the packages rewritten in memory (charts), which port.ts may not import.
XlsxPort.writeBytes = writeBytes;

/** Open an .xlsx file as a workbook port. */
export async function openXlsx(file: string): Promise<XlsxPort> {
  return loadXlsx(file, await fileBytes(file));
}

export { WorkbookReadError } from "./errors";
export { checkBytes, loadXlsx } from "./load";
export { XlsxPort, STAMP_SHEET } from "./port";
export { BulkXlsxPort } from "./bulk-port";
