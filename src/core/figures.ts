/**
 * What a total needs, and which findings make a total doubtful. Totals are never made from a workbook
 * without the columns they add up (no silent zero), and every cell that could not be read exactly is
 * named next to the figures.
 */
import type { GroupBy } from "./calc";
import type { Finding } from "./findings";
import type { SheetKey } from "./schema";
import { SHEET_BY_KEY } from "./template";

/** The columns totals add up, and those that group them (per grouping). */
const NEEDED: Record<SheetKey, string[]> = {
  financing: ["projectCode", "begroot", "vak", "vek"],
  projects: [],
  milestones: [],
  indicators: [],
};
const GROUPING: Partial<Record<GroupBy, string[]>> = {
  cluster: ["code", "cluster"],
  speerpunt: ["code", "speerpunt"],
};

export interface MissingColumn {
  /** The sheet read (or the template sheet's name when no sheet provides it). */
  sheet: string;
  /** Column headers missing; empty when the whole sheet is. */
  columns: string[];
}

/**
 * The sheets and columns a total `by` needs that a reading did not find: every table read for
 * Financiering (and, grouped by cluster or speerpunt, for Projecten) must have them, else its rows would
 * add up as zeros. Empty when the totals can be made.
 */
export function missingForTotals(
  tables: readonly { sheet: string; target: SheetKey; columns: readonly string[] }[],
  by: GroupBy
): MissingColumn[] {
  const need: [SheetKey, string[]][] = [["financing", NEEDED.financing]];
  const g = GROUPING[by];
  if (g) need.push(["projects", g]);
  const out: MissingColumn[] = [];
  for (const [key, cols] of need) {
    const spec = SHEET_BY_KEY[key];
    const mine = tables.filter((t) => t.target === key);
    if (mine.length === 0) out.push({ sheet: spec.name, columns: [] });
    for (const t of mine) {
      const missing = cols.filter((c) => !t.columns.includes(c));
      if (missing.length)
        out.push({
          sheet: t.sheet,
          columns: missing.map((k) => spec.columns.find((c) => c.key === k)!.header),
        });
    }
  }
  return out;
}

/** Rules whose findings on a financing row mean an amount or a code was not read exactly. */
const FINANCING_RULES = new Set([
  "required",
  "cell-error",
  "code-format",
  "code-range",
  "type-amount",
  "amount-negative",
  "number-ambiguous",
  "formula-uncomputed",
  "total-mismatch",
  "row-left-out",
  "financing-duplicate",
  "amount-scaled",
  "column-twice",
]);
/** Rules on a project's code, cluster or speerpunt: the group a project's money goes to. */
const GROUP_RULES = new Set([
  "required",
  "cell-error",
  "code-format",
  "code-range",
  "enum-value",
  "formula-uncomputed",
  "code-duplicate",
  "total-mismatch",
]);

/**
 * The findings that concern a total: amounts, codes and rows of Financiering, projects reported by more
 * than one file, and (grouped by cluster or speerpunt) the projects' codes and groups. An error among
 * them means a figure is not exact: `totals` says so and exits 1.
 */
export function figureFindings(findings: readonly Finding[], by: GroupBy): Finding[] {
  const grouped = by === "cluster" || by === "speerpunt";
  const projectColumns = new Set(
    SHEET_BY_KEY.projects.columns
      .filter((c) => c.key === "code" || c.key === by)
      .map((c) => c.header)
  );
  return findings.filter((f) => {
    if (f.rule === "overlap-identical" || f.rule === "overlap-conflict") return true;
    if (f.target === "financing")
      return FINANCING_RULES.has(f.rule) || (grouped && f.rule === "project-unknown");
    if (f.target === "projects" && grouped)
      return GROUP_RULES.has(f.rule) && (f.column === null || projectColumns.has(f.column));
    return false;
  });
}
