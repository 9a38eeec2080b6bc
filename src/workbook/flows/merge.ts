/**
 * Merge: many entity workbooks into one template workbook. The files are read as `totals` reads them
 * (combine.ts: each file's sources, total rows and footnotes left out, then the overlap rule across the
 * files) and written as conversion writes a table (convert-table.ts: standard values, extra columns kept,
 * notes carried, what has no place on `Bewaard`). Every row keeps the file it came from (the column
 * `Bronbestand`; a row merged before keeps its first file); a project an earlier file has identically is
 * written once; one reported differently is written from both files and reported as an error. Each file
 * gets a summary of rows, errors and warnings (validated on its own, with its own meetmoment).
 */
import type { Finding } from "../../core/findings";
import type { TableReport } from "../../core/read";
import type { SheetKey } from "../../core/schema";
import { KEPT_SHEET, SHEETS } from "../../core/template";
import { TEMPLATE_VERSION, type Lang } from "../../core/vocabulary";
import type { SheetPlan, WorkbookPort } from "../port";
import { readFiles, type FileInput, type FileReading } from "./combine";
import { rowsOf } from "./convert";
import { buildTable } from "./convert-table";
import { carryNotes, KeptCells, keptSheetPlan, type Placements } from "./kept";
import { overviewPlan } from "./overview";
import { withComputedResults } from "./results";
import { instructionsSheet, listsSheet } from "./sheets";
import { claimedColumns, isPrimary, type Source } from "./sources";

export type MergeInput = FileInput;

export interface MergeFileSummary {
  file: string;
  meetmoment: string | null;
  rows: Record<SheetKey, number>;
  errors: number;
  warnings: number;
}

export interface MergeReport {
  files: MergeFileSummary[];
  /** Project codes found in more than one file (the overlap rule's findings say how). */
  duplicates: { projectCode: string; files: string[] }[];
  /** The overlap rule's findings: identical projects counted once (warning), different ones (error). */
  overlaps: Finding[];
  /** Rows written per template sheet. */
  rows: Record<SheetKey, number>;
  /** The meetmoment stamped on the result: the files' common one, else null. */
  meetmoment: string | null;
  /** Distinct meetmomenten of the inputs, when they differ. */
  meetmomenten: string[];
  /** Values kept on the merged workbook's `Bewaard` sheet. */
  kept: number;
  /** Every file's reading (sheets read, rows left out), for --verbose and JSON; not the snapshots. */
  readings: { file: string; tables: TableReport[] }[];
}

export interface MergeOptions {
  lang?: Lang;
  /** Called after each file is read and validated (progress). */
  onFile?: (file: string, index: number) => void;
  /**
   * Called once the merge is planned, before it is written: the caller lets go of the inputs, so that
   * their snapshots (a few hundred megabytes for 50 files) are freed while the workbook is written.
   */
  release?: () => void;
}

const zero = (): Record<SheetKey, number> => ({
  projects: 0,
  milestones: 0,
  indicators: 0,
  financing: 0,
});

/** Plan the merged workbook (pure). */
export function planMerge(
  inputs: readonly MergeInput[],
  opts: MergeOptions = {}
): { report: MergeReport; sheets: SheetPlan[] } {
  const lang = opts.lang ?? "nl";
  const reading = readFiles(inputs, { lang, onFile: opts.onFile });
  const perFile = reading.files.map((f) => rowsOf(f.sources, f.tables, f.file));
  const sheets: SheetPlan[] = [];
  const rows = zero();
  const kept = new KeptCells();
  const placed: Placements = new Map();
  const fileOf = new Map<Source, FileReading>();
  reading.files.forEach((f) => f.sources.forEach((s) => fileOf.set(s, f)));
  for (const spec of SHEETS) {
    const mine = perFile.flat().filter((i) => i.source.spec === spec);
    const built = buildTable(spec, mine, lang, {
      claimed: (s) => claimedColumns(s, fileOf.get(s)!.sources),
      primary: (s) => isPrimary(s, fileOf.get(s)!.sources),
      notedOnly: true,
    });
    rows[spec.key] = built.rows;
    // A sheet that feeds two template sheets (its code column in both) keeps each cell once.
    kept.add(built.kept);
    for (const [k, v] of built.placed) placed.set(k, v);
    sheets.push({ name: spec.name, mode: "replace", table: built.table, freezeRows: 1 });
  }
  // Notes on the files' table cells go with their values; those on cells kept on Bewaard go there.
  const notes = carryNotes(
    perFile.flat().map((i) => ({ origin: i.origin, sheet: i.source.sheet })),
    placed,
    kept.list,
    // A note that found no place (a user's note on a header or outside the table, or on a row counted
    // once) is kept on Bewaard with its cell, never dropped.
    { keepUnplaced: true }
  );
  for (const sp of sheets) if (notes.get(sp.name)?.length) sp.notes = notes.get(sp.name);
  if (kept.list.length) sheets.push(keptSheetPlan({ sheets: [], stamp: null }, kept.list, lang));
  const files = reading.files.map(summaryOf);
  const meetmomenten = [
    ...new Set(files.map((f) => f.meetmoment).filter((m): m is string => !!m)),
  ].sort();
  return {
    report: {
      files,
      duplicates: duplicatesOf(reading.files, reading.overlaps),
      overlaps: reading.overlaps,
      rows,
      meetmoment: meetmomenten.length === 1 ? meetmomenten[0] : null,
      meetmomenten,
      kept: kept.list.length,
      readings: reading.files.map((f) => ({ file: f.file, tables: f.tables })),
    },
    sheets,
  };
}

/** One input's line of the report: its rows per template sheet, findings and meetmoment. */
function summaryOf(f: FileReading): MergeFileSummary {
  const counts = zero();
  for (const t of f.result.reading.tables) counts[t.target] += t.rows;
  return {
    file: f.file,
    meetmoment: f.result.meetmoment,
    rows: counts,
    errors: f.result.errors,
    warnings: f.result.warnings,
  };
}

/** Project codes on Projecten or Financiering of more than one file, with the files. */
function duplicatesOf(
  files: FileReading[],
  overlaps: Finding[]
): { projectCode: string; files: string[] }[] {
  const codes = [...new Set(overlaps.map((f) => f.projectCode!))];
  return codes.map((code) => ({
    projectCode: code,
    files: files
      .filter((f) =>
        (["projects", "financing"] as const).some((k) =>
          (
            f.result.reading.columns[k].cols[k === "projects" ? "code" : "projectCode"] ?? []
          ).includes(code)
        )
      )
      .map((f) => f.file),
  }));
}

/** Merge the snapshots into the (empty) workbook behind `out`, with the overview. */
export async function mergeWorkbooks(
  inputs: readonly MergeInput[],
  out: WorkbookPort,
  opts: MergeOptions = {}
): Promise<MergeReport> {
  const lang = opts.lang ?? "nl";
  const { report, sheets } = planMerge(inputs, opts);
  opts.release?.();
  // The merged workbook starts empty: its tables are all the overview adds up. Bewaard is left out of
  // the values: no formula reads it, and its cells (240,000 for 50 workbooks in conflict) cost a second.
  const values = withComputedResults({ sheets: sheets.filter((s) => s.name !== KEPT_SHEET) }, null);
  await out.apply({
    sheets: [
      instructionsSheet(lang, report.meetmoment),
      ...sheets,
      overviewPlan({ lang, values }).sheet,
      listsSheet(),
    ],
    stamp: {
      templateVersion: TEMPLATE_VERSION,
      meetmoment: report.meetmoment,
      updatedAt: new Date().toISOString(),
    },
    print: { lang, meetmoment: report.meetmoment },
    activate: SHEETS[0].name,
  });
  return report;
}
