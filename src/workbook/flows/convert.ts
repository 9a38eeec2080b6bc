/**
 * Conversion: turn any workbook into the template without losing a value. `planConversion` is pure: it
 * decides, from a snapshot, which sheet becomes which template sheet, which header becomes which column,
 * and where every other non-empty cell goes (extra columns, or the `Bewaard` sheet). `convertWorkbook`
 * reads, plans and applies in one read and one write.
 *
 * Rules:
 * - a sheet is recognised by name or synonym (`findSheetSpec`); the sheet with the template's exact name
 *   wins, other sheets for the same template sheet are left alone;
 * - the header row is the table's, or for a plain range the row (among the first 30) that names most
 *   template columns, wherever it is;
 * - columns map by header (`mapHeaders`: case, accents, spacing ignored, Dutch and English synonyms);
 *   unmapped columns stay as extra columns after the template's; template columns not found are added
 *   empty;
 * - cells outside the header and data rows (titles, notes, other tables), values typed into computed
 *   columns, formulas (the table keeps their last value) and renamed headers go to `Bewaard`, with where they were;
 * - a sheet that already holds the template table (name, place and headers) is not touched: converting a
 *   template changes nothing.
 */
import { columnLetter, isBlank, toScalar } from "../../core/cells";
import {
  computedFormula,
  findSheetSpec,
  INSTRUCTIONS_SHEET,
  STATE_SHEET,
  KEPT_SHEET,
  KEY_FIGURES_SHEET,
  COMPARISON_SHEET,
  LISTS_SHEET,
  mapHeaders,
  OVERVIEW_SHEET,
  SHEETS,
  VALIDATION_SHEET,
  type ColumnSpec,
  type SheetSpec,
} from "../../core/template";
import { TEMPLATE_VERSION, type Lang } from "../../core/vocabulary";
import type {
  BlockPlan,
  SheetPlan,
  SheetSnapshot,
  WorkbookPort,
  WorkbookSnapshot,
  WritePlan,
  WriteValue,
} from "../port";
import {
  findHeaderRow,
  formulaText,
  isFormulaCell,
  keptValue,
  templateTable,
  toWriteValue,
} from "./common";
import { withComputedResults } from "./results";
import { instructionsSheet, listsSheet } from "./sheets";

export interface ColumnMapping {
  /** Source column letter, null for a template column that was not found (added empty). */
  from: string | null;
  /** Source header as it was. */
  header: string | null;
  /** Header in the converted table. */
  to: string;
  how: "exact" | "folded" | "synonym" | "extra" | "added";
}

export interface SheetConversion {
  source: string;
  /** The template sheet it became; null when the sheet is kept as it is. */
  target: string | null;
  action: "unchanged" | "converted" | "moved" | "kept" | "created";
  /** 1-based header row found in the source. */
  headerRow: number | null;
  rows: number;
  columns: ColumnMapping[];
  /** Why a sheet is kept as it is. */
  note?: { nl: string; en: string };
}

export interface KeptCell {
  sheet: string;
  cell: string;
  value: WriteValue;
  reason: { nl: string; en: string };
}

export interface ConversionPreview {
  sheets: SheetConversion[];
  /** Values placed on the `Bewaard` sheet. */
  kept: KeptCell[];
  /** The write plan that carries the conversion out. */
  plan: WritePlan;
}

export interface ConversionOptions {
  lang?: Lang;
  /** Meetmoment for the stamp; default: the workbook's own. */
  meetmoment?: string | null;
}

const OWN_SHEETS = new Set([
  LISTS_SHEET,
  INSTRUCTIONS_SHEET,
  VALIDATION_SHEET,
  OVERVIEW_SHEET,
  KEPT_SHEET,
  KEY_FIGURES_SHEET,
  COMPARISON_SHEET,
]);

const REASON = {
  outside: { nl: "buiten de tabel", en: "outside the table" },
  rebuilt: {
    nl: "op een tabblad dat het sjabloon opnieuw opbouwt",
    en: "on a sheet the template rebuilds",
  },
  computed: {
    nl: "getypt in een berekende kolom (die krijgt een formule)",
    en: "typed into a computed column (which gets a formula)",
  },
  formula: { nl: "formule zonder opgeslagen resultaat", en: "formula without a stored result" },
  formulaValue: {
    nl: "formule: de tabel bevat nu haar laatste waarde",
    en: "formula: the table now holds its last value",
  },
  header: (to: string) => ({ nl: `kolomkop, nu '${to}'`, en: `column header, now '${to}'` }),
};

interface Region {
  headerRow: number;
  firstColumn: number;
  headers: unknown[];
  rows: unknown[][];
  tableName?: string;
  fromTable: boolean;
}

/** Choose the part of a sheet that becomes the template table. */
function regionOf(spec: SheetSpec, sheet: SheetSnapshot): Region | null {
  if (sheet.tables.length) {
    let best = sheet.tables[0];
    let bestN = -1;
    for (const t of sheet.tables) {
      const n = mapHeaders(spec, t.headers).matches.length;
      if (n > bestN) [best, bestN] = [t, n];
    }
    return {
      headerRow: best.headerRow,
      firstColumn: best.firstColumn,
      headers: best.headers,
      rows: best.rows,
      tableName: best.tableName,
      fromTable: true,
    };
  }
  const u = sheet.used;
  if (!u || u.values.length === 0)
    return { headerRow: 1, firstColumn: 0, headers: [], rows: [], fromTable: false };
  const hr = findHeaderRow(spec, u.values);
  // A sheet with the template's name keeps all its columns as extra columns when no header is recognised.
  if (!hr && sheet.name !== spec.name) return null;
  if (!hr)
    return {
      headerRow: u.firstRow,
      firstColumn: u.firstColumn,
      headers: u.values[0],
      rows: u.values.slice(1),
      fromTable: false,
    };
  return {
    headerRow: u.firstRow + hr.offset,
    firstColumn: u.firstColumn,
    headers: u.values[hr.offset],
    rows: u.values.slice(hr.offset + 1),
    fromTable: false,
  };
}

function isTemplateTable(spec: SheetSpec, sheet: SheetSnapshot, r: Region): boolean {
  return (
    sheet.name === spec.name &&
    r.fromTable &&
    r.tableName === spec.tableName &&
    r.headerRow === 1 &&
    r.firstColumn === 0 &&
    spec.columns.every((c, j) => r.headers[j] === c.header)
  );
}

const headerText = (v: unknown) => (isBlank(v) ? "" : String(toScalar(v)).trim());
/** The header exactly as typed (spaces included): what the converted table's extra column is called. */
const rawText = (v: unknown) => (isBlank(v) ? "" : String(toScalar(v)));

function convertSheet(
  spec: SheetSpec,
  sheet: SheetSnapshot,
  r: Region,
  kept: KeptCell[],
  lang: Lang
): { conv: SheetConversion; plans: SheetPlan[] } {
  const map = mapHeaders(spec, r.headers);
  const width = Math.max(r.headers.length, ...r.rows.map((x) => x.length), 0);
  const addr = (row: number, col: number) => `${columnLetter(r.firstColumn + col)}${row}`;
  // Extra columns: unmapped columns with a header or any value.
  const extras: number[] = [];
  for (let i = 0; i < width; i++) {
    if ([...map.indexOf.values()].includes(i)) continue;
    if (!isBlank(r.headers[i]) || r.rows.some((row) => !isBlank(row[i]))) extras.push(i);
  }
  const extraHeaders = extras.map(
    (i) => rawText(r.headers[i]) || `Kolom ${columnLetter(r.firstColumn + i)}`
  );
  const columns: ColumnMapping[] = spec.columns.map((c) => {
    const i = map.indexOf.get(c.key);
    const m = map.matches.find((x) => x.key === c.key);
    return i === undefined
      ? { from: null, header: null, to: c.header, how: "added" }
      : {
          from: columnLetter(r.firstColumn + i),
          header: headerText(r.headers[i]),
          to: c.header,
          how: m!.how,
        };
  });
  extras.forEach((i, k) =>
    columns.push({
      from: columnLetter(r.firstColumn + i),
      header: headerText(r.headers[i]) || null,
      to: extraHeaders[k],
      how: "extra",
    })
  );
  for (const m of map.matches) {
    const to = spec.columns.find((c) => c.key === m.key)!.header;
    if (rawText(r.headers[m.index]) !== to)
      kept.push({
        sheet: sheet.name,
        cell: addr(r.headerRow, m.index),
        value: toWriteValue(r.headers[m.index]),
        reason: REASON.header(to),
      });
  }

  const rows: unknown[][] = [];
  r.rows.forEach((src, k) => {
    if (src.every((v) => isBlank(v))) return;
    const excelRow = r.headerRow + 1 + k;
    const out: unknown[] = [];
    const take = (i: number | undefined, c: ColumnSpec | null): unknown => {
      if (i === undefined) return null;
      const v = src[i];
      if (isBlank(v)) return null;
      if (c?.kind === "computed") {
        // The template writes its own formula here; anything else the user put here is kept.
        if (!isFormulaCell(v) || formulaText(v) !== `=${computedFormula(spec, c, excelRow)}`)
          kept.push({
            sheet: sheet.name,
            cell: addr(excelRow, i),
            value: keptValue(v),
            reason: REASON.computed,
          });
        return null;
      }
      if (isFormulaCell(v)) {
        // The table gets the formula's last value (its references would point elsewhere once columns
        // move); the formula itself is kept, with where it was.
        kept.push({
          sheet: sheet.name,
          cell: addr(excelRow, i),
          value: formulaText(v),
          reason: toScalar(v) === null ? REASON.formula : REASON.formulaValue,
        });
      }
      return v;
    };
    spec.columns.forEach((c) => out.push(take(map.indexOf.get(c.key), c)));
    extras.forEach((i) => out.push(take(i, null)));
    rows.push(out);
  });

  // Cells of the sheet outside the header and data rows.
  const u = sheet.used;
  if (u) {
    const top = r.headerRow;
    const bottom = r.headerRow + r.rows.length;
    const left = r.firstColumn;
    const right = r.firstColumn + width - 1;
    u.values.forEach((vals, i) =>
      vals.forEach((v, j) => {
        const row = u.firstRow + i;
        const col = u.firstColumn + j;
        if (isBlank(v)) return;
        if (row >= top && row <= bottom && col >= left && col <= right) return;
        kept.push({
          sheet: sheet.name,
          cell: `${columnLetter(col)}${row}`,
          value: toWriteValue(v),
          reason: REASON.outside,
        });
      })
    );
  }

  const table = templateTable(spec, rows, lang, extraHeaders);
  // Excel's sheet names ignore case: "outputindicatoren" is the sheet itself, renamed in place.
  const moved = sheet.name.toLocaleLowerCase() !== spec.name.toLocaleLowerCase();
  const plans: SheetPlan[] = [
    { name: spec.name, mode: moved ? "ensure" : "replace", table, freezeRows: 1 },
  ];
  if (moved) {
    const text =
      lang === "nl"
        ? `Omgezet door vv-monitor: de gegevens van dit tabblad staan nu op het tabblad '${spec.name}'.`
        : `Converted by vv-monitor: this sheet's data is now on the sheet '${spec.name}'.`;
    plans.push({
      name: sheet.name,
      mode: "replace",
      blocks: [{ row: 1, column: 0, values: [[text]] }],
    });
  }
  return {
    conv: {
      source: sheet.name,
      target: spec.name,
      action: moved ? "moved" : "converted",
      headerRow: r.headerRow,
      rows: rows.length,
      columns,
    },
    plans,
  };
}

/** How many of a template sheet's columns a sheet's best header row names, and whether the code is one. */
function headerScore(spec: SheetSpec, sheet: SheetSnapshot): number {
  const code = spec.columns.find((c) => c.kind === "code")!.key;
  const rows: unknown[][] = sheet.tables.length
    ? sheet.tables.map((t) => t.headers)
    : (sheet.used?.values.slice(0, 30) ?? []);
  let best = 0;
  for (const r of rows) {
    const m = mapHeaders(spec, r);
    if (m.indexOf.has(code)) best = Math.max(best, m.matches.length);
  }
  return best;
}

/**
 * Sheets named like no template sheet ("Mijn projecten") that hold one by their headers: a header row
 * naming the project code and at least two more columns of a template sheet that no sheet provides yet.
 * Best matches first; each sheet and each template sheet is used once.
 */
function recognisedByHeaders(
  snapshot: WorkbookSnapshot,
  taken: ReadonlyMap<string, SheetSpec>
): { sheet: SheetSnapshot; spec: SheetSpec }[] {
  const open = SHEETS.filter((spec) => ![...taken.values()].includes(spec));
  const candidates = snapshot.sheets.filter(
    (s) =>
      !OWN_SHEETS.has(s.name) &&
      s.name !== STATE_SHEET &&
      !taken.has(s.name) &&
      !findSheetSpec(s.name)
  );
  const pairs = candidates
    .flatMap((sheet) => open.map((spec) => ({ sheet, spec, score: headerScore(spec, sheet) })))
    .filter((p) => p.score >= 3);
  pairs.sort((a, b) => b.score - a.score);
  const out: { sheet: SheetSnapshot; spec: SheetSpec }[] = [];
  for (const p of pairs)
    if (!out.some((o) => o.sheet === p.sheet || o.spec === p.spec)) out.push(p);
  return out;
}

/** Plan the conversion of a workbook into the template: pure, from one snapshot. */
export function planConversion(
  snapshot: WorkbookSnapshot,
  opts: ConversionOptions = {}
): ConversionPreview {
  const lang = opts.lang ?? "nl";
  const sheets: SheetConversion[] = [];
  const kept: KeptCell[] = [];
  const sheetPlans: SheetPlan[] = [];
  const chosen = new Map<string, SheetSnapshot>();
  const specOf = new Map<string, SheetSpec>();
  for (const spec of SHEETS) {
    // Excel's sheet names ignore case: "mijlpalen" is the Mijlpalen sheet, and wins over a synonym.
    const exact = snapshot.sheets.find(
      (s) => s.name.toLocaleLowerCase() === spec.name.toLocaleLowerCase()
    );
    const syn = snapshot.sheets.find(
      (s) => !OWN_SHEETS.has(s.name) && findSheetSpec(s.name)?.key === spec.key
    );
    const pick = exact ?? syn;
    if (pick) {
      chosen.set(pick.name, pick);
      specOf.set(pick.name, spec);
    }
  }
  for (const { sheet, spec } of recognisedByHeaders(snapshot, specOf)) {
    chosen.set(sheet.name, sheet);
    specOf.set(sheet.name, spec);
  }
  const done = new Set<string>();
  for (const sheet of snapshot.sheets) {
    if (OWN_SHEETS.has(sheet.name)) continue;
    const spec = specOf.get(sheet.name) ?? findSheetSpec(sheet.name);
    if (!spec || !chosen.has(sheet.name)) {
      sheets.push({
        source: sheet.name,
        target: null,
        action: "kept",
        headerRow: null,
        rows: 0,
        columns: [],
        note: spec
          ? {
              nl: `een ander tabblad wordt '${spec.name}'`,
              en: `another sheet becomes '${spec.name}'`,
            }
          : { nl: "geen tabblad van het sjabloon", en: "not a template sheet" },
      });
      continue;
    }
    const r = regionOf(spec, sheet);
    if (!r) {
      sheets.push({
        source: sheet.name,
        target: null,
        action: "kept",
        headerRow: null,
        rows: 0,
        columns: [],
        note: { nl: "geen enkele kolomkop herkend", en: "no column header recognised" },
      });
      continue;
    }
    done.add(spec.key);
    if (isTemplateTable(spec, sheet, r)) {
      sheets.push({
        source: sheet.name,
        target: spec.name,
        action: "unchanged",
        headerRow: 1,
        rows: r.rows.filter((x) => !x.every(isBlank)).length,
        columns: r.headers.map((h, i) => ({
          from: columnLetter(i),
          header: headerText(h),
          to: headerText(h),
          how: i < spec.columns.length ? "exact" : "extra",
        })),
      });
      continue;
    }
    const { conv, plans } = convertSheet(spec, sheet, r, kept, lang);
    sheets.push(conv);
    sheetPlans.push(...plans);
  }
  for (const spec of SHEETS) {
    if (done.has(spec.key)) continue;
    sheets.push({
      source: spec.name,
      target: spec.name,
      action: "created",
      headerRow: 1,
      rows: 0,
      columns: spec.columns.map((c) => ({ from: null, header: null, to: c.header, how: "added" })),
    });
    sheetPlans.push({
      name: spec.name,
      mode: "ensure",
      table: templateTable(spec, [], lang),
      freezeRows: 1,
    });
  }
  const meetmoment =
    opts.meetmoment !== undefined ? opts.meetmoment : (snapshot.stamp?.meetmoment ?? null);
  const hasInstructions = snapshot.sheets.some((s) => s.name === INSTRUCTIONS_SHEET);
  const own = [instructionsSheet(lang, meetmoment, hasInstructions), listsSheet()];
  // The template rebuilds its own sheets: whatever a user typed there that the rebuild would not write again is kept.
  for (const sp of own) {
    const existing = snapshot.sheets.find((s) => s.name === sp.name);
    if (existing) kept.push(...overwrittenCells(existing, sp, REASON.rebuilt));
  }
  if (kept.length) sheetPlans.push(keptSheetPlan(snapshot, kept, lang));
  const plan: WritePlan = {
    sheets: [own[0], ...sheetPlans, own[1]],
    stamp: { templateVersion: TEMPLATE_VERSION, meetmoment, updatedAt: new Date().toISOString() },
  };
  // Computed columns carry what they evaluate to, looked up in the workbook as it will be.
  withComputedResults(plan, snapshot);
  return { sheets, kept, plan };
}

/**
 * Non-empty cells of a sheet that a "replace" plan would not write again with the same value (with a plan
 * without blocks: every non-empty cell). Formulas are kept as their text, also when their result is blank.
 */
export function overwrittenCells(
  sheet: SheetSnapshot,
  plan: Pick<SheetPlan, "blocks">,
  reason: KeptCell["reason"]
): KeptCell[] {
  const planned = new Map<string, string>();
  for (const b of plan.blocks ?? [])
    b.values.forEach((row, i) =>
      row.forEach((v, j) => {
        if (v !== null && !(typeof v === "object" && !(v instanceof Date)))
          planned.set(`${columnLetter(b.column + j)}${b.row + i}`, String(v));
      })
    );
  const out: KeptCell[] = [];
  const u = sheet.used;
  u?.values.forEach((row, i) =>
    row.forEach((v, j) => {
      if (isBlank(v) && !isFormulaCell(v)) return;
      const cell = `${columnLetter(u.firstColumn + j)}${u.firstRow + i}`;
      const value = keptValue(v);
      if (planned.get(cell) === String(value)) return;
      out.push({ sheet: sheet.name, cell, value, reason });
    })
  );
  return out;
}

/** The `Bewaard` sheet: appended below what an earlier conversion kept there. */
export function keptSheetPlan(snapshot: WorkbookSnapshot, kept: KeptCell[], lang: Lang): SheetPlan {
  const existing = snapshot.sheets.find((s) => s.name === KEPT_SHEET);
  const u = existing?.used;
  const blocks: BlockPlan[] = [];
  const appending = !!(u && u.values.length);
  const row = u && appending ? u.firstRow + u.values.length + 1 : 2;
  if (!appending)
    blocks.push({
      row: 1,
      column: 0,
      bold: true,
      values: [
        lang === "nl"
          ? ["Tabblad", "Cel", "Waarde", "Waarom hier bewaard"]
          : ["Sheet", "Cell", "Value", "Why kept here"],
      ],
    });
  blocks.push({
    row,
    column: 0,
    values: kept.map((k) => [k.sheet, k.cell, k.value, k.reason[lang]]),
  });
  return {
    name: KEPT_SHEET,
    mode: "ensure",
    blocks,
    columnWidths: [20, 8, 50, 50],
    freezeRows: existing ? undefined : 1,
  };
}

/** Convert the workbook behind `port` into the template: one read, one write. */
export async function convertWorkbook(
  port: WorkbookPort,
  opts: ConversionOptions = {}
): Promise<ConversionPreview> {
  const snapshot = await port.read();
  const preview = planConversion(snapshot, opts);
  await port.apply(preview.plan);
  return preview;
}
