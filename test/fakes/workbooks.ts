/** Workbooks for the fake Excel: the June 2022 report's rows, repeated to any number of rows per sheet. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadDataset, recordsToTables } from "../../src/core/dataset";
import type { TableData } from "../../src/core/table";
import { FakeExcel, type FakeExcelOptions } from "./excel";

let cached: TableData[] | null = null;
/** The report's four template tables (header row 1, column A). */
export function reportTables(): TableData[] {
  if (!cached)
    cached = recordsToTables(
      loadDataset(
        JSON.parse(
          readFileSync(join(__dirname, "../../data/vlaamse-veerkracht-2022-06.json"), "utf8")
        )
      ).records
    );
  return cached;
}

/** Office.js gives "" for blank cells and never objects: what a user's typed cells look like. */
function typed(v: unknown): unknown {
  if (v === null || v === undefined) return "";
  return v;
}

/** `n` data rows of a table, cycling through the report's rows. */
export function rowsOf(t: TableData, n: number): unknown[][] {
  return Array.from({ length: n }, (_, i) => t.rows[i % t.rows.length].map(typed));
}

/**
 * A workbook as an entity might have it before conversion: plain sheets (no tables), the header in row 3
 * under a title, `n` rows on every sheet, English sheet names for two of them.
 */
export function plainWorkbook(n: number, options: FakeExcelOptions = {}): FakeExcel {
  const x = new FakeExcel(options);
  const names: Record<string, string> = {
    Projecten: "Projecten",
    Mijlpalen: "Milestones",
    Outputindicatoren: "Outputindicatoren",
    Financiering: "Financing",
  };
  for (const t of reportTables()) {
    x.addSheet(names[t.sheet]);
    x.type(names[t.sheet], "A1", [[`Rapportering ${t.sheet}`]]);
    x.type(names[t.sheet], "A3", [t.headers.map(String), ...rowsOf(t, n)]);
  }
  return x;
}

/** Data to type into a template's tables: `n` rows per sheet, computed columns left alone (""). */
export function templateRows(n: number): { sheet: string; rows: unknown[][] }[] {
  return reportTables().map((t) => ({ sheet: t.sheet, rows: rowsOf(t, n) }));
}
