/**
 * The export for Excel in Dutch (`export --csv <dir> --excel`), beside the open-data CSV: what a controller
 * opens by double-click in a Dutch Excel and gets as columns, with accents intact. So: the headers as in the
 * template (the Dutch column labels, not the records' keys), numbers with a decimal comma and no grouping
 * (a grouping dot could be read as a decimal point by another locale; none is needed), the column
 * `Bronbestand` for the rows of a merged workbook, and (written by the host) semicolons between fields,
 * CRLF line ends and a UTF-8 byte order mark, which is how Excel recognises UTF-8 in a CSV.
 * The open-data CSV and its Data Package (datapackage.ts) are not touched by this.
 */
import type { RecordRefs } from "../../core/record-refs";
import type { SheetKey } from "../../core/schema";
import { tableSchemaFields } from "../../core/table-schema";
import { SHEETS, SOURCE_COLUMN } from "../../core/template";
import { numberCell } from "./datapackage";
import type { WorkbookSnapshot } from "../port";
import type { ExportResult } from "./export";

/** The file a record came from in a merged workbook (its `Bronbestand` cell), per sheet, per record. */
export type RecordSources = Record<SheetKey, readonly (string | null)[]>;

export interface ExcelCsvTable {
  /** File name, e.g. "mijlpalen-excel.csv": beside the open-data "mijlpalen.csv" in the same folder. */
  path: string;
  /** Header row and data rows, all text. */
  rows: string[][];
}

/** A number in Dutch notation for a CSV: decimal comma, no grouping, never an exponent. */
export function dutchNumber(n: number): string {
  return numberCell(n).replace(".", ",");
}

function cell(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return Number.isFinite(v) ? dutchNumber(v) : "";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
}

/** One table per template sheet: Dutch headers, Dutch numbers, and `Bronbestand` when rows have one. */
export function excelCsvTables(r: ExportResult, sources?: RecordSources): ExcelCsvTable[] {
  return SHEETS.map((s) => {
    const fields = tableSchemaFields(s.key);
    const records = r[s.key] as unknown as Record<string, unknown>[];
    const from = sources?.[s.key];
    const withSource = !!from && from.some((x) => x !== null && x !== "");
    const header = fields.map((f) => f.title);
    const rows = records.map((rec, i) => {
      const row = fields.map((f) => cell(rec[f.name]));
      if (withSource) row.push(from![i] ?? "");
      return row;
    });
    return {
      path: `${s.name.toLowerCase()}-excel.csv`,
      rows: [withSource ? [...header, SOURCE_COLUMN] : header, ...rows],
    };
  });
}

/**
 * Where each record's `Bronbestand` cell is: the row it was read from (`refs`) on a table of the snapshot
 * with that column. Null for a record whose table has no such column (a workbook that was not merged).
 */
export function recordSources(
  snapshot: WorkbookSnapshot,
  refs: Readonly<Record<SheetKey, RecordRefs>>
): RecordSources {
  const bySheet = new Map<string, Map<number, string>>();
  for (const sheet of snapshot.sheets)
    for (const t of sheet.tables) {
      const k = t.headers.findIndex((h) => typeof h === "string" && h.trim() === SOURCE_COLUMN);
      if (k < 0) continue;
      const rows = bySheet.get(sheet.name) ?? new Map<number, string>();
      bySheet.set(sheet.name, rows);
      t.rows.forEach((r, i) => {
        const v = r[k];
        if (v !== null && v !== undefined && v !== "")
          rows.set(t.rowNumbers?.[i] ?? t.headerRow + 1 + i, String(v));
      });
    }
  const of = (key: SheetKey) => {
    const ref = refs[key];
    return Array.from({ length: ref.length }, (_, i) => {
      const at = ref.get(i);
      return bySheet.get(at.sheet)?.get(at.row) ?? null;
    });
  };
  return {
    projects: of("projects"),
    milestones: of("milestones"),
    indicators: of("indicators"),
    financing: of("financing"),
  };
}
