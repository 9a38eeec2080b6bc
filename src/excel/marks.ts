/**
 * Marks of validation on Office.js: probe the cells (their fill and note), restore the previous marks where
 * the cell still carries ours, and set the new ones, remembering what each cell had before. Notes are
 * addressed through their worksheet's `notes` collection with a cell address, as the reference documents
 * (ExcelApi 1.18); without notes, marks are fills only.
 */
import type { WritePlan } from "../workbook/port";
import {
  cellKey,
  fillHex,
  fillObject,
  isMarkFill,
  markNote,
  MARK_FILL,
  MARK_PREFIX,
  userPartOfNote,
  type MarkedCell,
  type StoredMark,
} from "../workbook/state";
import { MARK_BYTES, PROBE_BYTES, PROBE_RESPONSE_BYTES, textBytes, type WriteBatch } from "./batch";
import { loadAll, type Load } from "./load";

export interface CellProbe {
  fill: Excel.RangeFill;
  note: Excel.Note | null;
  /** Whether `fill.pattern` was loaded (ExcelApi 1.9); else a white colour stands for "no fill". */
  pattern: boolean;
}

/** Queue the loads of one cell's fill and note. */
export function probeCell(
  wb: Excel.Workbook,
  sheet: string,
  cell: string,
  notes: boolean,
  pattern = true
): CellProbe {
  const ws = wb.worksheets.getItem(sheet);
  const fill = ws.getRange(cell).format.fill.load(pattern ? "color,pattern" : "color");
  const note = notes ? ws.notes.getItemOrNullObject(cell).load("content") : null;
  return { fill, note, pattern };
}

/** Whether a probed cell has a fill: its pattern, or without ExcelApi 1.9 a colour other than white. */
export function hasFill(p: CellProbe): boolean {
  if (p.pattern) return p.fill.pattern !== "None";
  const c = String(p.fill.color ?? "").toUpperCase();
  return c !== "" && c !== "#FFFFFF";
}

/**
 * Probe the cells of marks (new or previous): one sync, or more on Excel on the web when the probes pass the
 * request limit (src/excel/load.ts). `first` is loaded with the first group (the sheet probes of a plan).
 * Null for a cell on a sheet that does not exist.
 */
export async function probeAll(
  wb: Excel.Workbook,
  sync: () => Promise<void>,
  cells: readonly { sheet: string; cell: string }[],
  exists: (sheet: string) => unknown,
  notes: boolean,
  limit: number,
  first?: Load,
  pattern = true
): Promise<(CellProbe | null)[]> {
  const out: (CellProbe | null)[] = cells.map(() => null);
  const loads: Load[] = cells.flatMap((m, i) =>
    exists(m.sheet)
      ? [
          {
            requestBytes: PROBE_BYTES,
            responseBytes: PROBE_RESPONSE_BYTES,
            queue: () => {
              const p = probeCell(wb, m.sheet, m.cell, notes, pattern);
              return () => (out[i] = p);
            },
          },
        ]
      : []
  );
  if (first) loads.unshift(first);
  await loadAll(sync, loads, limit);
  return out;
}

const isOurs = (p: CellProbe | null | undefined) => !!p && hasFill(p) && isMarkFill(p.fill.color);
const noteText = (p: CellProbe | null | undefined) =>
  p?.note && !p.note.isNullObject ? p.note.content : null;

export interface MarkWork {
  plan: WritePlan;
  oldMarks: StoredMark[];
  oldProbes: (CellProbe | null)[];
  markCells: MarkedCell[];
  markProbes: (CellProbe | null)[];
  notes: boolean;
}

/** Queue the restoring of old marks and the setting of new ones; returns the marks to remember. */
export async function queueMarks(
  wb: Excel.Workbook,
  w: WriteBatch,
  work: MarkWork
): Promise<StoredMark[]> {
  const remembered = new Map<string, StoredMark>();
  const oldByKey = new Map(work.oldMarks.map((m) => [cellKey(m.sheet, m.cell), m]));
  /** The note of a cell after clearing: content, or null when there is none. */
  const noteAfterClear = new Map<string, string | null>();
  const clearedFill = new Set<string>();
  if (work.plan.clearMarks) {
    for (let i = 0; i < work.oldMarks.length; i++) {
      const p = work.oldProbes[i];
      if (p) await restoreMark(wb, w, work.oldMarks[i], p, work.notes, noteAfterClear, clearedFill);
    }
  } else for (const m of work.oldMarks) remembered.set(cellKey(m.sheet, m.cell), m);

  for (let i = 0; i < work.markCells.length; i++) {
    const m = work.markCells[i];
    const p = work.markProbes[i];
    const k = cellKey(m.sheet, m.cell);
    const previous = oldByKey.get(k);
    // The cell's own fill and note: from the earlier mark when the cell is still marked, else as read now.
    const priorFill =
      previous && (isOurs(p) || clearedFill.has(k))
        ? previous.fill
        : p && hasFill(p) && !isMarkFill(p.fill.color)
          ? fillObject(p.fill.color)
          : (previous?.fill ?? null);
    const noteNow = noteAfterClear.has(k) ? noteAfterClear.get(k)! : noteText(p);
    const priorNote = userPartOfNote(noteNow, previous?.note);
    remembered.set(k, { sheet: m.sheet, cell: m.cell, fill: priorFill, note: priorNote });
    const content = markNote(priorNote, m.messages);
    await w.add(MARK_BYTES + textBytes(content) + textBytes(m.sheet), () => {
      const ws = wb.worksheets.getItem(m.sheet);
      ws.getRange(m.cell).format.fill.color = MARK_FILL[m.severity];
      if (!work.notes) return;
      if (noteNow !== null) ws.notes.getItem(m.cell).content = content;
      else ws.notes.add(m.cell, content);
    });
  }
  return [...remembered.values()];
}

/** Put back what a marked cell had, where it still carries our fill and our note text. */
async function restoreMark(
  wb: Excel.Workbook,
  w: WriteBatch,
  m: StoredMark,
  p: CellProbe,
  notes: boolean,
  noteAfterClear: Map<string, string | null>,
  clearedFill: Set<string>
): Promise<void> {
  const k = cellKey(m.sheet, m.cell);
  const fill = isOurs(p) ? { prior: fillHex(m.fill) } : null;
  if (fill) clearedFill.add(k);
  const now = noteText(p);
  let note: "set" | "delete" | null = null;
  if (notes && now !== null && now.includes(MARK_PREFIX)) {
    if (m.note && now.startsWith(m.note)) {
      note = "set";
      noteAfterClear.set(k, m.note);
    } else if (!m.note && now.startsWith(MARK_PREFIX)) {
      note = "delete";
      noteAfterClear.set(k, null);
    }
  }
  if (!fill && !note) return;
  await w.add(MARK_BYTES + textBytes(m.note ?? "") + textBytes(m.sheet), () => {
    const ws = wb.worksheets.getItem(m.sheet);
    const range = ws.getRange(m.cell);
    if (fill?.prior) range.format.fill.color = fill.prior;
    else if (fill) range.format.fill.clear();
    if (note === "set") ws.notes.getItem(m.cell).content = m.note!;
    else if (note === "delete") ws.notes.getItem(m.cell).delete();
  });
}
