/**
 * Several workbooks read together, the way `totals` and `merge` (and every command that adds up more than
 * one file) read them: each file read and validated on its own, then the overlap rule across the files
 * (src/core/combine.ts): a project reported by more than one file counts once; reported differently, it
 * is an error and only the first file's rows count.
 */
import { combine, keptIndexes, type Combined } from "../../core/combine";
import type { Finding } from "../../core/findings";
import type { LeftOutRow } from "../../core/region";
import type { TableReport } from "../../core/read";
import type { Records } from "../../core/records";
import type { SheetKey } from "../../core/schema";
import type { Lang } from "../../core/vocabulary";
import type { WorkbookSnapshot } from "../port";
import type { ReadingLedger, SheetLedger } from "./ledger";
import { findSources, ledgerOf, readSnapshot, type SnapshotReading } from "./reading";
import type { SkippedSheet, Source } from "./sources";
import type { ValidateFlowResult } from "./validate";

export { readSnapshot, type SnapshotReading } from "./reading";

export interface FileInput {
  file: string;
  snapshot: WorkbookSnapshot;
  /**
   * The file already read on its own (`readSnapshot` with the same language and meetmoment): merge reads
   * each file while the worker threads still read the next ones.
   */
  read?: SnapshotReading;
}

export interface FileReading {
  file: string;
  snapshot: WorkbookSnapshot;
  /** The sources read, in the order of `tables`. */
  sources: Source[];
  skipped?: SkippedSheet[];
  /** The file validated on its own (its own meetmoment unless one is given). */
  result: ValidateFlowResult;
  /** Per table read: rows read, rows left out and why (also rows an earlier file already had). */
  tables: TableReport[];
  /** Where every cell went, the rows the overlap rule left out included (ledger.ts). */
  ledger?: ReadingLedger;
}

export interface CombinedReading {
  files: FileReading[];
  /** The overlap rule's findings (each with its file). */
  overlaps: Finding[];
  /** Per file, per sheet: record index → why it does not count. */
  dropped: Combined["dropped"];
  /** The records the figures count: every file's, without what the overlap rule leaves out. */
  records: Records;
}

export interface ReadFilesOptions {
  lang?: Lang;
  meetmoment?: string | null;
  /** Called after each file is read and validated (progress). */
  onFile?: (file: string, index: number) => void;
}

/** Read the files, each on its own, then together (the overlap rule). */
export function readFiles(
  inputs: readonly FileInput[],
  opts: ReadFilesOptions = {}
): CombinedReading {
  const lang = opts.lang ?? "nl";
  const read = inputs.map((input, n) => {
    const r = input.read ?? readSnapshot(input.snapshot, opts);
    opts.onFile?.(input.file, n);
    return { file: input.file, snapshot: input.snapshot, ...r };
  });
  const combined = combine(
    read.map((f) => ({
      file: f.file,
      columns: f.result.reading.columns,
      refs: f.result.reading.refs,
    })),
    lang
  );
  const files: FileReading[] = read.map((f, k) => ({
    ...f,
    tables: withDropped(f.result, combined.dropped[k]),
    ...(f.ledger ? { ledger: ledgerWithDropped(f.ledger, f.result, combined.dropped[k]) } : {}),
  }));
  const records: Records = { projects: [], milestones: [], indicators: [], financing: [] };
  files.forEach((f, k) => {
    const all = f.result.records;
    const part = { file: f.file, ...f.result.reading };
    for (const sheet of Object.keys(records) as SheetKey[]) {
      const list = all[sheet] as object[];
      const out = records[sheet] as object[];
      for (const i of keptIndexes(part, sheet, combined.dropped[k])) out.push(list[i]);
    }
  });
  return { files, overlaps: combined.findings, dropped: combined.dropped, records };
}

/**
 * Where every non-empty cell of a file went (the reading ledger, ledger.ts), with the rows the overlap
 * rule left out. The stages record their decisions as they read; the cells are placed on demand: the
 * commands that only add up never pay for that.
 */
export function fileLedger(f: FileReading): SheetLedger[] {
  if (f.ledger) return f.ledger.sheetsOf(f.snapshot);
  const skipped = f.skipped ?? findSources(f.snapshot).skipped;
  return ledgerOf(f.snapshot, f.sources, skipped, f.tables);
}

/** The file's ledger with the rows the overlap rule leaves out (a copy: the file alone is unchanged). */
function ledgerWithDropped(
  ledger: ReadingLedger,
  result: ValidateFlowResult,
  dropped: Combined["dropped"][number]
): ReadingLedger {
  if (dropped.size === 0) return ledger;
  const out = ledger.fork();
  for (const [sheet, m] of dropped)
    for (const [index, why] of m) {
      const ref = result.reading.refs[sheet].get(index);
      out.rowLeftOut(ref.sheet, sheet, { row: ref.row, reason: why });
    }
  return out;
}

/** A file's table reports with the rows the overlap rule leaves out added to each table's list. */
function withDropped(
  result: ValidateFlowResult,
  dropped: Combined["dropped"][number]
): TableReport[] {
  const tables = result.reading.tables.map((t) => ({ ...t, leftOut: [...t.leftOut] }));
  for (const [sheet, m] of dropped)
    for (const [index, why] of m) {
      const ref = result.reading.refs[sheet].get(index);
      const t = tables
        .filter((x) => x.target === sheet && x.sheet === ref.sheet && x.headerRow < ref.row)
        .sort((a, b) => b.headerRow - a.headerRow)[0];
      if (!t) continue;
      t.rows--;
      t.leftOut.push({ row: ref.row, reason: why } satisfies LeftOutRow);
    }
  for (const t of tables) t.leftOut.sort((a, b) => a.row - b.row);
  return tables;
}
