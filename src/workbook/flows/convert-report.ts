/** The conversion report's entry for each sheet: kept as it was, created, unchanged, converted or moved. */
import { cellText, columnLetter } from "../../core/cells";
import type { SheetSpec } from "../../core/template";
import type { ColumnMapping, SheetConversion } from "./convert";
import type { buildTable, SourceRows } from "./convert-table";
import type { SkippedSheet } from "./sources";

const SKIP_NOTE = {
  "other-sheet": (spec: SheetSpec) => ({
    nl: `een ander tabblad wordt '${spec.name}'`,
    en: `another sheet becomes '${spec.name}'`,
  }),
  "no-header": () => ({ nl: "geen enkele kolomkop herkend", en: "no column header recognised" }),
  "not-template": () => ({ nl: "geen tabblad van het sjabloon", en: "not a template sheet" }),
  "hidden-superseded": (spec: SheetSpec) => ({
    nl: `verborgen tabblad: een zichtbaar tabblad wordt '${spec.name}'`,
    en: `hidden sheet: a visible sheet becomes '${spec.name}'`,
  }),
};

export function keptAsItWas(s: SkippedSheet): SheetConversion {
  return {
    source: s.sheet.name,
    target: null,
    action: "kept",
    headerRow: null,
    rows: 0,
    columns: [],
    note:
      s.spec && (s.reason === "other-sheet" || s.reason === "hidden-superseded")
        ? SKIP_NOTE[s.reason](s.spec)
        : SKIP_NOTE[s.reason === "no-header" ? "no-header" : "not-template"](),
  };
}

export function created(spec: SheetSpec): SheetConversion {
  return {
    source: spec.name,
    target: spec.name,
    action: "created",
    headerRow: 1,
    rows: 0,
    columns: spec.columns.map((c) => ({ from: null, header: null, to: c.header, how: "added" })),
  };
}

export function unchanged(spec: SheetSpec, input: SourceRows, rows: number): SheetConversion {
  const r = input.source.region;
  return {
    source: input.source.sheet.name,
    target: spec.name,
    action: "unchanged",
    headerRow: 1,
    rows,
    columns: r.headers.map((h, i) => ({
      from: columnLetter(i),
      header: cellText(h),
      to: cellText(h),
      how: i < spec.columns.length ? "exact" : "extra",
    })),
  };
}

export function converted(
  spec: SheetSpec,
  mine: SourceRows[],
  built: ReturnType<typeof buildTable>
): SheetConversion[] {
  const found = new Set(built.columns.filter((c) => c.how !== "extra").map((c) => c.to));
  const added: ColumnMapping[] = spec.columns
    .filter((c) => !found.has(c.header))
    .map((c) => ({ from: null, header: null, to: c.header, how: "added" }));
  const sheets = [...new Set(mine.map((m) => m.source.sheet))];
  return sheets.map((sheet, k) => {
    const own = mine.filter((m) => m.source.sheet === sheet);
    const rows = own.reduce((n, m) => n + m.kinds.filter((kind) => kind === "data").length, 0);
    const moved = sheet.name.toLocaleLowerCase() !== spec.name.toLocaleLowerCase();
    return {
      source: sheet.name,
      target: spec.name,
      action: moved ? "moved" : "converted",
      headerRow: own[0].source.region.headerRow,
      rows,
      columns: (k === 0 ? [...built.columns, ...added] : built.columns) as ColumnMapping[],
    };
  });
}
