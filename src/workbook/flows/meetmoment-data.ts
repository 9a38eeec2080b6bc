/**
 * One meetmoment's data as key figures and comparisons need it: the records, where each came from
 * (file, sheet, row: for links and messages), and the findings that mean a value these figures count could
 * not be read ("gaps"), so that a figure is either right or the tool says what it left out.
 */
import type { Finding } from "../../core/findings";
import { readColumns, recordsOf } from "../../core/read";
import type { Records } from "../../core/records";
import type { SheetKey } from "../../core/schema";
import { findSheetSpec, SHEET_BY_KEY } from "../../core/template";
import type { Lang } from "../../core/vocabulary";
import type { WorkbookSnapshot } from "../port";
import { tablesForValidation } from "./sources";
import { validateSnapshot } from "./validate";

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
  /**
   * Projects found on Projecten of more than one file: their milestones are taken from the first file only
   * (else they would count twice); here, per later file, how many milestones were left out.
   */
  overlaps: { file: string; code: string; milestones: number }[];
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
  const lang = opts.lang ?? "nl";
  const v = validateSnapshot(snapshot, { meetmoment: opts.meetmoment, lang });
  // The parse again, for the rows of the records (validation keeps them to itself).
  const read = readColumns(tablesForValidation(snapshot), { lang });
  const records = recordsOf(read.columns);
  const at = (key: CountedSheet): RecordAt[] =>
    Array.from({ length: read.refs[key].length }, (_, i) => {
      const r = read.refs[key].get(i);
      return opts.file
        ? { file: opts.file, sheet: r.sheet, row: r.row }
        : { sheet: r.sheet, row: r.row };
    });
  return {
    meetmoment: v.meetmoment,
    records: {
      projects: records.projects,
      milestones: records.milestones,
      financing: records.financing,
    },
    at: { projects: at("projects"), milestones: at("milestones"), financing: at("financing") },
    errors: v.findings
      .filter(
        (f) => f.severity === "error" && (f.target ?? findSheetSpec(f.sheet)?.key) !== "indicators"
      )
      .map((f) => (opts.file ? { ...f, file: opts.file } : f)),
    meetmomenten: v.meetmoment ? [v.meetmoment] : [],
    overlaps: [],
  };
}

/**
 * Several files of one meetmoment as one: their rows one after the other, as `totals` reads them. A project
 * on Projecten of more than one file counts once: the key figures skip its later Projecten and Financiering
 * rows (and say so), and its milestones come from the first file that has it (the others are left out here
 * and counted in `overlaps`), so that nothing counts twice.
 */
export function combineMeetmoment(
  parts: readonly MeetmomentData[],
  meetmoment?: string | null
): MeetmomentData {
  const seen = new Set<string>();
  const overlaps: MeetmomentData["overlaps"] = [];
  const milestones: { records: Records["milestones"]; at: RecordAt[] } = { records: [], at: [] };
  for (const p of parts) {
    const mine = new Set(p.records.projects.map((x) => x.code).filter(Boolean));
    const earlier = new Set([...mine].filter((c) => seen.has(c)));
    const left = new Map<string, number>();
    p.records.milestones.forEach((m, i) => {
      if (earlier.has(m.projectCode)) left.set(m.projectCode, (left.get(m.projectCode) ?? 0) + 1);
      else {
        milestones.records.push(m);
        milestones.at.push(p.at.milestones[i]);
      }
    });
    for (const code of earlier)
      overlaps.push({ file: p.at.projects[0]?.file ?? "", code, milestones: left.get(code) ?? 0 });
    for (const c of mine) seen.add(c);
  }
  const meetmomenten = [...new Set(parts.flatMap((p) => p.meetmomenten))].sort();
  return {
    meetmoment: meetmoment ?? (meetmomenten.length === 1 ? meetmomenten[0] : null),
    records: {
      projects: parts.flatMap((p) => p.records.projects),
      milestones: milestones.records,
      financing: parts.flatMap((p) => p.records.financing),
    },
    at: {
      projects: parts.flatMap((p) => p.at.projects),
      milestones: milestones.at,
      financing: parts.flatMap((p) => p.at.financing),
    },
    errors: parts.flatMap((p) => p.errors),
    meetmomenten,
    overlaps,
  };
}
