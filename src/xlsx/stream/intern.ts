/**
 * Short texts of snapshots that came from worker threads, made one string each again. In the worker, every
 * cell that refers to the same shared string holds the same string; crossing threads copies each text
 * apart (statuses, clusters, codes and headers repeat in every file). Within a file, a text crosses once
 * (grid-pack.ts); across the files, the pool looks each one up here.
 */

/**
 * Texts up to this length are looked up: long texts (descriptions) are mostly unique, and looking each one
 * up would cost more than it saves.
 */
const SHORT = 64;

/** The string to keep for a text: the first one seen of it, across every snapshot of `seen`. */
export function textInterner(seen = new Map<string, string>()): (text: string) => string {
  return (v) => {
    if (v.length > SHORT) return v;
    const known = seen.get(v);
    if (known !== undefined) return known;
    seen.set(v, v);
    return v;
  };
}

/** A row's texts replaced by the strings to keep, in place. */
export function internRow(r: unknown[], intern: (text: string) => string): unknown[] {
  for (let i = 0; i < r.length; i++) {
    const v = r[i];
    if (typeof v === "string") r[i] = intern(v);
  }
  return r;
}
