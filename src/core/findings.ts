/** What validation reports: one finding per problem, pointing at the cell to fix. */
export type Severity = "error" | "warning";

export interface Finding {
  /** Set by hosts that validate several files. */
  file?: string;
  sheet: string;
  /** A1 address of the cell, e.g. "D12"; null for a finding about a whole sheet. */
  cell: string | null;
  /** 1-based Excel row number. */
  row: number | null;
  /** The column's header label. */
  column: string | null;
  projectCode: string | null;
  /** Rule code from the catalogue, e.g. "vek-above-vak". */
  rule: string;
  severity: Severity;
  message: string;
  /** The offending value as shown in the cell. */
  value: string | number | boolean | null;
  /**
   * The template sheet the cell belongs to (its sheet may be named otherwise: a stack of sheets, a sheet
   * recognised by its headers). Not part of the public JSON.
   */
  target?: "projects" | "milestones" | "indicators" | "financing";
}

export function countBySeverity(findings: readonly Finding[]): {
  errors: number;
  warnings: number;
} {
  let errors = 0;
  for (const f of findings) if (f.severity === "error") errors++;
  return { errors, warnings: findings.length - errors };
}
