/** A workbook's formulas without their stored values, so that LibreOffice must compute them. */
import { readFileSync, writeFileSync } from "node:fs";
import JSZip from "jszip";

/** The same workbook with every formula's stored value removed: a reader must compute it. */
export async function withoutStoredResults(file: string, out: string): Promise<number> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  let removed = 0;
  for (const name of Object.keys(zip.files).filter((n) => /worksheets\/sheet\d+\.xml$/.test(n))) {
    const xml = await zip.file(name)!.async("string");
    zip.file(
      name,
      xml.replace(
        /(<f>[^<]*<\/f>|<f [^>]*\/>|<f [^>]*>[^<]*<\/f>)(?:<v>[^<]*<\/v>|<v\/>)/g,
        (_, f) => {
          removed++;
          return f;
        }
      )
    );
  }
  writeFileSync(out, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  return removed;
}
