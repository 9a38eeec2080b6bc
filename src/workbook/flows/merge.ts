/**
 * Merge: many entity workbooks into one template workbook. Every row keeps the file it came from (the
 * column `Bronbestand`); columns map by header, extra columns are kept (one per distinct header across
 * the files); project codes that occur in more than one file are reported; each file gets a summary of
 * rows, errors and warnings (validated on its own, with its own meetmoment).
 */
import { isBlank, toScalar } from "../../core/cells";
import {
  findSheetSpec,
  mapHeaders,
  SHEETS,
  SOURCE_COLUMN,
  type SheetSpec,
} from "../../core/template";
import type { SheetKey } from "../../core/schema";
import { TEMPLATE_VERSION, type Lang } from "../../core/vocabulary";
import type { SheetPlan, WorkbookPort, WorkbookSnapshot } from "../port";
import { templateTable } from "./common";
import { tablesForValidation } from "./sources";
import { overviewPlan } from "./overview";
import { withComputedResults } from "./results";
import { instructionsSheet, listsSheet } from "./sheets";
import { validateSnapshot } from "./validate";

export interface MergeInput {
  file: string;
  snapshot: WorkbookSnapshot;
}

export interface MergeFileSummary {
  file: string;
  meetmoment: string | null;
  rows: Record<SheetKey, number>;
  errors: number;
  warnings: number;
}

export interface MergeReport {
  files: MergeFileSummary[];
  /** Project codes found on Projecten in more than one file. */
  duplicates: { projectCode: string; files: string[] }[];
  rows: Record<SheetKey, number>;
  /** The meetmoment stamped on the result: the files' common one, else null. */
  meetmoment: string | null;
  /** Distinct meetmomenten of the inputs, when they differ. */
  meetmomenten: string[];
}

export interface MergeOptions {
  lang?: Lang;
  /** Called after each file is read and validated (progress). */
  onFile?: (file: string, index: number) => void;
}

const text = (v: unknown) => (isBlank(v) ? "" : String(toScalar(v)).trim());
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
  const rowsBySheet = new Map<
    SheetKey,
    { template: unknown[]; extra: Map<string, unknown>; file: string }[]
  >();
  const extrasBySheet = new Map<SheetKey, string[]>();
  const codeFiles = new Map<string, Set<string>>();
  const files: MergeFileSummary[] = [];
  inputs.forEach((input, n) => {
    const v = validateSnapshot(input.snapshot, { lang });
    const counts = zero();
    for (const t of tablesForValidation(input.snapshot)) {
      const spec = findSheetSpec(t.sheet) as SheetSpec;
      const map = mapHeaders(spec, t.headers);
      const extras = extrasBySheet.get(spec.key) ?? [];
      extrasBySheet.set(spec.key, extras);
      const unmapped = map.unmapped.filter((i) => text(t.headers[i]) !== SOURCE_COLUMN);
      for (const i of unmapped) {
        const h = text(t.headers[i]) || `Kolom ${i + 1}`;
        if (!extras.includes(h)) extras.push(h);
      }
      const sourceIdx = t.headers.findIndex((h) => text(h) === SOURCE_COLUMN);
      const list = rowsBySheet.get(spec.key) ?? [];
      rowsBySheet.set(spec.key, list);
      for (const row of t.rows) {
        if (row.every((c) => isBlank(c))) continue;
        counts[spec.key]++;
        const template = spec.columns.map((c) => {
          const i = map.indexOf.get(c.key);
          return i === undefined || c.kind === "computed" ? null : row[i];
        });
        const extra = new Map<string, unknown>();
        for (const i of unmapped)
          if (!isBlank(row[i])) extra.set(text(t.headers[i]) || `Kolom ${i + 1}`, row[i]);
        // A row merged before keeps its first source file.
        const file = sourceIdx >= 0 && !isBlank(row[sourceIdx]) ? text(row[sourceIdx]) : input.file;
        list.push({ template, extra, file });
        if (spec.key === "projects") {
          const code = text(
            template[spec.columns.findIndex((c) => c.key === "code")]
          ).toUpperCase();
          if (code) codeFiles.set(code, (codeFiles.get(code) ?? new Set()).add(input.file));
        }
      }
    }
    files.push({
      file: input.file,
      meetmoment: v.meetmoment,
      rows: counts,
      errors: v.errors,
      warnings: v.warnings,
    });
    opts.onFile?.(input.file, n);
  });
  const sheets: SheetPlan[] = [];
  const rows = zero();
  for (const spec of SHEETS) {
    const list = rowsBySheet.get(spec.key) ?? [];
    const extras = extrasBySheet.get(spec.key) ?? [];
    rows[spec.key] = list.length;
    const body = list.map((r) => [
      ...r.template,
      ...extras.map((h) => r.extra.get(h) ?? null),
      r.file,
    ]);
    sheets.push({
      name: spec.name,
      mode: "replace",
      table: templateTable(spec, body, lang, [...extras, SOURCE_COLUMN]),
      freezeRows: 1,
    });
  }
  const duplicates = [...codeFiles]
    .filter(([, f]) => f.size > 1)
    .map(([projectCode, f]) => ({ projectCode, files: [...f] }));
  const meetmomenten = [
    ...new Set(files.map((f) => f.meetmoment).filter((m): m is string => !!m)),
  ].sort();
  return {
    report: {
      files,
      duplicates,
      rows,
      meetmoment: meetmomenten.length === 1 ? meetmomenten[0] : null,
      meetmomenten,
    },
    sheets,
  };
}

/** Merge the snapshots into the (empty) workbook behind `out`, with the overview. */
export async function mergeWorkbooks(
  inputs: readonly MergeInput[],
  out: WorkbookPort,
  opts: MergeOptions = {}
): Promise<MergeReport> {
  const lang = opts.lang ?? "nl";
  const { report, sheets } = planMerge(inputs, opts);
  // The merged workbook starts empty: its tables are all the overview adds up.
  const values = withComputedResults({ sheets }, null);
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
    activate: SHEETS[0].name,
  });
  return report;
}
