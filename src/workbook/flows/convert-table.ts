/**
 * One template table built from its sources (one sheet, a stack of sheets, the tables of a sheet):
 * data rows in the standard form, unmapped columns as extra columns, and everything else kept on
 * `Bewaard` with where it was and why. Records where every source cell went, so that notes follow.
 */
import { columnLetter, isBlank, isUncomputedFormula } from "../../core/cells";
import { canonicalValue } from "../../core/canonical";
import type { RowKind } from "../../core/region";
import {
  computedFormula,
  mapHeaders,
  SOURCE_COLUMN,
  SOURCE_SHEET_COLUMN,
  type SheetSpec,
} from "../../core/template";
import type { Lang } from "../../core/vocabulary";
import type { TablePlan, WriteValue } from "../port";
import { formulaText, isFormulaCell, keptValue, templateTable, toWriteValue } from "./common";
import { rawHeader, regionCell, type Source } from "./sources";

export interface Reason {
  nl: string;
  en: string;
}

export const REASON = {
  outside: { nl: "buiten de tabel", en: "outside the table" },
  rebuilt: {
    nl: "op een tabblad dat het sjabloon opnieuw opbouwt",
    en: "on a sheet the template rebuilds",
  },
  computed: {
    nl: "getypt in een berekende kolom (die krijgt een formule)",
    en: "typed into a computed column (which gets a formula)",
  },
  formula: {
    nl: "formule zonder opgeslagen resultaat die vv-monitor niet kan uitrekenen; de tabel bevat haar tekst",
    en: "formula without a stored result that vv-monitor cannot compute; the table holds its text",
  },
  formulaValue: {
    nl: "formule: de tabel bevat nu haar waarde",
    en: "formula: the table now holds its value",
  },
  canonical: {
    nl: "zoals getypt: de tabel bevat nu de standaardvorm",
    en: "as typed: the table now holds the standard form",
  },
  header: (to: string): Reason => ({
    nl: `kolomkop, nu '${to}'`,
    en: `column header, now '${to}'`,
  }),
  headerNote: { nl: "opmerking bij een kolomkop", en: "note on a column header" },
  total: {
    nl: "totaalrij: vv-monitor en het Overzicht tellen de rijen zelf",
    en: "total row: vv-monitor and the Overzicht add the rows themselves",
  },
  heading: { nl: "tussenkop tussen de rijen", en: "heading between the rows" },
  footnote: { nl: "voetnoot onder de tabel", en: "footnote under the table" },
} as const;

/** Reasons that mean the sheet really changes (a template table with only these is left alone). */
export const CHANGING: ReadonlySet<Reason> = new Set<Reason>([
  REASON.computed,
  REASON.formula,
  REASON.canonical,
  REASON.total,
  REASON.heading,
  REASON.footnote,
]);

export interface KeptCell {
  sheet: string;
  cell: string;
  value: WriteValue;
  reason: Reason;
  /** The note (comment) the cell had. */
  note?: string;
}

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
}

export interface BuildOptions {
  /** The column indexes of a source that another template sheet fed by the same sheet takes. */
  claimed: (s: Source) => ReadonlySet<number>;
  /** Whether this template sheet gets the source's unmapped columns. */
  primary: (s: Source) => boolean;
}

/** Where each source cell went: "sheet\u0000A1" → template sheet and cell. */
export type Placements = Map<string, { sheet: string; cell: string }>;
export const placeKey = (sheet: string, cell: string) => `${sheet}\u0000${cell}`;

export interface BuiltTable {
  table: TablePlan;
  rows: number;
  columns: { from: string | null; header: string | null; to: string; how: string }[];
  kept: KeptCell[];
  placed: Placements;
}

/** Columns of a source that carry where its rows came from (a merge of merges, a converted stack). */
const PROVENANCE = [SOURCE_COLUMN, SOURCE_SHEET_COLUMN];

/**
 * Build the table of `spec` from its sources (projects and money on one row: a sheet may feed several
 * template sheets, each takes its own columns and the first gets the others as extra columns).
 */
export function buildTable(
  spec: SheetSpec,
  inputs: readonly SourceRows[],
  lang: Lang,
  { claimed, primary }: BuildOptions
): BuiltTable {
  const kept: KeptCell[] = [];
  const placed: Placements = new Map();
  const extraHeaders: string[] = [];
  const merged = inputs.some((i) => i.file !== undefined);
  const plans = inputs.map((input) => {
    const r = input.source.region;
    const map = mapHeaders(spec, r.headers);
    const mapped = new Set(map.indexOf.values());
    const width = r.rows.reduce((w, x) => Math.max(w, x.length), r.headers.length);
    const provenance = new Map(
      PROVENANCE.map((h) => [h, r.headers.findIndex((x) => rawHeader(x).trim() === h)])
    );
    const extras: { index: number; header: string }[] = [];
    if (primary(input.source))
      for (let i = 0; i < width; i++) {
        if (mapped.has(i) || claimed(input.source).has(i)) continue;
        // Our own provenance columns are written again as such (Bronbestand only by a merge).
        if (i === provenance.get(SOURCE_SHEET_COLUMN)) continue;
        if (merged && i === provenance.get(SOURCE_COLUMN)) continue;
        const used =
          !isBlank(r.headers[i]) ||
          r.rows.some((row, k) => input.kinds[k] === "data" && !isBlank(row[i]));
        if (!used) continue;
        const header = rawHeader(r.headers[i]) || `Kolom ${columnLetter(r.firstColumn + i)}`;
        extras.push({ index: i, header });
        if (!extraHeaders.includes(header)) extraHeaders.push(header);
      }
    return { input, map, extras, provenance };
  });
  // A stack (several sheets of one file) gets the row's sheet; a merge gets the row's file.
  const perFile = new Map<string | undefined, Set<string>>();
  for (const i of inputs)
    perFile.set(i.file, (perFile.get(i.file) ?? new Set()).add(i.source.sheet.name));
  const stacked =
    [...perFile.values()].some((sheets) => sheets.size > 1) ||
    plans.some((p) => p.provenance.get(SOURCE_SHEET_COLUMN)! >= 0);
  const allExtras = [
    ...extraHeaders,
    ...(stacked ? [SOURCE_SHEET_COLUMN] : []),
    ...(merged ? [SOURCE_COLUMN] : []),
  ];
  const headers = [...spec.columns.map((c) => c.header), ...allExtras];
  const rows: WriteValue[][] = [];
  const columns: BuiltTable["columns"] = [];
  for (const { input, map, extras, provenance } of plans) {
    const s = input.source;
    const r = s.region;
    const origin = input.origin;
    const at = (i: number, j: number) => regionCell(r, i, j);
    const keep = (cell: string, value: WriteValue, reason: Reason) =>
      kept.push({ sheet: origin, cell, value, reason });
    /** A provenance column's value in a source row, else the source's own. */
    const from = (row: readonly unknown[], h: string, own: string | undefined) => {
      const j = provenance.get(h)!;
      return j >= 0 && !isBlank(row[j]) ? rawHeader(row[j]).trim() : (own ?? null);
    };
    // Headers: mapped ones under the template's label (a renamed one is kept), extra ones as they are.
    for (const m of map.matches) {
      const to = spec.columns.find((c) => c.key === m.key)!.header;
      if (rawHeader(r.headers[m.index]) !== to)
        keep(at(-1, m.index), toWriteValue(r.headers[m.index]), REASON.header(to));
      else
        placed.set(placeKey(origin, at(-1, m.index)), {
          sheet: spec.name,
          cell: `${columnLetter(spec.columns.findIndex((c) => c.key === m.key))}1`,
        });
    }
    for (const e of extras)
      if (!isBlank(r.headers[e.index]))
        placed.set(placeKey(origin, at(-1, e.index)), {
          sheet: spec.name,
          cell: `${columnLetter(headers.indexOf(e.header))}1`,
        });
    r.rows.forEach((src, i) => {
      if (input.kinds[i] !== "data") {
        const reason = REASON[input.kinds[i] as "total" | "heading" | "footnote"];
        if (reason) src.forEach((v, j) => isBlank(v) || keep(at(i, j), keptValue(v), reason));
        return;
      }
      if (input.skip?.has(i)) return;
      const destRow = 2 + rows.length;
      const take = (
        j: number | undefined,
        dest: number,
        c: (typeof spec.columns)[number] | null
      ) => {
        if (j === undefined) return null;
        const v = src[j];
        if (isBlank(v)) return null;
        const to = { sheet: spec.name, cell: `${columnLetter(dest)}${destRow}` };
        if (c?.kind === "computed") {
          // The template writes its own formula here; anything else the user put here is kept.
          const own = `=${computedFormula(spec, c, r.headerRow + 1 + i)}`;
          if (!isFormulaCell(v) || formulaText(v) !== own)
            keep(at(i, j), keptValue(v), REASON.computed);
          return null;
        }
        placed.set(placeKey(origin, at(i, j)), to);
        if (isUncomputedFormula(v)) {
          keep(at(i, j), formulaText(v), REASON.formula);
          return formulaText(v);
        }
        if (isFormulaCell(v)) keep(at(i, j), formulaText(v), REASON.formulaValue);
        if (!c) return toWriteValue(v);
        const cv = canonicalValue(c, v);
        if (cv.changed && !isFormulaCell(v)) keep(at(i, j), toWriteValue(v), REASON.canonical);
        return toWriteValue(cv.value);
      };
      const out: WriteValue[] = spec.columns.map((c, k) => take(map.indexOf.get(c.key), k, c));
      for (const h of allExtras) {
        if (h === SOURCE_SHEET_COLUMN && stacked) {
          out.push(from(src, h, s.sheet.name));
          continue;
        }
        if (h === SOURCE_COLUMN && merged) {
          out.push(from(src, h, input.file));
          continue;
        }
        const e = extras.find((x) => x.header === h);
        out.push(e ? take(e.index, headers.indexOf(h), null) : null);
      }
      rows.push(out);
    });
    columns.push(...columnsOf(spec, s, map, extras));
  }
  return {
    table: templateTable(spec, rows, lang, allExtras),
    rows: rows.length,
    columns: dedupeColumns(columns),
    kept,
    placed,
  };
}

function columnsOf(
  spec: SheetSpec,
  s: Source,
  map: ReturnType<typeof mapHeaders>,
  extras: { index: number; header: string }[]
): BuiltTable["columns"] {
  const r = s.region;
  const header = (i: number) => rawHeader(r.headers[i]).trim() || null;
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
