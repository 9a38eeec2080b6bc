/**
 * Short texts of snapshots that came from worker threads, made one string each again. In the worker, every
 * cell that refers to the same shared string holds the same string; a structured clone copies each
 * occurrence apart (statuses, clusters, codes and headers repeat on every row of every file). The table
 * rows that repeat the used range are shared by transfer.ts already.
 */
import type { WorkbookSnapshot } from "../../workbook/port";

/**
 * Texts up to this length are looked up: long texts (descriptions) are mostly unique, and looking each one
 * up would cost more than it saves.
 */
const SHORT = 64;

/** Replace the snapshot's short texts by one string per text, in place, across the snapshots of `seen`. */
export function internStrings(
  snapshot: WorkbookSnapshot,
  seen = new Map<string, string>()
): WorkbookSnapshot {
  for (const sheet of snapshot.sheets) {
    sheet.used?.values.forEach((row) => internRow(row, seen));
    for (const t of sheet.tables) {
      internRow(t.headers, seen);
      t.rows.forEach((row) => internRow(row, seen));
    }
  }
  return snapshot;
}

function internRow(r: unknown[], seen: Map<string, string>) {
  for (let i = 0; i < r.length; i++) {
    const v = r[i];
    if (typeof v !== "string" || v.length > SHORT) continue;
    const known = seen.get(v);
    if (known === undefined) seen.set(v, v);
    // Equal texts compare equal whatever their object: the known one is put in its place.
    else r[i] = known;
  }
}
