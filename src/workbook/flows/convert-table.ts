/**
 * One template table built from its sources (one sheet, a stack of sheets, the tables of a sheet):
 * data rows in the standard form, unmapped columns as extra columns, and everything else kept on
 * `Bewaard` with where it was and why. Records where every source cell went, so that notes follow.
 */
import { cellText, columnLetter, isBlank, isUncomputedFormula } from "../../core/cells";
import { canonicalValues } from "../../core/canonical";
import type { RowKind } from "../../core/region";
import {
  computedFormula,
  mapHeaders,
  SOURCE_COLUMN,
  SOURCE_SHEET_COLUMN,
  type ColumnSpec,
  type HeaderMapping,
  type SheetSpec,
} from "../../core/template";
import type { Lang } from "../../core/vocabulary";
import { parseRange } from "../address";
import type { TablePlan, WriteValue } from "../port";
import { builtTable, formulaText, isFormulaCell, keptValue, toWriteValue } from "./common";
import { placeKey, REASON, type KeptCell, type Placements, type Reason } from "./kept";
import { regionCell, type Source } from "./sources";

/** A source with how its rows were read: row index → kind. */
export interface SourceRows {
  source: Source;
  kinds: RowKind[];
  /** Where its cells are said to come from (Bewaard, placements): the sheet, or "file › sheet". */
  origin: string;
  /** Merge: the file it comes from (the table gets a Bronbestand column). */
  file?: string;
  /** Data rows not to write (identical to a row of an earlier file). */
  skip?: ReadonlySet<number>;
  /**
   * Data rows in conflict with an earlier file's (merge): not written into the table, which the
   * Overzicht's formulas add up, but kept on Bewaard, every cell with the reason.
   */
  conflict?: ReadonlySet<number>;
}

export interface BuildOptions {
  /** The column indexes of a source that another template sheet fed by the same sheet takes. */
  claimed: (s: Source) => ReadonlySet<number>;
  /** Whether this template sheet gets the source's unmapped columns. */
  primary: (s: Source) => boolean;
  /**
   * Record where only the cells with a note went (merge: placements serve only to carry notes). Convert
   * records every cell, because what went nowhere is kept on Bewaard; for 100,000 rows that is two
   * million map entries, which a merge does not need.
   */
  notedOnly?: boolean;
}

export interface BuiltTable {
  table: TablePlan;
  rows: number;
  columns: { from: string | null; header: string | null; to: string; how: string }[];
  kept: KeptCell[];
  placed: Placements;
}

/**
 * Whether a cell holds nothing to keep. A formula whose result is "" (`=IF(B3="","",B3*2)`) is blank to
 * the readers but is the user's work: conversion keeps it (issue 21, item 4).
 */
const holdsNothing = (v: unknown) => isBlank(v) && !isFormulaCell(v);

/** Columns of a source that carry where its rows came from (a merge of merges, a converted stack). */
const PROVENANCE = [SOURCE_COLUMN, SOURCE_SHEET_COLUMN];

/** One source planned: its header mapping, its extra columns, where its provenance columns are. */
interface SourcePlan {
  input: SourceRows;
  map: HeaderMapping;
  extras: { index: number; header: string }[];
  provenance: Map<string, number>;
}

/** A source's extra columns: unmapped, not another template sheet's, with a header or a value. */
function planSource(
  spec: SheetSpec,
  input: SourceRows,
  merged: boolean,
  { claimed, primary }: BuildOptions
): SourcePlan {
  const r = input.source.region;
  const map = mapHeaders(spec, r.headers);
  const mapped = new Set(map.indexOf.values());
  const width = r.rows.reduce((w, x) => Math.max(w, x.length), r.headers.length);
  const provenance = new Map(
    PROVENANCE.map((h) => [h, r.headers.findIndex((x) => cellText(x).trim() === h)])
  );
  const extras: { index: number; header: string }[] = [];
  if (!primary(input.source)) return { input, map, extras, provenance };
  for (let i = 0; i < width; i++) {
    if (mapped.has(i) || claimed(input.source).has(i)) continue;
    // Our own provenance columns are written again as such (Bronbestand only by a merge).
    if (i === provenance.get(SOURCE_SHEET_COLUMN)) continue;
    if (merged && i === provenance.get(SOURCE_COLUMN)) continue;
    const used =
      !isBlank(r.headers[i]) ||
      r.rows.some((row, k) => input.kinds[k] === "data" && !holdsNothing(row[i]));
    if (!used) continue;
    const base = cellText(r.headers[i]) || `Kolom ${columnLetter(r.firstColumn + i)}`;
    // Two columns of one sheet with the same header stay two columns ("X", "X (2)").
    let header = base;
    for (let n = 2; extras.some((e) => e.header === header); n++) header = `${base} (${n})`;
    extras.push({ index: i, header });
  }
  return { input, map, extras, provenance };
}

/**
 * Build the table of `spec` from its sources (projects and money on one row: a sheet may feed several
 * template sheets, each takes its own columns and the first gets the others as extra columns).
 */
export function buildTable(
  spec: SheetSpec,
  inputs: readonly SourceRows[],
  lang: Lang,
  opts: BuildOptions
): BuiltTable {
  const merged = inputs.some((i) => i.file !== undefined);
  const plans = inputs.map((input) => planSource(spec, input, merged, opts));
  // A stack (several sheets of one file) gets the row's sheet; a merge gets the row's file.
  const perFile = new Map<string | undefined, Set<string>>();
  for (const i of inputs)
    perFile.set(i.file, (perFile.get(i.file) ?? new Set()).add(i.source.sheet.name));
  const stacked =
    [...perFile.values()].some((sheets) => sheets.size > 1) ||
    plans.some((p) => p.provenance.get(SOURCE_SHEET_COLUMN)! >= 0);
  const extras = [
    ...new Set(plans.flatMap((p) => p.extras.map((e) => e.header))),
    ...(stacked ? [SOURCE_SHEET_COLUMN] : []),
    ...(merged ? [SOURCE_COLUMN] : []),
  ];
  const b = new TableBuilder(spec, extras, opts.notedOnly ?? false);
  for (const p of plans) b.source(p);
  const table = builtTable(spec, b.rows, lang, extras);
  noteHiddenTwins(table, spec, plans, extras, lang);
  return {
    table,
    rows: b.rows.length,
    columns: dedupeColumns(plans.flatMap((p) => columnsOf(spec, p.input.source, p.map, p.extras))),
    kept: b.kept,
    placed: b.placed,
  };
}

/**
 * An extra column that was a hidden column superseded by its visible twin (hidden-columns.ts) says so in
 * a note on its header: its values were not read, the visible column's were.
 */
function noteHiddenTwins(
  table: TablePlan,
  spec: SheetSpec,
  plans: readonly SourcePlan[],
  extras: readonly string[],
  lang: Lang
): void {
  for (const p of plans) {
    const r = p.input.source.region;
    for (const h of r.hiddenColumns ?? []) {
      if (h.supersededBy === undefined) continue;
      const e = p.extras.find((x) => x.index === h.index);
      if (!e || !table.headerNotes) continue;
      const hidden = columnLetter(r.firstColumn + h.index);
      const visible = columnLetter(r.firstColumn + h.supersededBy);
      table.headerNotes[spec.columns.length + extras.indexOf(e.header)] =
        lang === "en"
          ? `Hidden column ${hidden} of '${p.input.origin}': the visible column ${visible} with the same header was read; these values do not count.`
          : `Verborgen kolom ${hidden} van '${p.input.origin}': de zichtbare kolom ${visible} met dezelfde kop is gelezen; deze waarden tellen niet mee.`;
    }
  }
}

/** Writes the rows of a table, source by source, keeping what has no place and where every cell went. */
class TableBuilder {
  readonly rows: WriteValue[][] = [];
  readonly kept: KeptCell[] = [];
  readonly placed: Placements = new Map();
  private readonly headers: string[];
  /** With `notedOnly`: the noted cells of each source sheet, as row * 2^14 + column (0-based). */
  private readonly noted = new Map<SourcePlan, Set<number>>();
  /** Per source, the source column of each table column (columnsOf). */
  private readonly at = new Map<SourcePlan, (number | undefined)[]>();
  private readonly canonical = canonicalValues();

  constructor(
    private readonly spec: SheetSpec,
    private readonly extras: string[],
    private readonly notedOnly: boolean
  ) {
    this.headers = [...spec.columns.map((c) => c.header), ...extras];
  }

  source(p: SourcePlan): void {
    const r = p.input.source.region;
    if (this.notedOnly) this.noted.set(p, notedCells(p.input.source));
    this.headerCells(p);
    r.rows.forEach((src, i) => {
      const kind = p.input.kinds[i];
      if (kind !== "data") {
        // A blank row may still hold formulas with an empty result (a prepared row): kept too.
        const reason = REASON[kind === "blank" ? "emptyFormula" : kind];
        src.forEach((v, j) => holdsNothing(v) || this.keep(p, i, j, keptValue(v), reason));
      } else if (p.input.conflict?.has(i))
        src.forEach((v, j) => holdsNothing(v) || this.keep(p, i, j, keptValue(v), REASON.conflict));
      else if (!p.input.skip?.has(i)) this.rows.push(this.row(p, src, i));
      else this.keepNotedCells(p, src, i);
    });
  }

  /** A row not written (counted once): its cells with a note are kept, so that the note is too. */
  private keepNotedCells(p: SourcePlan, src: readonly unknown[], i: number): void {
    const r = p.input.source.region;
    const noted = this.noted.get(p) ?? notedCells(p.input.source);
    const row = (r.headerRow + i) * CELL_KEY + r.firstColumn;
    for (let j = 0; j < Math.max(src.length, r.headers.length); j++)
      if (noted.has(row + j)) this.keep(p, i, j, keptValue(src[j] ?? null), REASON.countedOnce);
  }

  private keep(p: SourcePlan, i: number, j: number, value: WriteValue, reason: Reason): void {
    const cell = regionCell(p.input.source.region, i, j);
    this.kept.push({ sheet: p.input.origin, cell, value, reason });
  }

  private place(p: SourcePlan, i: number, j: number, column: number, row: number): void {
    const r = p.input.source.region;
    const noted = this.noted.get(p);
    if (noted && !noted.has((r.headerRow + i) * CELL_KEY + r.firstColumn + j)) return;
    const from = placeKey(p.input.origin, regionCell(p.input.source.region, i, j));
    this.placed.set(from, { sheet: this.spec.name, cell: `${columnLetter(column)}${row}` });
  }

  /** Mapped headers under the template's label (a renamed one is kept), extra ones as they are. */
  private headerCells(p: SourcePlan): void {
    const headers = p.input.source.region.headers;
    for (const m of p.map.matches) {
      const k = this.spec.columns.findIndex((c) => c.key === m.key);
      const to = this.spec.columns[k].header;
      if (cellText(headers[m.index]) !== to)
        this.keep(p, -1, m.index, toWriteValue(headers[m.index]), REASON.header(to));
      else this.place(p, -1, m.index, k, 1);
    }
    for (const e of p.extras)
      if (!isBlank(headers[e.index])) this.place(p, -1, e.index, this.headers.indexOf(e.header), 1);
  }

  /** One data row: template columns in their standard form, then the extra columns. */
  private row(p: SourcePlan, src: readonly unknown[], i: number): WriteValue[] {
    const destRow = 2 + this.rows.length;
    const columns = this.spec.columns;
    const at = this.columnsOf(p);
    const out: WriteValue[] = new Array(this.headers.length);
    for (let k = 0; k < columns.length; k++)
      out[k] = this.cell(p, src, i, at[k], k, destRow, columns[k]);
    /** A provenance column's value in the source row, else the source's own. */
    const from = (h: string, own: string | undefined) => {
      const j = p.provenance.get(h)!;
      return j >= 0 && !isBlank(src[j]) ? cellText(src[j]).trim() : (own ?? null);
    };
    for (let x = 0; x < this.extras.length; x++) {
      const h = this.extras[x];
      const k = columns.length + x;
      if (h === SOURCE_SHEET_COLUMN) out[k] = from(h, p.input.source.sheet.name);
      else if (h === SOURCE_COLUMN && p.input.file !== undefined) out[k] = from(h, p.input.file);
      else {
        const j = at[k];
        out[k] =
          j === undefined ? null : this.cell(p, src, i, j, this.headers.indexOf(h), destRow, null);
      }
    }
    return out;
  }

  /**
   * Per column of the table (the template's, then the extra ones), the source column it takes, looked up
   * once per source rather than once per row.
   */
  private columnsOf(p: SourcePlan): (number | undefined)[] {
    let at = this.at.get(p);
    if (!at) {
      at = [
        ...this.spec.columns.map((c) => p.map.indexOf.get(c.key)),
        ...this.extras.map((h) => p.extras.find((x) => x.header === h)?.index),
      ];
      this.at.set(p, at);
    }
    return at;
  }

  /** One cell to write (the standard form of a template column), what it held kept when it changes. */
  private cell(
    p: SourcePlan,
    src: readonly unknown[],
    i: number,
    j: number | undefined,
    dest: number,
    destRow: number,
    c: ColumnSpec | null
  ): WriteValue {
    if (j === undefined) return null;
    const v = src[j];
    if (isBlank(v) && isFormulaCell(v) && c?.kind !== "computed") {
      // The cell shows nothing; the table holds nothing, Bewaard keeps the formula.
      this.place(p, i, j, dest, destRow);
      this.keep(p, i, j, formulaText(v), REASON.formulaValue);
      return null;
    }
    if (isBlank(v)) {
      // An empty cell has its place too: a note on it ("status nog op te vragen") goes with it.
      if (c?.kind !== "computed") this.place(p, i, j, dest, destRow);
      return null;
    }
    if (c?.kind === "computed") {
      // The template writes its own formula here; anything else the user put here is kept.
      const own = `=${computedFormula(this.spec, c, p.input.source.region.headerRow + 1 + i)}`;
      if (!isFormulaCell(v) || formulaText(v) !== own)
        this.keep(p, i, j, keptValue(v), REASON.computed);
      return null;
    }
    this.place(p, i, j, dest, destRow);
    if (isUncomputedFormula(v)) {
      this.keep(p, i, j, formulaText(v), REASON.formula);
      return formulaText(v);
    }
    if (isFormulaCell(v)) this.keep(p, i, j, formulaText(v), REASON.formulaValue);
    if (!c) return toWriteValue(v);
    const cv = this.canonical(c, v);
    if (cv.changed && !isFormulaCell(v)) this.keep(p, i, j, toWriteValue(v), REASON.canonical);
    return toWriteValue(cv.value);
  }
}

/** Row * 2^14 + column, 0-based: a cell as a number (Excel has 16,384 columns). */
const CELL_KEY = 1 << 14;

/** The cells of a source's sheet that hold a note, as numbers (see CELL_KEY). */
function notedCells(s: Source): Set<number> {
  const out = new Set<number>();
  for (const n of s.sheet.notes ?? []) {
    const at = parseRange(n.cell);
    out.add(at.row * CELL_KEY + at.column);
  }
  return out;
}

function columnsOf(
  spec: SheetSpec,
  s: Source,
  map: HeaderMapping,
  extras: { index: number; header: string }[]
): BuiltTable["columns"] {
  const r = s.region;
  const header = (i: number) => cellText(r.headers[i]).trim() || null;
  const from = (i: number) => columnLetter(r.firstColumn + i);
  return [
    ...map.matches.map((m) => ({
      from: from(m.index),
      header: header(m.index),
      to: spec.columns.find((c) => c.key === m.key)!.header,
      how: m.how as string,
    })),
    ...extras.map((e) => ({
      from: from(e.index),
      header: header(e.index),
      to: e.header,
      how: "extra",
    })),
  ];
}

/** A stack maps the same columns once per sheet: say it once. */
function dedupeColumns(cols: BuiltTable["columns"]): BuiltTable["columns"] {
  const seen = new Set<string>();
  return cols.filter((c) => {
    const k = `${c.from}|${c.header}|${c.to}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
