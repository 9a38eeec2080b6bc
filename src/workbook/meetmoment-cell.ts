/**
 * The meetmoment's home in the workbook: a labelled cell on the Instructies sheet (label "Meetmoment" in
 * column A, the date beside it in column B), which the user can fill or change. Every flow takes the
 * workbook's meetmoment from here: the cell when it holds a date, else the stamp in the state sheet (the
 * way earlier versions kept it, still written and still read). A cell that holds something else than a
 * date is reported at that cell (rule meetmoment-invalid) and the stamp is used meanwhile.
 *
 * The cell is found by its label, not by its address, so that rows added above it by the user do not
 * lose it. Both hosts read the Instructies sheet's used range in the snapshot already (it has no table):
 * finding the cell costs no extra round trip in Excel.
 */
import { parseMeetmoment } from "../core/meetmoment";
import { INSTRUCTIONS_SHEET } from "../core/template";
import { columnLetter } from "../core/cells";
import type { WorkbookSnapshot } from "./port";

/** The label in column A; the same in both languages, as it is the plan's own word. */
export const MEETMOMENT_LABEL = "Meetmoment";
/** Where the template writes the cell (1-based row; the date in column B). */
export const MEETMOMENT_ROW = 2;
/** Where the template writes it, as users and messages name it. */
export const MEETMOMENT_CELL = `${INSTRUCTIONS_SHEET}!B${MEETMOMENT_ROW}`;

/** Excel's date serials of 1 January 1990 and 31 December 2199: a number in between is a date cell. */
const SERIAL_MIN = 32_874;
const SERIAL_MAX = 109_939;

/** A date cell as Office.js gives it (a serial number) or as exceljs does (a Date), or typed text. */
export function meetmomentCellValue(v: unknown): string | null {
  if (typeof v === "number" && Number.isInteger(v) && v >= SERIAL_MIN && v <= SERIAL_MAX)
    return new Date(Date.UTC(1899, 11, 30) + v * 86_400_000).toISOString().slice(0, 10);
  return parseMeetmoment(v);
}

export interface MeetmomentCell {
  sheet: string;
  /** A1 address, e.g. "B2". */
  cell: string;
  row: number;
  /** As read: a Date, a number, text, or null when empty. */
  value: unknown;
}

/** The labelled cell on the Instructies sheet, or null when the workbook has none. */
export function findMeetmomentCell(snapshot: WorkbookSnapshot): MeetmomentCell | null {
  const sheet = snapshot.sheets.find(
    (s) => s.name.toLowerCase() === INSTRUCTIONS_SHEET.toLowerCase()
  );
  const used = sheet?.used;
  // The label is in column A (0-based column 0): a used range that starts further right has none.
  if (!sheet || !used || used.firstColumn > 0) return null;
  const a = 0;
  for (let i = 0; i < used.values.length; i++) {
    const label = used.values[i]?.[a];
    if (typeof label !== "string" || label.trim().toLowerCase() !== MEETMOMENT_LABEL.toLowerCase())
      continue;
    const v = used.values[i]?.[a + 1];
    const value =
      v && typeof v === "object" && "result" in v ? (v as { result?: unknown }).result : v;
    return {
      sheet: sheet.name,
      cell: `${columnLetter(a + 1)}${used.firstRow + i}`,
      row: used.firstRow + i,
      value: value === undefined || value === "" ? null : value,
    };
  }
  return null;
}

export interface WorkbookMeetmoment {
  /** ISO date, or null when the workbook has none. */
  meetmoment: string | null;
  /** Where it came from. */
  from: "cell" | "stamp" | null;
  /** The labelled cell when it holds something that is not a date (reported at that cell). */
  invalid: MeetmomentCell | null;
}

/** The workbook's meetmoment: the labelled cell's date, else the stamp's. */
export function workbookMeetmoment(snapshot: WorkbookSnapshot): WorkbookMeetmoment {
  const cell = findMeetmomentCell(snapshot);
  const stamp = snapshot.stamp?.meetmoment ?? null;
  const fromStamp = { meetmoment: stamp, from: stamp ? ("stamp" as const) : null };
  if (!cell || cell.value === null) return { ...fromStamp, invalid: null };
  const iso = meetmomentCellValue(cell.value);
  return iso ? { meetmoment: iso, from: "cell", invalid: null } : { ...fromStamp, invalid: cell };
}
