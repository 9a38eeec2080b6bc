/**
 * Stage 2 of reading (reading.ts): account for every cell. Each region the first stage located is
 * recorded in the ledger with where it is and what becomes of each of its columns: read into a record
 * field, a computed column (the template computes it again), a hidden column whose visible twin is read,
 * or a column the template does not know (convert keeps it as an extra column). The cells of a read sheet
 * outside every region are recorded as such. The rows are the third stage's to judge.
 */
import { mapHeaders } from "../../core/template";
import type { ColumnVerdict, ReadingLedger } from "./ledger";
import { sourceTable, type Source } from "./sources";

/** The verdict on each column of a source's region (index among its headers and cells). */
export function columnVerdicts(s: Source, all: readonly Source[]): ColumnVerdict[] {
  const r = s.region;
  const width = r.rows.reduce((w, x) => Math.max(w, x.length), r.headers.length);
  const ignore = new Set(sourceTable(s, all).ignore ?? []);
  const computed = new Set(s.spec.columns.filter((c) => c.kind === "computed").map((c) => c.key));
  const out: ColumnVerdict[] = new Array<ColumnVerdict>(width).fill("unknown-column");
  for (const h of r.hiddenColumns ?? [])
    if (h.supersededBy !== undefined) out[h.index] = "hidden-column";
  for (const [key, i] of mapHeaders(s.spec, r.headers).indexOf)
    if (!ignore.has(i)) out[i] = computed.has(key) ? "computed" : "read";
  return out;
}

/** Record the located sources' regions, and the rest of each sheet they are on. */
export function accountForCells(sources: readonly Source[], ledger: ReadingLedger): void {
  const sheets = new Set<string>();
  for (const s of sources) {
    ledger.region({
      sheet: s.sheet.name,
      target: s.spec.key,
      headerRow: s.region.headerRow,
      ...(s.region.headerTop !== undefined ? { headerTop: s.region.headerTop } : {}),
      lastRow: s.region.headerRow + s.region.rows.length,
      firstColumn: s.region.firstColumn,
      columns: columnVerdicts(s, sources),
      rows: s.region.rows,
    });
    sheets.add(s.sheet.name);
  }
  for (const sheet of sheets) ledger.outside(sheet, "outside-table");
}
