/**
 * What conversion and merge keep on the `Bewaard` sheet (never into the void): every cell that found no
 * place in the template, with where it was and why; and the notes users wrote, which go with their cells.
 */
import { columnLetter, isBlank } from "../../core/cells";
import { KEPT_SHEET, SHEETS } from "../../core/template";
import type { Lang } from "../../core/vocabulary";
import type {
  BlockPlan,
  CellNote,
  SheetPlan,
  SheetSnapshot,
  WorkbookSnapshot,
  WriteValue,
} from "../port";
import { parseRange } from "../address";
import { headerNote, isFormulaCell, keptValue } from "./common";
import type { LedgerReason, SheetLedger } from "./ledger";
import { ACCOUNTED } from "./ledger-findings";
import { LEDGER_REASONS } from "./ledger-reasons";

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
  summary: {
    nl: "samenvattende tabel onder de gegevens: vv-monitor en het Overzicht tellen de rijen zelf",
    en: "summary table under the data: vv-monitor and the Overzicht add the rows themselves",
  },
  emptyFormula: {
    nl: "formule met een leeg resultaat in een verder lege rij",
    en: "formula with an empty result in an otherwise empty row",
  },
  conflict: {
    nl: "project ook in een eerder bestand, met andere gegevens (fout overlap-conflict): deze rij telt niet mee en staat niet in de tabellen; beslis welk bestand klopt",
    en: "project also in an earlier file, with different data (error overlap-conflict): this row does not count and is not in the tables; decide which file is right",
  },
  countedOnce: {
    nl: "rij gelijk aan die van een eerder bestand en één keer geschreven: de opmerking staat hier",
    en: "row identical to an earlier file's and written once: its note is kept here",
  },
} as const;

/** Reasons that mean the sheet really changes (a template table with only these is left alone). */
export const CHANGING: ReadonlySet<Reason> = new Set<Reason>([
  REASON.computed,
  REASON.formula,
  REASON.canonical,
  REASON.total,
  REASON.heading,
  REASON.footnote,
  REASON.summary,
]);

export interface KeptCell {
  sheet: string;
  cell: string;
  value: WriteValue;
  reason: Reason;
  /** The note (comment) the cell had. */
  note?: string;
}

/** Where each source cell went: "sheet\u0000A1" → template sheet and cell. */
export type Placements = Map<string, { sheet: string; cell: string }>;
export const placeKey = (sheet: string, cell: string) => `${sheet}\u0000${cell}`;

/** A reason of the reading ledger in both languages, as Bewaard says it. */
export function ledgerReason(r: LedgerReason, more?: Reason): Reason {
  return {
    nl: `${LEDGER_REASONS.nl[r]}${more ? `; ${more.nl}` : ""}`,
    en: `${LEDGER_REASONS.en[r]}${more ? `; ${more.en}` : ""}`,
  };
}

const STAYS: Reason = {
  nl: "het tabblad blijft zoals het was en dit getal telt niet mee",
  en: "the sheet stays as it was and this number is not counted",
};

/**
 * Kept cells said with the ledger's reason where the ledger knows it better than "outside the table"
 * (a title or unit above the header, a cell outside any table); and the numbers the ledger leaves out on
 * sheets kept as they were (a hidden superseded sheet, a sheet of the user's own), so that Bewaard names
 * every number that does not count. A number a counted formula refers to counts through it and is not
 * listed; nor is one already on Bewaard with the same value (converting again adds nothing).
 */
export function withLedgerReasons(
  kept: KeptCells,
  ledger: readonly SheetLedger[],
  keptSheets: ReadonlySet<string>,
  countedThrough: (sheet: string, cell: string) => boolean,
  snapshot: WorkbookSnapshot
): void {
  const why = new Map<string, LedgerReason>();
  for (const l of ledger) for (const c of l.leftOut) why.set(placeKey(c.sheet, c.cell), c.reason);
  for (const k of kept.list) {
    const r = k.reason === REASON.outside ? why.get(placeKey(k.sheet, k.cell)) : undefined;
    if (r === "above-header" || r === "outside-table") k.reason = ledgerReason(r);
  }
  const already = new Set<string>();
  const u = snapshot.sheets.find((s) => s.name === KEPT_SHEET)?.used;
  for (const row of u?.values ?? []) already.add(`${row[0]}\u0000${row[1]}\u0000${String(row[2])}`);
  const numbers: KeptCell[] = [];
  for (const l of ledger) {
    if (!keptSheets.has(l.sheet)) continue;
    for (const c of l.leftOut) {
      if (c.amount === null || ACCOUNTED.has(c.reason) || countedThrough(c.sheet, c.cell)) continue;
      const value = keptValue(c.value);
      if (already.has(`${c.sheet}\u0000${c.cell}\u0000${String(value)}`)) continue;
      numbers.push({ sheet: c.sheet, cell: c.cell, value, reason: ledgerReason(c.reason, STAYS) });
    }
  }
  kept.add(numbers);
}

/** Cells of a rewritten sheet that went nowhere: kept on Bewaard, with where they were. */
export function outsideCells(
  sheet: SheetSnapshot,
  placed: Placements,
  kept: KeptCell[]
): KeptCell[] {
  const done = new Set(kept.filter((k) => k.sheet === sheet.name).map((k) => k.cell));
  const out: KeptCell[] = [];
  const u = sheet.used;
  u?.values.forEach((row, i) =>
    row.forEach((v, j) => {
      if (isBlank(v) && !isFormulaCell(v)) return;
      const cell = `${columnLetter(u.firstColumn + j)}${u.firstRow + i}`;
      if (done.has(cell) || placed.has(placeKey(sheet.name, cell))) return;
      out.push({ sheet: sheet.name, cell, value: keptValue(v), reason: REASON.outside });
    })
  );
  return out;
}

export const OWN_OVERVIEW: Reason = {
  nl: "eigen tabblad met de naam van een tabblad dat vv-monitor opnieuw opbouwt",
  en: "a sheet of your own with the name of a sheet vv-monitor rebuilds",
};

/**
 * The notes of rewritten sheets: on the cell their value moved to, or (cells kept on Bewaard, headers
 * that get the template's help note, empty cells) on the Bewaard entry. Returns notes per target sheet.
 */
export function carryNotes(
  sheets: readonly { origin: string; sheet: SheetSnapshot }[],
  placed: Placements,
  kept: KeptCell[],
  opts: { keepUnplaced: boolean }
): Map<string, CellNote[]> {
  const out = new Map<string, CellNote[]>();
  const seen = new Set<string>();
  for (const { origin, sheet } of sheets) {
    if (seen.has(origin)) continue;
    seen.add(origin);
    for (const note of sheet.notes ?? []) {
      const n = userNote(note);
      if (!n) continue;
      const to = placed.get(placeKey(origin, n.cell));
      if (to && !/^[A-Z]+1$/.test(to.cell)) {
        out.set(to.sheet, [...(out.get(to.sheet) ?? []), { cell: to.cell, text: n.text }]);
        continue;
      }
      const entry = kept.find((k) => k.sheet === origin && k.cell === n.cell && !k.note);
      if (entry) entry.note = n.text;
      else if (opts.keepUnplaced)
        kept.push({
          sheet: origin,
          cell: n.cell,
          value: cellValue(sheet, n.cell),
          reason: to ? REASON.headerNote : REASON.outside,
          note: n.text,
        });
    }
  }
  return out;
}

/** The kept cells of several tables: a cell kept twice (a sheet feeding two template sheets) once. */
export class KeptCells {
  readonly list: KeptCell[] = [];
  /** Per sheet its cells kept (no key made per cell: a merge keeps 240,000 of them). */
  private readonly seen = new Map<string, Set<string>>();
  add(cells: readonly KeptCell[]): void {
    let sheet: string | undefined;
    let seen: Set<string> | undefined;
    for (const k of cells) {
      if (k.sheet !== sheet) {
        sheet = k.sheet;
        seen = this.seen.get(sheet);
        if (!seen) this.seen.set(sheet, (seen = new Set()));
      }
      if (seen!.has(k.cell)) continue;
      seen!.add(k.cell);
      this.list.push(k);
    }
  }
}

/** Notes vv-monitor writes itself: the help on the template's headers. */
const OWN_NOTES = new Set(
  SHEETS.flatMap((s) => s.columns.flatMap((c) => [headerNote(c, "nl"), headerNote(c, "en")]))
);
/** Validation marks add their message to a cell's note after this prefix (both hosts). */
const MARK = "vv-monitor: ";

/** The part of a note the user wrote: not our header help, not the marks of a validation. */
export function userNote(n: CellNote): CellNote | null {
  if (OWN_NOTES.has(n.text) || n.text.startsWith(MARK)) return null;
  const text = n.text.split(`\n\n${MARK}`)[0];
  return { ...n, text };
}

function cellValue(sheet: SheetSnapshot, a1: string): WriteValue {
  const u = sheet.used;
  if (!u) return null;
  const at = parseRange(a1);
  const v = u.values[at.row + 1 - u.firstRow]?.[at.column - u.firstColumn];
  return v === undefined ? null : keptValue(v);
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

/**
 * The width of Bewaard's first column: its longest sheet name, at least 20 and at most 60 characters. A
 * merge names the file with the sheet (`entiteit-2.xlsx › Financiering`): at a fixed 20, the printed page
 * cut it to `entiteit-2.xlsx › Fi`, and a reader could not tell where the value came from.
 */
function sheetColumnWidth(kept: readonly KeptCell[]): number {
  let longest = 0;
  for (const k of kept) longest = Math.max(longest, k.sheet.length);
  return Math.min(60, Math.max(20, longest + 2));
}

/** The `Bewaard` sheet: appended below what an earlier conversion kept there; notes go with their values. */
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
  const notes = kept.flatMap((k, i) => (k.note ? [{ cell: `C${row + i}`, text: k.note }] : []));
  return {
    name: KEPT_SHEET,
    mode: "ensure",
    blocks,
    columnWidths: [sheetColumnWidth(kept), 8, 50, 50],
    freezeRows: existing ? undefined : 1,
    ...(notes.length ? { notes } : {}),
  };
}
