/**
 * The demo: the June 2022 report (data/vlaamse-veerkracht-2022-06.json, all 180 projects) written into
 * the template, with the overview, stamped with the report's meetmoment (2022-06-01).
 */
import dataset from "../../../data/vlaamse-veerkracht-2022-06.json";
import { isBlank } from "../../core/cells";
import { loadDataset, recordToRow, type LoadedDataset } from "../../core/dataset";
import { SHEETS } from "../../core/template";
import { TEMPLATE_VERSION, type Lang } from "../../core/vocabulary";
import type { SheetPlan, WorkbookPort, WorkbookSnapshot, WritePlan } from "../port";
import { templateTable } from "./common";
import { overviewPlan, type FormulaBuilder } from "./overview";
import { withComputedResults } from "./results";
import { instructionsSheet, listsSheet } from "./sheets";

export function demoDataset(): LoadedDataset {
  return loadDataset(dataset);
}

/** The demo as one write plan: instructions, the four tables filled, the overview, the lists, the stamp. */
export function demoPlan(
  opts: { lang?: Lang; formula?: FormulaBuilder; data?: LoadedDataset } = {}
): WritePlan {
  const lang = opts.lang ?? "nl";
  const d = opts.data ?? demoDataset();
  const tables: SheetPlan[] = SHEETS.map((s) => ({
    name: s.name,
    mode: "replace" as const,
    table: templateTable(
      s,
      (d.records[s.key] as object[]).map((r) => recordToRow(s.key, r)),
      lang
    ),
    freezeRows: 1,
  }));
  // The workbook starts empty: the tables are all its cells the overview adds up.
  const values = withComputedResults({ sheets: tables }, null);
  return {
    sheets: [
      instructionsSheet(lang, d.meetmoment),
      ...tables,
      overviewPlan({ lang, formula: opts.formula, values }).sheet,
      listsSheet(),
    ],
    stamp: {
      templateVersion: TEMPLATE_VERSION,
      meetmoment: d.meetmoment,
      updatedAt: new Date().toISOString(),
    },
    print: { lang, meetmoment: d.meetmoment },
    activate: SHEETS[0].name,
  };
}

/** True when a template sheet of the snapshot holds any value (the demo must not overwrite it). */
export function hasTemplateData(snapshot: WorkbookSnapshot): string | null {
  for (const s of snapshot.sheets) {
    if (!SHEETS.some((t) => t.name === s.name)) continue;
    const cells = s.tables.length
      ? s.tables.flatMap((t) => t.rows)
      : (s.used?.values.slice(1) ?? []);
    if (
      cells.some((r) =>
        r.some((v) => !isBlank(v) && !(typeof v === "object" && v !== null && "formula" in v))
      )
    )
      return s.name;
  }
  return null;
}

/** Write the demo into the workbook behind `port`; refuses when a template sheet already holds data. */
export async function writeDemo(
  port: WorkbookPort,
  opts: { lang?: Lang; formula?: FormulaBuilder } = {}
): Promise<LoadedDataset> {
  const snapshot = await port.read();
  const busy = hasTemplateData(snapshot);
  if (busy) {
    throw new Error(
      (opts.lang ?? "nl") === "nl"
        ? `Het tabblad '${busy}' bevat al gegevens: de demo schrijft alleen in een lege werkmap.`
        : `The sheet '${busy}' already holds data: the demo only writes into an empty workbook.`
    );
  }
  const data = demoDataset();
  await port.apply(demoPlan({ ...opts, data }));
  return data;
}
