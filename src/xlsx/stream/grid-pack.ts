/**
 * A sheet's used range as it crosses from a worker thread to the thread that asked for it: a code per cell
 * in an Int32Array, its numbers in a Float64Array (both moved, not copied), and its texts once each, joined
 * into two strings (narrow-texts.ts: the Latin-1 ones one byte a character). A structured clone of the
 * rows themselves cost the receiving thread about as much as reading the file had cost the worker
 * (measured on the merge of 50 workbooks: a million cells taken in, each string copied apart and each row
 * array rebuilt through the clone's generic path, with the garbage that makes), so two threads read 50
 * workbooks hardly faster than one. Taken in from this form, a row is
 * an array filled from the codes, and each text one slice of the joined strings, shared by all its cells.
 */
import { joinTexts, splitTexts, type JoinedTexts } from "./narrow-texts";

/** What a cell's code says when it is not a text's index (a text's index is 0 or more). */
const NULL = -1;
const UNDEFINED = -2;
const TRUE = -3;
const FALSE = -4;
const NUMBER = -5;
const DATE = -6;
/** Anything else (a formula, an error, rich text): the next of `others`, cloned as it is. */
const OTHER = -7;
/** A hole in a row (never made by the readers; kept so that the row comes back as it went). */
const HOLE = -8;

export interface PackedGrid {
  firstRow: number;
  firstColumn: number;
  /** Each row's length. */
  lengths: Int32Array;
  /** One code per cell, row after row. */
  codes: Int32Array;
  /** The numbers and the dates' times, in the order of their cells. */
  numbers: Float64Array;
  /** The distinct texts, joined (narrow-texts.ts: one byte a character where they can be). */
  texts: JoinedTexts;
  others: unknown[];
}

type Used = { firstRow: number; firstColumn: number; values: unknown[][] };

/** The used range packed; the buffers to move with it are `gridBuffers` of the result. */
export function packGrid(used: Used): PackedGrid {
  const { values } = used;
  let cells = 0;
  for (const row of values) cells += row.length;
  const lengths = new Int32Array(values.length);
  const codes = new Int32Array(cells);
  const numbers: number[] = [];
  const others: unknown[] = [];
  const textIds = new Map<string, number>();
  const texts: string[] = [];
  let k = 0;
  for (let r = 0; r < values.length; r++) {
    const row = values[r];
    lengths[r] = row.length;
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      let code: number;
      if (typeof v === "string") {
        const id = textIds.get(v);
        if (id === undefined) {
          code = texts.length;
          textIds.set(v, code);
          texts.push(v);
        } else code = id;
      } else if (typeof v === "number") {
        code = NUMBER;
        numbers.push(v);
      } else if (v === null) code = NULL;
      else if (v === undefined) code = c in row ? UNDEFINED : HOLE;
      else if (v === true) code = TRUE;
      else if (v === false) code = FALSE;
      else if (v instanceof Date) {
        code = DATE;
        numbers.push(v.getTime());
      } else {
        code = OTHER;
        others.push(v);
      }
      codes[k++] = code;
    }
  }
  return {
    firstRow: used.firstRow,
    firstColumn: used.firstColumn,
    lengths,
    codes,
    numbers: Float64Array.from(numbers),
    texts: joinTexts(texts),
    others,
  };
}

/** The buffers of a packed grid, to move (not copy) to the other thread. */
export const gridBuffers = (g: PackedGrid): ArrayBuffer[] =>
  [g.lengths.buffer, g.codes.buffer, g.numbers.buffer, g.texts.ends.buffer] as ArrayBuffer[];

/**
 * The used range again, cell for cell. `intern` gives each distinct text the string to use for it (the
 * pool makes equal texts of all files one string, see intern.ts).
 */
export function unpackGrid(g: PackedGrid, intern: (text: string) => string = (t) => t): Used {
  const texts = splitTexts(g.texts);
  for (let i = 0; i < texts.length; i++) texts[i] = intern(texts[i]);
  const values = new Array<unknown[]>(g.lengths.length);
  let k = 0;
  let n = 0;
  let o = 0;
  for (let r = 0; r < values.length; r++) {
    const row = new Array<unknown>(g.lengths[r]);
    for (let c = 0; c < row.length; c++) {
      const code = g.codes[k++];
      if (code >= 0) row[c] = texts[code];
      else if (code === NUMBER) row[c] = g.numbers[n++];
      else if (code === NULL) row[c] = null;
      else if (code === UNDEFINED) row[c] = undefined;
      else if (code === TRUE) row[c] = true;
      else if (code === FALSE) row[c] = false;
      else if (code === DATE) row[c] = new Date(g.numbers[n++]);
      else if (code === OTHER) row[c] = g.others[o++];
      // HOLE: left a hole.
    }
    values[r] = row;
  }
  return { firstRow: g.firstRow, firstColumn: g.firstColumn, values };
}
