/**
 * The row scanner alone on one worksheet part of a workbook, in this process: the best of BENCH_RUNS
 * scans, in milliseconds, and the cells read. For comparing two versions of the scanner side by side in the
 * same minutes (the machine is shared): `npx tsx bench/scan-sheet.ts file.xlsx xl/worksheets/sheet3.xml`.
 */
import { readFileSync } from "node:fs";
import { sheetScanner } from "../src/xlsx/stream/rows";
import { ZipParts } from "../src/xlsx/stream/zip";

async function main() {
  const [file, part] = process.argv.slice(2);
  const zip = await ZipParts.open(readFileSync(file));
  const pieces: string[] = [];
  for await (const p of zip.pieces(part)) pieces.push(p);
  const ctx = { sharedString: (i: number) => i, isDateStyle: () => false, date1904: false };
  const times: number[] = [];
  let cells = 0;
  for (let run = 0; run < Number(process.env.BENCH_RUNS ?? 7); run++) {
    const t0 = performance.now();
    const s = sheetScanner(ctx);
    for (const p of pieces) s.write(p);
    const sheet = s.end();
    times.push(performance.now() - t0);
    cells = sheet.rows.reduce((n, r) => n + (r ? r.filter((v) => v !== undefined).length : 0), 0);
  }
  console.log(JSON.stringify({ bestMs: Math.round(Math.min(...times)), cells }));
}
void main();
