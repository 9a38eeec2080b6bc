/**
 * The texts a worker sends (grid-pack.ts) joined in two strings, so that the Latin-1 ones are held one
 * byte a character on the thread that takes them in.
 *
 * V8 holds a string either one byte a character (Latin-1 only) or two, and a slice of a string shares its
 * parent's form. Joined in one string, the texts of a sheet were two bytes a character as soon as one of
 * them had a curly quote, a dash or a bullet (each entity workbook of the bench has about 500 such
 * characters among 630,000), and every text sliced from it kept that copy alive. Here the Latin-1 texts
 * and the others are joined apart, the Latin-1 ones made one byte a character by a round trip through
 * Latin-1 bytes (a text may be held two bytes a character though all its characters are Latin-1: one decoded
 * with a wide neighbour, or sliced from such a string). The split and the round trip cost the worker about
 * 2 ms a file of the bench (0.6 MB of texts; measured on the worker of a merge, 50 ms for 25 files).
 */

const WIDE = /[\u0100-\uffff]/;

export interface JoinedTexts {
  /** The Latin-1 texts, joined, one byte a character. */
  narrow: string;
  /** The other texts, joined. */
  wide: string;
  /** Text i ends at `ends[i]` of `narrow` when that is 0 or more, else at `-ends[i] - 1` of `wide`. */
  ends: Int32Array;
}

/** The texts joined in two strings (splitTexts gives them back). */
export function joinTexts(texts: readonly string[]): JoinedTexts {
  const narrow: string[] = [];
  const wide: string[] = [];
  const ends = new Int32Array(texts.length);
  let n = 0;
  let w = 0;
  for (let i = 0; i < texts.length; i++) {
    const t = texts[i];
    if (WIDE.test(t)) {
      wide.push(t);
      ends[i] = -(w += t.length) - 1;
    } else {
      narrow.push(t);
      ends[i] = n += t.length;
    }
  }
  // Joined, Latin-1 texts sliced from a two-byte string stay two bytes: Latin-1 bytes and back are not.
  return {
    narrow: Buffer.from(narrow.join(""), "latin1").toString("latin1"),
    wide: wide.join(""),
    ends,
  };
}

/** The texts of `joinTexts`, each a slice of one of its two strings. */
export function splitTexts(j: JoinedTexts): string[] {
  const out = new Array<string>(j.ends.length);
  let n = 0;
  let w = 0;
  for (let i = 0; i < out.length; i++) {
    const e = j.ends[i];
    if (e >= 0) {
      out[i] = j.narrow.slice(n, e);
      n = e;
    } else {
      out[i] = j.wide.slice(w, -e - 1);
      w = -e - 1;
    }
  }
  return out;
}
