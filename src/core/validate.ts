/**
 * Validation: the read step's cell findings plus the rules across rows and sheets (unique codes,
 * references, cluster/speerpunt pairs, financial coherence, time against the meetmoment, indicators),
 * each checked by its rule in the catalogue (src/core/rules).
 */
import { countBySeverity, type Finding } from "./findings";
import { FindingSink } from "./finding-sink";
import { readColumns, type ReadResult } from "./read";
import type { Records } from "./records";
import { runChecks } from "./rules/checks";
import type { MeetmomentCellFault } from "./rules/define";
import { recordsOf } from "./sheet-columns";
import type { TableData } from "./table";
import type { Lang } from "./vocabulary";

export interface ValidateOptions {
  /** ISO date of the measurement moment; without it the time rules are skipped (and a warning says so). */
  meetmoment?: string | null;
  /** The workbook's meetmoment cell when it holds no date: reported there (meetmoment-invalid). */
  meetmomentCell?: MeetmomentCellFault | null;
  lang?: Lang;
}

export interface ValidationResult {
  findings: Finding[];
  /** The typed records, built on first use (validation itself works on columns). */
  readonly records: Records;
  errors: number;
  warnings: number;
  /** What was read, as columns with where each record came from, and per table the rows left out. */
  reading: Pick<ReadResult, "columns" | "refs" | "found" | "tables">;
}

export function validateTables(
  tables: readonly TableData[],
  opts: ValidateOptions = {}
): ValidationResult {
  const sink = new FindingSink(opts.lang ?? "nl");
  const read = readColumns(tables, { sink });
  // A meetmoment that is not an ISO date counts as none (and the warning says the time rules were skipped).
  const meetmoment =
    opts.meetmoment && /^\d{4}-\d{2}-\d{2}$/.test(opts.meetmoment) ? opts.meetmoment : null;
  const bad = opts.meetmomentCell;
  if (bad) {
    const m = /^([A-Z]+)(\d+)$/.exec(bad.cell);
    sink.add(
      "meetmoment-invalid",
      {
        sheet: bad.sheet,
        letter: m?.[1] ?? null,
        row: m ? Number(m[2]) : null,
        column: "Meetmoment",
      },
      null,
      bad.value
    );
  }
  runChecks(read, sink, meetmoment);
  const findings = sink.findings;
  let records: Records | undefined;
  return {
    findings,
    ...countBySeverity(findings),
    reading: { columns: read.columns, refs: read.refs, found: read.found, tables: read.tables },
    get records() {
      return (records ??= recordsOf(read.columns));
    },
  };
}
