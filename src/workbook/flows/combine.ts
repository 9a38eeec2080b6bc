/**
 * Several workbooks read together, the way `totals` and `merge` (and every command that adds up more than
 * one file) read them: each file read and validated on its own, then the overlap rule across the files
 * (src/core/combine.ts): a project reported by more than one file counts once; reported differently, it
 * is an error and only the first file's rows count.
 */
import { workbookMeetmoment } from "../meetmoment-cell";
import { combine, keptIndexes, type Combined } from "../../core/combine";
import type { Finding } from "../../core/findings";
import type { LeftOutRow } from "../../core/region";
import type { TableReport } from "../../core/read";
import type { Records } from "../../core/records";
import type { SheetKey } from "../../core/schema";
import { validateTables } from "../../core/validate";
import type { Lang } from "../../core/vocabulary";
import type { WorkbookSnapshot } from "../port";
import { ledgerOf, type SheetLedger } from "./ledger";
import { leftOutFindings } from "./ledger-findings";
import { countedThrough } from "./formula-refs";
import { findSources, sourceTables, type SkippedSheet, type Source } from "./sources";
import type { ValidateFlowResult } from "./validate";

export interface FileInput {
  file: string;
  snapshot: WorkbookSnapshot;
  /**
   * The file already read on its own (`readSnapshot` with the same language and meetmoment): merge reads
   * each file while the worker threads still read the next ones.
   */
  read?: SnapshotReading;
}

/** One file read on its own: its sources and its validation. */
export interface SnapshotReading {
  sources: Source[];
  /** The sheets no source reads, and why (the ledger leaves their cells out with that reason). */
  skipped?: SkippedSheet[];
  result: ValidateFlowResult;
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

/** Read one snapshot: its sources, validated (the file alone). */
export function readSnapshot(
  snapshot: WorkbookSnapshot,
  opts: { lang?: Lang; meetmoment?: string | null } = {}
): SnapshotReading {
  const { sources, skipped } = findSources(snapshot);
  // The option wins; else the workbook's own (its Meetmoment cell, else its stamp). A cell that holds no
  // date is reported even when the option overrides it: it is still wrong in the workbook.
  const own = workbookMeetmoment(snapshot);
  const meetmoment = opts.meetmoment ?? own.meetmoment;
  const meetmomentCell = own.invalid
    ? { sheet: own.invalid.sheet, cell: own.invalid.cell, value: own.invalid.value }
    : null;
  const lang = opts.lang ?? "nl";
  const r = validateTables(sourceTables(sources), { meetmoment, meetmomentCell, lang });
  // A number the reading left out is always a finding (amount-left-out), whatever reads the file.
  const ledger = ledgerOf(snapshot, sources, skipped, r.reading.tables);
  const leftOut = leftOutFindings(ledger, r.findings, lang, countedThrough(snapshot, ledger));
  const findings = leftOut.length ? [...r.findings, ...leftOut] : r.findings;
  const warnings = r.warnings + leftOut.length;
  return { sources, skipped, result: { ...r, findings, warnings, meetmoment, ledger } };
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
 * rule left out. Computed on demand: the commands that only add up never pay for it.
 */
export function fileLedger(f: FileReading): SheetLedger[] {
  const skipped = f.skipped ?? findSources(f.snapshot).skipped;
  return ledgerOf(f.snapshot, f.sources, skipped, f.tables);
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
