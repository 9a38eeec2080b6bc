/**
 * Stage 1 of reading (reading.ts): locate the tables. Which part of which sheet feeds which template
 * sheet, and the decisions a person makes when looking at a workbook:
 *
 * - A sheet named like a template sheet feeds it (the exact name wins over a synonym such as "Budget";
 *   case does not count). On such a sheet every table whose header names the project code is read; a
 *   plain range is read from the row (among the first 30) that names most template columns.
 * - Sheets named like no template sheet feed one by their header row: the project code and at least two
 *   more columns of a template sheet that no sheet provides by name. Sheets whose headers name the same
 *   template columns form a stack (one sheet per cluster or per entity) and are read one after the other,
 *   each row keeping its sheet. A sheet may feed several template sheets: projects and money on one row.
 * - What a person sees wins: a hidden sheet feeds a template sheet only when no visible sheet does
 *   (hidden-superseded); a hidden column gives way to a visible one of the same template column
 *   (hidden-columns.ts). A unit stated about the table (above it, under it, in a note, in the sheet's
 *   name) is the amounts' (unit-stated.ts); labels merged
 *   over a two-row header and a code merged over several lines are read as a person reads them.
 */
import type { SheetKey } from "../../core/schema";
import { findSheetSpec, SHEETS, type SheetSpec } from "../../core/template";
import type { SheetSnapshot, WorkbookSnapshot } from "../port";
import { withHiddenColumns } from "./hidden-columns";
import type { ReadingLedger } from "./ledger";
import { OWN_SHEETS, type Region, type SkippedSheet, type Source } from "./sources";
import { headerMatch, regionsByName, withMergedCodes } from "./table-regions";
import { headersUnderUnit } from "./unit-stated";

/** What locating gives: the sources read, and the sheets left alone with why. */
export interface Located {
  sources: Source[];
  skipped: SkippedSheet[];
}

const MIN_HEADER_SCORE = 3;

/** What each sheet feeds: template sheets, the regions read for them, and how they were recognised. */
class Feeds extends Map<SheetSnapshot, { spec: SheetSpec; regions: Region[]; by: Source["by"] }[]> {
  add(sheet: SheetSnapshot, spec: SheetSpec, regions: Region[], by: Source["by"]): void {
    this.set(sheet, [...(this.get(sheet) ?? []), { spec, regions, by }]);
  }
}

/**
 * Stage 1 of reading: every source of a workbook (which region of which sheet feeds which template sheet,
 * with its header as a person reads it), in sheet order per template sheet; and the sheets left alone.
 * With a ledger, each sheet left out whole is recorded there with its reason as it is decided.
 */
export function locateTables(snapshot: WorkbookSnapshot, ledger?: ReadingLedger): Located {
  const candidates = snapshot.sheets.filter((s) => !OWN_SHEETS.has(s.name));
  const feeds = new Feeds();
  // What a person sees comes first: a hidden sheet feeds a template sheet only when no visible sheet
  // does (a hidden "Financiering (oud)" never wins over a visible "Financiering juni 2022").
  const visible = candidates.filter((s) => s.visible);
  const { byName, noHeader } = feedByName(visible, feeds);
  feedByHeaders(visible, feeds, byName);
  const fed = new Set([...feeds.values()].flatMap((f) => f.map((x) => x.spec.key)));
  const hidden = candidates.filter((s) => !s.visible);
  const superseded = new Map<SheetSnapshot, SheetSpec>();
  for (const sheet of hidden)
    for (const spec of SHEETS)
      if (fed.has(spec.key) && feedsAlone(sheet, spec)) superseded.set(sheet, spec);
  const late = feedByName(hidden, feeds, fed);
  for (const sheet of late.noHeader) noHeader.add(sheet);
  feedByHeaders(hidden, feeds, new Set([...fed, ...byName, ...late.byName]));
  const sources: Source[] = [];
  for (const spec of SHEETS)
    for (const sheet of snapshot.sheets)
      for (const f of feeds.get(sheet) ?? [])
        if (f.spec === spec)
          for (const region of f.regions) sources.push({ sheet, spec, region, by: f.by, stack: 0 });
  for (const s of sources) {
    s.stack = sources.filter((x) => x.spec === s.spec).length;
    const seen = withHiddenColumns(s.spec, s.sheet, s.region.firstColumn, s.region.headers);
    if (seen.hidden.length)
      s.region = { ...s.region, headers: seen.headers, hiddenColumns: seen.hidden };
    const headers = headersUnderUnit(s.spec, s.sheet, s.region);
    if (headers !== s.region.headers) s.region = { ...s.region, headers };
    s.region = withMergedCodes(s.spec, s.sheet, s.region);
  }
  const skipped: SkippedSheet[] = candidates
    .filter((s) => !feeds.has(s))
    .map((sheet) => {
      const spec = findSheetSpec(sheet.name) ?? superseded.get(sheet) ?? null;
      return {
        sheet,
        spec,
        reason: superseded.has(sheet)
          ? "hidden-superseded"
          : noHeader.has(sheet)
            ? "no-header"
            : spec
              ? "other-sheet"
              : "not-template",
      };
    });
  if (ledger) sheetsLeftOut(snapshot, skipped, ledger);
  return { sources, skipped };
}

/** Record the sheets left out whole: own sheets (counted only), and those no source reads, with why. */
export function sheetsLeftOut(
  snapshot: WorkbookSnapshot,
  skipped: readonly SkippedSheet[],
  ledger: ReadingLedger
): void {
  for (const s of snapshot.sheets) if (OWN_SHEETS.has(s.name)) ledger.wholeSheet(s.name, "own");
  for (const s of skipped) ledger.wholeSheet(s.sheet.name, s.reason);
}

/** Whether a sheet would feed a template sheet on its own (by its name, or by its header row). */
function feedsAlone(sheet: SheetSnapshot, spec: SheetSpec): boolean {
  if (findSheetSpec(sheet.name)?.key === spec.key) return regionsByName(spec, sheet).length > 0;
  const m = headerMatch(spec, sheet);
  return m !== null && m.score >= MIN_HEADER_SCORE;
}

/** Sheets named as a template sheet (or a synonym): the template sheets they feed, those without a header. */
function feedByName(
  candidates: readonly SheetSnapshot[],
  feeds: Feeds,
  fed: ReadonlySet<SheetKey> = new Set()
) {
  const byName = new Set<SheetKey>();
  const noHeader = new Set<SheetSnapshot>();
  for (const spec of SHEETS) {
    if (fed.has(spec.key)) continue;
    const exact = candidates.find(
      (s) => s.name.toLocaleLowerCase() === spec.name.toLocaleLowerCase()
    );
    const pick = exact ?? candidates.find((s) => findSheetSpec(s.name)?.key === spec.key);
    if (!pick) continue;
    const regions = regionsByName(spec, pick);
    if (regions.length === 0) {
      noHeader.add(pick);
      continue;
    }
    feeds.add(pick, spec, regions, "name");
    byName.add(spec.key);
  }
  return { byName, noHeader };
}

/** Sheets named like no template sheet: recognised by their header row, stacked by shape. */
function feedByHeaders(
  candidates: readonly SheetSnapshot[],
  feeds: Feeds,
  byName: ReadonlySet<SheetKey>
): void {
  const unnamed = candidates.filter((s) => !findSheetSpec(s.name) && !feeds.has(s));
  for (const spec of SHEETS) {
    if (byName.has(spec.key)) continue;
    const groups = new Map<string, { sheet: SheetSnapshot; region: Region; score: number }[]>();
    for (const sheet of unnamed) {
      const m = headerMatch(spec, sheet);
      if (!m || m.score < MIN_HEADER_SCORE) continue;
      groups.set(m.keys, [
        ...(groups.get(m.keys) ?? []),
        { sheet, region: m.region, score: m.score },
      ]);
    }
    const best = [...groups.values()].sort(
      (a, b) => b[0].score - a[0].score || b.length - a.length
    )[0];
    for (const g of best ?? []) feeds.add(g.sheet, spec, [g.region], "headers");
  }
}
