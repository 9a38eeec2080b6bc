/**
 * Stage 3 of reading (reading.ts): read the values. Formulas whose file stores no result are computed
 * over the workbook's cells where they can be (src/core/formula.ts; the others are reported at their cell
 * when read), then the core reads and validates the sources' tables. Each row the row classifier leaves
 * out (heading, footnote, total, summary, ...) is recorded in the ledger with its reason, and the values
 * as read (computed results included) are the ledger's, for the amounts of the cells.
 */
import { isUncomputedFormula } from "../../core/cells";
import { FormulaEvaluator } from "../../core/formula";
import { validateTables, type ValidationResult } from "../../core/validate";
import type { Lang } from "../../core/vocabulary";
import type { WorkbookSnapshot } from "../port";
import type { ReadingLedger } from "./ledger";
import { sourceTables, type Source } from "./sources";
import type { MeetmomentCellFault } from "../../core/rules/define";

/**
 * Formulas without a stored result, computed over the workbook's cells: the region's cell gets the
 * result (a copy of the row; the snapshot is not changed). Formulas that cannot be computed stay as
 * they are and are reported when read.
 */
export function evaluateFormulas(snapshot: WorkbookSnapshot, sources: Source[]): Source[] {
  // Excel resolves a sheet's name in a reference without regard to case (=orafin!B2 reads "Orafin").
  const bySheet = new Map(snapshot.sheets.map((s) => [s.name.toLocaleLowerCase(), s]));
  let evaluator: FormulaEvaluator | null = null;
  const get = () =>
    (evaluator ??= new FormulaEvaluator(
      (sheet, row, column) => {
        const found = bySheet.get(sheet.toLocaleLowerCase());
        if (!found) return undefined;
        const u = found.used;
        return (u && u.values[row - u.firstRow]?.[column - u.firstColumn]) ?? null;
      },
      (sheet) => {
        const u = bySheet.get(sheet.toLocaleLowerCase())?.used;
        return u ? u.firstRow + u.values.length - 1 : 0;
      }
    ));
  return sources.map((s) => {
    const r = s.region;
    let rows = r.rows;
    r.rows.forEach((row, i) => {
      if (!row.some((v) => isUncomputedFormula(v))) return;
      const copy = row.map((v, j) => {
        if (!isUncomputedFormula(v) || !v.formula) return v;
        const e = get().evaluate(v.formula, s.sheet.name, r.headerRow + 1 + i, r.firstColumn + j);
        return e.ok ? { formula: v.formula, result: e.value } : v;
      });
      if (rows === r.rows) rows = [...r.rows];
      rows[i] = copy;
    });
    return rows === r.rows ? s : { ...s, region: { ...r, rows } };
  });
}

/** The sources' tables read and validated; rows left out and values as read go to the ledger. */
export function readValues(
  sources: readonly Source[],
  ledger: ReadingLedger | null,
  opts: { meetmoment: string | null; meetmomentCell: MeetmomentCellFault | null; lang: Lang }
): ValidationResult {
  const result = validateTables(sourceTables(sources), opts);
  if (ledger) {
    sources.forEach((s) => {
      const region = ledger
        .regionsOf(s.sheet.name, s.spec.key)
        .find((r) => r.headerRow === s.region.headerRow);
      if (region) region.rows = s.region.rows;
    });
    ledger.tableReports(result.reading.tables);
  }
  return result;
}
