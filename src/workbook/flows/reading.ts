/**
 * Reading a workbook, as one line of stages, each in its own file:
 *
 * 1. locate the tables (locate-tables.ts): which region of which sheet feeds which template sheet, its
 *    header as a person reads it, hidden and superseded sheets and columns;
 * 2. account for every cell (account-cells.ts): the reading ledger (ledger.ts) gets each region read,
 *    the verdict on each of its columns, and the cells outside every region; the sheets left out whole
 *    were recorded by stage 1 as it decided;
 * 3. read the values (read-values.ts): formulas computed, the core reads and validates the tables, and
 *    the rows it leaves out go to the ledger with their reason.
 *
 * A stage that forgets a cell leaves it out of the ledger, which the invariant test catches.
 */
import { isBlank } from "../../core/cells";
import type { TableData } from "../../core/table";
import type { Lang } from "../../core/vocabulary";
import { workbookMeetmoment } from "../meetmoment-cell";
import type { WorkbookSnapshot } from "../port";
import { accountForCells } from "./account-cells";
import type { TableReport } from "../../core/read";
import { countedThrough } from "./formula-refs";
import { ReadingLedger, type SheetLedger } from "./ledger";
import { leftOutFindings } from "./ledger-findings";
import { locateTables, sheetsLeftOut, type Located } from "./locate-tables";
import { evaluateFormulas, readValues } from "./read-values";
import { OWN_SHEETS, sourceTables, type SkippedSheet, type Source } from "./sources";
import type { ValidateFlowResult } from "./validate";

/** One file read on its own: its sources, its validation, and where every cell went. */
export interface SnapshotReading {
  sources: Source[];
  /** The sheets no source reads, and why (the ledger leaves their cells out with that reason). */
  skipped?: SkippedSheet[];
  result: ValidateFlowResult;
  /** The reading ledger as the stages filled it (ledger.ts). */
  ledger?: ReadingLedger;
}

/**
 * The sources of a workbook with their formulas computed (stages 1 and the start of 3, no ledger): what
 * conversion, merge and the fingerprint of live validation read.
 */
export function findSources(snapshot: WorkbookSnapshot): Located {
  const located = locateTables(snapshot);
  return { sources: evaluateFormulas(snapshot, located.sources), skipped: located.skipped };
}

/** The tables validation (and every other reader) reads. */
export function tablesForValidation(snapshot: WorkbookSnapshot): TableData[] {
  return sourceTables(findSources(snapshot).sources);
}

/**
 * A workbook with data of which no sheet feeds a template sheet: converting or merging it would give an
 * empty template that looks fine. Commands refuse such a file.
 */
export function nothingRecognised(
  snapshot: WorkbookSnapshot,
  sources: readonly Source[] = findSources(snapshot).sources
): boolean {
  if (sources.length) return false;
  return snapshot.sheets.some(
    (s) =>
      !OWN_SHEETS.has(s.name) && (s.used?.values.some((r) => r.some((v) => !isBlank(v))) ?? false)
  );
}

/** Read one snapshot through the stages: its sources, validated (the file alone), and its ledger. */
export function readSnapshot(
  snapshot: WorkbookSnapshot,
  opts: { lang?: Lang; meetmoment?: string | null } = {}
): SnapshotReading {
  const ledger = new ReadingLedger();
  const located = locateTables(snapshot, ledger);
  accountForCells(located.sources, ledger);
  const sources = evaluateFormulas(snapshot, located.sources);
  // The option wins; else the workbook's own (its Meetmoment cell, else its stamp). A cell that holds no
  // date is reported even when the option overrides it: it is still wrong in the workbook.
  const own = workbookMeetmoment(snapshot);
  const meetmoment = opts.meetmoment ?? own.meetmoment;
  const meetmomentCell = own.invalid
    ? { sheet: own.invalid.sheet, cell: own.invalid.cell, value: own.invalid.value }
    : null;
  const lang = opts.lang ?? "nl";
  const r = readValues(sources, ledger, { meetmoment, meetmomentCell, lang });
  // A number the reading left out is always a finding (amount-left-out), whatever reads the file.
  const sheets = ledger.sheetsOf(snapshot);
  const leftOut = leftOutFindings(sheets, r.findings, lang, countedThrough(snapshot, sheets));
  const findings = leftOut.length ? [...r.findings, ...leftOut] : r.findings;
  const warnings = r.warnings + leftOut.length;
  return {
    sources,
    skipped: located.skipped,
    result: { ...r, findings, warnings, meetmoment, ledger: sheets },
    ledger,
  };
}

/**
 * The ledger of a reading done without one (conversion reads the columns itself): the stages' records
 * made from what they gave. `reports`: the reading's table reports (one per source, as readColumns
 * gives them).
 */
export function ledgerOf(
  snapshot: WorkbookSnapshot,
  sources: readonly Source[],
  skipped: readonly SkippedSheet[],
  reports: readonly TableReport[]
): SheetLedger[] {
  const ledger = new ReadingLedger();
  sheetsLeftOut(snapshot, skipped, ledger);
  accountForCells(sources, ledger);
  ledger.tableReports(reports);
  return ledger.sheetsOf(snapshot);
}
