/**
 * Rows and cells without their position. The `r` attribute of `<row>` and `<c>` is optional (ECMA-376
 * Part 1, 18.3.1.73 and 18.3.1.4): a row without one follows the row before it, a cell without one the
 * cell before it. Excel opens such sheets; exceljs stops at them ("Invalid row number in model"). Only
 * when it does are the positions written in, here, and the workbook loaded again.
 */
import { DOMParser, XMLSerializer, type Element } from "@xmldom/xmldom";
import JSZip from "jszip";
import { columnLetter } from "../core/cells";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** Column index (0-based) of an A1 reference's letters. */
function columnOf(ref: string): number {
  const letters = /^[A-Z]+/.exec(ref)?.[0] ?? "A";
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  return n - 1;
}

/** Give every row and cell of a sheet part its position; null when all have one already. */
function numberSheet(xml: string): string | null {
  const doc = new DOMParser().parseFromString(xml, "text/xml");
  let changed = false;
  let rowNumber = 0;
  for (const row of Array.from(doc.getElementsByTagNameNS(MAIN, "row")) as Element[]) {
    const r = row.getAttribute("r");
    if (r) rowNumber = Number(r);
    else {
      rowNumber++;
      row.setAttribute("r", String(rowNumber));
      changed = true;
    }
    let column = -1;
    for (const c of Array.from(row.getElementsByTagNameNS(MAIN, "c")) as Element[]) {
      const ref = c.getAttribute("r");
      if (ref) column = columnOf(ref);
      else {
        column++;
        c.setAttribute("r", `${columnLetter(column)}${rowNumber}`);
        changed = true;
      }
    }
  }
  return changed ? new XMLSerializer().serializeToString(doc) : null;
}

/** The package with positions written into every sheet that lacks some; the same bytes otherwise. */
export async function numberRowsAndCells(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  let changed = false;
  for (const f of Object.values(zip.files)) {
    if (f.dir || !/^xl\/worksheets\/[^/]+\.xml$/.test(f.name)) continue;
    const numbered = numberSheet(await f.async("string"));
    if (numbered === null) continue;
    zip.file(f.name, numbered);
    changed = true;
  }
  return changed ? zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }) : bytes;
}
