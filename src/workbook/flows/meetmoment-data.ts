/**
 * One meetmoment's data as key figures and comparisons need it: the records, where each came from
 * (file, sheet, row: for links and messages), and the findings that mean a value these figures count could
 * not be read ("gaps"), so that a figure is either right or the tool says what it left out.
 */
import type { Finding } from "../../core/findings";
import { keptIndexes } from "../../core/combine";
import type { Records } from "../../core/records";
import type { SheetKey } from "../../core/schema";
import { findSheetSpec, SHEET_BY_KEY } from "../../core/template";
import type { Lang } from "../../core/vocabulary";
import type { WorkbookSnapshot } from "../port";
import { readFiles, type FileInput } from "./combine";

/** Where a record sits. */
export interface RecordAt {
  file?: string;
  sheet: string;
  /** 1-based Excel row. */
  row: number;
}

export type CountedSheet = Exclude<SheetKey, "indicators">;

export interface MeetmomentData {
  meetmoment: string | null;
  records: Pick<Records, CountedSheet>;
  /** Per sheet, parallel to the records. */
  at: Record<CountedSheet, RecordAt[]>;
  /** The validation errors on Projecten, Mijlpalen and Financiering (gapsFor picks those a use counts). */
  errors: Finding[];
  /** The distinct meetmomenten of the files, when they differ (the figures then use `meetmoment`). */
  meetmomenten: string[];
}

/** The columns each use reads, per sheet (by schema key): an error there means a value left out. */
export const COUNTED_COLUMNS = {
  keyFigures: {
    projects: ["code", "status"],
    milestones: ["status"],
    financing: ["projectCode", "begroot", "update", "vak", "vek"],
  },
  comparison: {
    projects: ["code", "status"],
    milestones: ["projectCode", "name", "timing", "status"],
    financing: ["projectCode", "vak", "vek"],
  },
} as const satisfies Record<string, Record<CountedSheet, readonly string[]>>;

/**
 * Rules that mean a value could not be read (or a row would count twice). Coherence rules (VEK above VAK,
 * unknown project) are validation's business: the value itself was read.
 */
const UNREAD_RULES = new Set([
  "sheet-missing",
  "column-missing",
  "cell-error",
  "code-format",
  "code-range",
  "type-amount",
  "amount-negative",
  "enum-value",
  "timing-format",
  "code-duplicate",
  "financing-duplicate",
  // Files that report one project differently: only the first file's rows count.
  "overlap-conflict",
]);

/**
 * The errors among `findings` that touch a column `use` counts (or a counted sheet that is missing):
 * the figures cannot include those values, and say so. For the key figures a blank status or budget is
 * one too (the row is counted apart, or its budget is missing); for the comparison a blank is a value.
 */
export function gapsFor(
  findings: readonly Finding[],
  use: keyof typeof COUNTED_COLUMNS
): Finding[] {
  return findings.filter((f) => {
    if (f.severity !== "error") return false;
    if (!UNREAD_RULES.has(f.rule) && !(use === "keyFigures" && f.rule === "required")) return false;
    // The template sheet a finding belongs to (its own sheet may be named otherwise: a stack of sheets).
    const spec = f.target ? SHEET_BY_KEY[f.target] : findSheetSpec(f.sheet);
    if (!spec || spec.key === "indicators") return false;
    if (f.column === null) return f.rule === "sheet-missing";
    const keys: readonly string[] = COUNTED_COLUMNS[use][spec.key];
    return spec.columns.some((c) => c.header === f.column && keys.includes(c.key));
  });
}

/** Read one workbook's meetmoment data. `meetmoment` overrides the workbook's own. */
export function readMeetmoment(
  snapshot: WorkbookSnapshot,
  opts: { file?: string; meetmoment?: string | null; lang?: Lang } = {}
): MeetmomentData {
  return readMeetmomentFiles([{ file: opts.file ?? "", snapshot }], {
    ...opts,
    named: opts.file !== undefined,
  });
}

const COUNTED: readonly CountedSheet[] = ["projects", "milestones", "financing"];

/**
 * Several files of one meetmoment as one, read as `totals` and `merge` read them (readFiles): a project
 * reported by more than one file counts once; reported differently, the first file's rows count and the
 * conflict is an error that the figures name. `named`: records say their file (default: more than one).
 */
export function readMeetmomentFiles(
  inputs: readonly FileInput[],
  opts: { meetmoment?: string | null; lang?: Lang; named?: boolean } = {}
): MeetmomentData {
  const reading = readFiles(inputs, { lang: opts.lang, meetmoment: opts.meetmoment });
  const named = opts.named ?? inputs.length > 1;
  const records: MeetmomentData["records"] = { projects: [], milestones: [], financing: [] };
  const at: MeetmomentData["at"] = { projects: [], milestones: [], financing: [] };
  reading.files.forEach((f, k) => {
    const { columns, refs } = f.result.reading;
    for (const sheet of COUNTED)
      for (const i of keptIndexes({ file: f.file, columns, refs }, sheet, reading.dropped[k])) {
        (records[sheet] as unknown[]).push(f.result.records[sheet][i]);
        const r = refs[sheet].get(i);
        at[sheet].push(
          named ? { file: f.file, sheet: r.sheet, row: r.row } : { sheet: r.sheet, row: r.row }
        );
      }
  });
  const counted = (f: Finding) =>
    f.severity === "error" && (f.target ?? findSheetSpec(f.sheet)?.key) !== "indicators";
  const errors = [
    ...reading.files.flatMap((f) =>
      f.result.findings.filter(counted).map((x) => (named ? { ...x, file: f.file } : x))
    ),
    ...reading.overlaps.filter(counted),
  ];
  const meetmomenten = [
    ...new Set(reading.files.map((f) => f.result.meetmoment).filter((m): m is string => !!m)),
  ].sort();
  return {
    meetmoment: opts.meetmoment ?? (meetmomenten.length === 1 ? meetmomenten[0] : null),
    records,
    at,
    errors,
    meetmomenten,
  };
}
