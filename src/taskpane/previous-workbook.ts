/**
 * The previous meting's workbook that the user picks in the task pane: read in the browser with the same
 * file host as the command line (exceljs through src/xlsx). exceljs is loaded on demand, in its own chunk,
 * so the task pane does not carry it until the user compares.
 */
import type { Lang } from "../core/vocabulary";
import type { WorkbookSnapshot } from "../workbook/port";
import { WorkbookReadError } from "../xlsx/errors";

export interface PreviousWorkbook {
  /** The file name, as the user picked it. */
  name: string;
  snapshot: WorkbookSnapshot;
}

/** Read a picked file; a file that is not a readable .xlsx fails with one line for the user, in their language. */
export async function readPreviousWorkbook(
  name: string,
  bytes: ArrayBuffer | Uint8Array,
  lang: Lang
): Promise<PreviousWorkbook> {
  const { loadXlsx } = await import(/* webpackChunkName: "xlsx" */ "../xlsx/load");
  try {
    const port = await loadXlsx(name, bytes);
    return { name, snapshot: await port.read() };
  } catch (e) {
    if (e instanceof WorkbookReadError) throw new Error(e.line(lang), { cause: e });
    throw e;
  }
}

/** A picked file's bytes; FileReader where Blob.arrayBuffer is missing (older WebKit in Office for Mac). */
export function fileBytes(file: Blob): Promise<ArrayBuffer> {
  if (typeof file.arrayBuffer === "function") return file.arrayBuffer();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error("FileReader failed"));
    reader.readAsArrayBuffer(file);
  });
}
