/**
 * Loading an .xlsx from bytes, with a one-line error for bytes that are empty, encrypted, not an .xlsx or
 * corrupt. No Node import: the task pane bundles this (and exceljs from its patched sources) to read the previous
 * meting's workbook that the user picks, with the same file host as the command line.
 */
import ExcelJS from "./exceljs-lib.cjs";
import { checkBytes } from "./bytes";
import { WorkbookReadError } from "./errors";
import { damagedPart, normalisePackage, PackageError } from "./package";
import { numberRowsAndCells } from "./numbered";
import { XlsxPort } from "./port";

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
  let wb = new ExcelJS.Workbook();
  try {
    try {
      await wb.xlsx.load(readable as unknown as ArrayBuffer);
    } catch (e) {
      // Rows or cells without their optional position: numbered as Excel reads them, then loaded again.
      if (!/Invalid row number|Invalid Address/i.test(firstLine(e))) throw e;
      const numbered = await numberRowsAndCells(readable);
      if (numbered === readable) throw e;
      readable = numbered;
      wb = new ExcelJS.Workbook();
      await wb.xlsx.load(readable as unknown as ArrayBuffer);
    }
  } catch (e) {
    // Damaged only when a part really is (not well-formed); else name what exceljs could not read.
    const damaged = await damagedPart(readable);
    if (damaged) throw new WorkbookReadError(file, "corrupt", damaged);
    throw new WorkbookReadError(file, "unsupported", firstLine(e));
  }
  if (wb.worksheets.length === 0) throw new WorkbookReadError(file, "not-xlsx");
  return new XlsxPort(wb);
}

export { checkBytes } from "./bytes";

function firstLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split("\n")[0].slice(0, 200);
}
