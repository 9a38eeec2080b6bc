/**
 * The state sheet `_vvmonitor`, written by both hosts (Office.js in Excel, exceljs on files) so that a
 * workbook made by the command line is recognised in Excel and the other way round. This module is its
 * one definition: the rows, the stamp, the mark records and how marks are grouped per cell.
 *
 * The sheet is very hidden and holds two columns of text, one record per row:
 *   templateVersion | 1.0
 *   meetmoment      | 2022-06-01
 *   updatedAt       | 2022-06-01T10:00:00.000Z
 *   mark            | {"sheet":"Mijlpalen","cell":"C2","fill":null,"note":null}
 * Other keys are kept as they are (a later version may add some).
 */
import { STATE_SHEET } from "../core/state-sheet";
import type { CellMark, TemplateStamp } from "./port";

export { STATE_SHEET };

/** Fills of marked cells, by severity (Excel's own "bad" and "neutral" styles). */
export const MARK_FILL: Record<CellMark["severity"], string> = {
  error: "#FFC7CE",
  warning: "#FFEB9C",
};
/** Every note text the add-in writes starts with this, so it can be told from the user's own. */
export const MARK_PREFIX = "vv-monitor: ";

const STAMP_KEYS = ["templateVersion", "meetmoment", "updatedAt"] as const;
const MARK_KEY = "mark";
/** The key of a mark record in column A. */
export const MARK_KEY_NAME = MARK_KEY;

/**
 * What a marked cell had before it was marked. `fill` is an exceljs fill object (`{type: "pattern",
 * pattern: "solid", fgColor: {argb}}`) or null: the shape files have always stored; see fillObject/fillHex.
 */
export interface StoredMark {
  sheet: string;
  cell: string;
  fill: unknown;
  note: string | null;
}

/** One mark per cell: the worst severity and every distinct message. */
export interface MarkedCell {
  sheet: string;
  cell: string;
  severity: CellMark["severity"];
  messages: string[];
}

export interface StateRecords {
  stamp: TemplateStamp | null;
  marks: StoredMark[];
  /** Rows with keys this version does not know, kept as they are. */
  others: [string, string][];
}

/** A cell address as a key: no `$`, upper case. */
export function normalCell(cell: string): string {
  return cell.replace(/\$/g, "").toUpperCase();
}

/** The key of a cell: sheet names ignore case in Excel. */
export function cellKey(sheet: string, cell: string): string {
  return `${sheet.toLowerCase()}\u0000${normalCell(cell)}`;
}

/** Group marks per cell (sheet name without regard to case, address without `$`). */
export function groupMarks(marks: readonly CellMark[]): MarkedCell[] {
  const by = new Map<string, MarkedCell>();
  for (const m of marks) {
    const k = cellKey(m.sheet, m.cell);
    const x = by.get(k);
    if (!x)
      by.set(k, {
        sheet: m.sheet,
        cell: normalCell(m.cell),
        severity: m.severity,
        messages: [m.message],
      });
    else {
      if (m.severity === "error") x.severity = "error";
      if (!x.messages.includes(m.message)) x.messages.push(m.message);
    }
  }
  return [...by.values()];
}

/** The message when a mark points at a sheet the workbook does not have (Dutch first, as all messages). */
export function unknownMarkSheet(sheet: string): Error {
  return new Error(
    `Markering op een onbekend tabblad: ${sheet} (mark on an unknown sheet: ${sheet})`
  );
}

/** The note a marked cell gets: the user's own note first, then ours. */
export function markNote(prior: string | null, messages: readonly string[]): string {
  const text = MARK_PREFIX + messages.join("\n");
  return prior ? `${prior}\n\n${text}` : text;
}

/**
 * The user's part of a note that may carry our text: everything before `MARK_PREFIX` (null when the note
 * is ours alone). `remembered` wins: it is what the cell had before the earlier mark.
 */
export function userPartOfNote(note: string | null, remembered?: string | null): string | null {
  if (note === null || !note.includes(MARK_PREFIX)) return note;
  if (remembered !== undefined && remembered !== null) return remembered;
  if (note.startsWith(MARK_PREFIX)) return null;
  return note.slice(0, note.indexOf(MARK_PREFIX)).replace(/\n+$/, "");
}

/** An exceljs fill object of a colour, as stored in mark records (null for none). */
export function fillObject(hex: string | null): unknown {
  return hex
    ? {
        type: "pattern",
        pattern: "solid",
        fgColor: { argb: "FF" + hex.replace(/^#/, "").toUpperCase() },
      }
    : null;
}

/** The colour of a stored fill object as `#RRGGBB`, or null. */
export function fillHex(f: unknown): string | null {
  const argb = (f as { fgColor?: { argb?: string } } | null)?.fgColor?.argb;
  return typeof argb === "string" && argb.length >= 6 ? `#${argb.slice(-6).toUpperCase()}` : null;
}

/** Whether a colour is one of our mark fills. */
export function isMarkFill(hex: string | null | undefined): boolean {
  const h = String(hex ?? "").toUpperCase();
  return h === MARK_FILL.error || h === MARK_FILL.warning;
}

/** Excel's date serial (days since 1899-12-30) as an ISO date. */
function serialToIso(n: number): string {
  return new Date(Date.UTC(1899, 11, 30) + Math.round(n) * 86_400_000).toISOString().slice(0, 10);
}

/**
 * A stamp value as read. Text is taken as it is. Earlier add-in versions wrote the stamp through Excel's
 * input parsing, which turned "1.0" into the number 1 and "2022-06-01" into the date serial 44713: a number
 * in those rows can only come from that, so it is read back as what was written (a version "major.minor",
 * a date). A number that fits neither stays as its text.
 */
function stampText(key: (typeof STAMP_KEYS)[number], v: unknown): string | null {
  if (v === null || v === undefined || v === "") return null;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "number" && key === "templateVersion")
    return Number.isInteger(v) ? `${v}.0` : String(v);
  if (typeof v === "number" && key === "meetmoment" && v > 0 && v < 2_958_466)
    return serialToIso(v);
  return String(v);
}

/** The records of the state sheet's rows (columns A and B as read). */
export function parseState(rows: readonly (readonly unknown[])[]): StateRecords {
  const stampValues = new Map<string, unknown>();
  const marks: StoredMark[] = [];
  const others: [string, string][] = [];
  for (const r of rows) {
    const k = r[0];
    if (typeof k !== "string" || k === "") continue;
    const v = r[1];
    if (k === MARK_KEY) {
      const m = parseMark(v);
      // A record this version cannot read (edited by hand?) is kept as it is, never dropped.
      if (m) marks.push(m);
      else others.push([k, v === null || v === undefined ? "" : String(v)]);
    } else if ((STAMP_KEYS as readonly string[]).includes(k)) stampValues.set(k, v);
    else others.push([k, v === null || v === undefined ? "" : String(v)]);
  }
  const version = stampText("templateVersion", stampValues.get("templateVersion"));
  const stamp: TemplateStamp | null = version
    ? {
        templateVersion: version,
        meetmoment: stampText("meetmoment", stampValues.get("meetmoment")),
        updatedAt: stampText("updatedAt", stampValues.get("updatedAt")) ?? undefined,
      }
    : null;
  return { stamp, marks, others };
}

function parseMark(v: unknown): StoredMark | null {
  if (typeof v !== "string") return null;
  try {
    const m = JSON.parse(v) as Partial<StoredMark>;
    if (typeof m.sheet !== "string" || typeof m.cell !== "string") return null;
    return {
      sheet: m.sheet,
      cell: m.cell,
      fill: m.fill ?? null,
      note: typeof m.note === "string" ? m.note : null,
    };
  } catch {
    return null;
  }
}

/** The rows of the state sheet, all text: stamp, other keys, marks. */
export function stateRows(records: StateRecords, now: () => string = nowIso): [string, string][] {
  const rows: [string, string][] = [];
  const s = records.stamp;
  if (s)
    rows.push(
      ["templateVersion", s.templateVersion],
      ["meetmoment", s.meetmoment ?? ""],
      ["updatedAt", s.updatedAt ?? now()]
    );
  rows.push(...records.others);
  for (const m of records.marks)
    rows.push([
      MARK_KEY,
      JSON.stringify({ sheet: m.sheet, cell: m.cell, fill: m.fill, note: m.note }),
    ]);
  return rows;
}

function nowIso(): string {
  return new Date().toISOString();
}
