/** Opening .xlsx files with a one-line error for files that are missing, empty, encrypted, not xlsx or corrupt (load.ts). */
import { promises as fs } from "node:fs";
import { WorkbookReadError } from "./errors";
import { loadXlsx } from "./load";
import type { XlsxPort } from "./port";

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
export { checkBytes, loadXlsx } from "./load";
export { XlsxPort, STAMP_SHEET } from "./port";
