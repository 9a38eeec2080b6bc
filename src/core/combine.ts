/**
 * Several readings (files, or one file) taken together: the same project reported more than once.
 *
 * The overlap rule (docs/cli.md): a project code on Projecten or Financiering of more than one file.
 * When its rows are identical (every template column, and the milestones and indicators that both files
 * report for it), the project counts once and a warning names where it was found. When they differ it is
 * an error that names both files and the first cell that differs; the figures count the first file's
 * rows only (files in the order given), never both. Within one file two rows of one project are both
 * read: validation reports them (`code-duplicate`, `financing-duplicate`: add them up on one row).
 */
import { cutText, displayValue, SHOWN_LENGTH } from "./cells";
import type { Finding } from "./findings";
import type { RecordRefs } from "./record-refs";
import type { SheetColumns } from "./sheet-columns";
import { RULE_BY_CODE, type RuleCode } from "./rules";
import type { SheetKey } from "./schema";
import { SHEET_BY_KEY } from "./template";
import type { Lang } from "./vocabulary";

/** One reading: a file's columns and where each record came from. */
export interface CombinePart {
  file: string;
  columns: Record<SheetKey, SheetColumns>;
  refs: Record<SheetKey, RecordRefs>;
}

/** Why a record is left out of the figures. */
export type DropReason = "duplicate" | "conflict";

export interface Combined {
  findings: Finding[];
  /** Per part, per sheet: record index → why it is left out. */
  dropped: Map<SheetKey, Map<number, DropReason>>[];
}

const KEYED: readonly SheetKey[] = ["projects", "financing"];
const LISTED: readonly SheetKey[] = ["milestones", "indicators"];

interface Place {
  part: number;
  index: number;
}

/** Per sheet, the template columns a record is compared on (not the computed ones). */
const KEYS = new Map<SheetKey, readonly string[]>();
function keysOf(sheet: SheetKey): readonly string[] {
  let keys = KEYS.get(sheet);
  if (!keys) {
    keys = SHEET_BY_KEY[sheet].columns.filter((c) => c.kind !== "computed").map((c) => c.key);
    KEYS.set(sheet, keys);
  }
  return keys;
}

/** The first template column whose values differ, or null when the records are identical. */
function firstDifference(parts: readonly CombinePart[], sheet: SheetKey, a: Place, b: Place) {
  const xs = parts[a.part].columns[sheet].cols;
  const ys = parts[b.part].columns[sheet].cols;
  const keys = keysOf(sheet);
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k];
    const x = xs[key][a.index];
    const y = ys[key][b.index];
    if (!sameValue(x, y)) return { key, x, y };
  }
  return null;
}

/**
 * Two different values as a conflict names them. Long texts are cut (a finding is one line), but not both
 * at their start: two descriptions that differ after 300 characters would read the same. Both are shown
 * from a little before their first difference.
 */
export function shownPair(x: unknown, y: unknown): [unknown, unknown] {
  if (
    typeof x !== "string" ||
    typeof y !== "string" ||
    (x.length <= SHOWN_LENGTH && y.length <= SHOWN_LENGTH)
  )
    return [displayValue(x), displayValue(y)];
  let at = 0;
  while (at < x.length && at < y.length && x[at] === y[at]) at++;
  // A difference within what a plain cut shows needs nothing more.
  if (at < SHOWN_LENGTH - 40) return [cutText(x), cutText(y)];
  const cut = (s: string) => "..." + cutText(s.slice(at - 40), SHOWN_LENGTH - 3);
  return [cut(x), cut(y)];
}

function sameValue(x: unknown, y: unknown): boolean {
  if (x === y) return true;
  if ((x === null || x === undefined || x === "") && (y === null || y === undefined || y === ""))
    return true;
  return x instanceof Date && y instanceof Date && x.getTime() === y.getTime();
}

/** Two values the same as JSON texts (a date and its ISO text are; "" and an empty cell are not). */
function sameJson(x: unknown, y: unknown): boolean {
  if (x === y) return true;
  if (typeof x === "string" && typeof y === "string") return false;
  return JSON.stringify(x ?? null) === JSON.stringify(y ?? null);
}

/**
 * Two records identical in every compared column, as their JSON texts would be (milestones and
 * indicators have no key of their own): compared column by column, without making those texts.
 */
function sameRecord(
  sheet: SheetKey,
  a: CombinePart,
  i: number,
  b: CombinePart,
  j: number
): boolean {
  const x = a.columns[sheet].cols;
  const y = b.columns[sheet].cols;
  const keys = keysOf(sheet);
  for (let k = 0; k < keys.length; k++) if (!sameJson(x[keys[k]][i], y[keys[k]][j])) return false;
  return true;
}

/**
 * The records of one file grouped by one column (the milestone's or indicator's name, the column after
 * the project code), so that a record is compared with the few of the same name only. The group is the
 * value's JSON text: records the same in every column are always in one group.
 */
class RecordGroups {
  private readonly groups = new Map<string, Place[]>();
  private readonly key: string;

  constructor(
    private readonly sheet: SheetKey,
    private readonly part: CombinePart,
    places: readonly Place[]
  ) {
    this.key = keysOf(sheet)[1];
    for (const p of places) {
      const g = this.groupOf(part, p.index);
      const list = this.groups.get(g);
      if (list) list.push(p);
      else this.groups.set(g, [p]);
    }
  }

  /**
   * A text, as it is; any other value, its JSON text unquoted (a date its ISO text): values the same as
   * JSON texts get the same group (a number and its text share one too, which the comparison then tells).
   */
  private groupOf(part: CombinePart, index: number): string {
    const v = part.columns[this.sheet].cols[this.key][index];
    if (typeof v === "string") return v;
    const json = JSON.stringify(v ?? null);
    return json.charCodeAt(0) === 34 ? (JSON.parse(json) as string) : json;
  }

  /** Whether a record of another file is identical to one of these. */
  has(part: CombinePart, index: number): boolean {
    const list = this.groups.get(this.groupOf(part, index));
    if (!list) return false;
    for (const p of list) if (sameRecord(this.sheet, this.part, p.index, part, index)) return true;
    return false;
  }
}

function codeOf(part: CombinePart, sheet: SheetKey, index: number): string {
  const key = sheet === "projects" ? "code" : "projectCode";
  return String(part.columns[sheet].cols[key][index] ?? "");
}

/** Apply the overlap rule to the parts (in order: the first occurrence counts). */
export function combine(parts: readonly CombinePart[], lang: Lang = "nl"): Combined {
  const c = new Combiner(parts, lang);
  for (const [code, bySheet] of placesByCode(parts)) c.project(code, bySheet);
  return { findings: c.findings, dropped: c.dropped };
}

/** Per project code: every place it occurs, per keyed sheet (Projecten, Financiering). */
function placesByCode(parts: readonly CombinePart[]): Map<string, Map<SheetKey, Place[]>> {
  const places = new Map<string, Map<SheetKey, Place[]>>();
  for (const sheet of KEYED)
    parts.forEach((part, p) => {
      for (let i = 0; i < part.columns[sheet].length; i++) {
        const code = codeOf(part, sheet, i);
        if (!code) continue;
        let bySheet = places.get(code);
        if (!bySheet) places.set(code, (bySheet = new Map<SheetKey, Place[]>()));
        const list = bySheet.get(sheet);
        if (list) list.push({ part: p, index: i });
        else bySheet.set(sheet, [{ part: p, index: i }]);
      }
    });
  return places;
}

/** Milestones and indicators per part and code, indexed once. */
function listedByCode(parts: readonly CombinePart[]): Map<SheetKey, Map<string, Place[]>[]> {
  const listed = new Map<SheetKey, Map<string, Place[]>[]>();
  for (const sheet of LISTED)
    listed.set(
      sheet,
      parts.map((part, f) => {
        const m = new Map<string, Place[]>();
        for (let i = 0; i < part.columns[sheet].length; i++) {
          const code = codeOf(part, sheet, i);
          const list = m.get(code) ?? [];
          m.set(code, list);
          list.push({ part: f, index: i });
        }
        return m;
      })
    );
  return listed;
}

/** The overlap rule applied project by project: what it drops and the findings it makes. */
class Combiner {
  readonly dropped: Combined["dropped"];
  readonly findings: Finding[] = [];
  private readonly listed: Map<SheetKey, Map<string, Place[]>[]>;

  constructor(
    private readonly parts: readonly CombinePart[],
    private readonly lang: Lang
  ) {
    this.dropped = parts.map(() => new Map());
    this.listed = listedByCode(parts);
  }

  /** One project code: its rows on the keyed sheets, then its milestones and indicators. */
  project(code: string, bySheet: Map<SheetKey, Place[]>): void {
    let conflict = false;
    const duplicates: { sheet: SheetKey; all: Place[] }[] = [];
    for (const [sheet, ps] of bySheet) {
      const first = ps[0];
      const later = ps.filter((p) => p.part !== first.part);
      if (later.length === 0) continue;
      for (const p of later) conflict = this.keyedOverlap(code, sheet, first, p, conflict);
      duplicates.push({ sheet, all: [first, ...later] });
    }
    const files = new Set([...bySheet.values()].flat().map((p) => p.part));
    if (files.size > 1)
      conflict = this.listedOverlap(
        code,
        [...files].sort((a, b) => a - b),
        conflict
      );
    if (!conflict && duplicates.length) {
      const d = duplicates[0];
      this.finding("overlap-identical", d.all[d.all.length - 1], d.sheet, code, {
        files: this.where(d.all, d.sheet),
      });
    }
  }

  /** A later file's row of a project against the first file's: a duplicate, or a conflict (reported once). */
  private keyedOverlap(
    code: string,
    sheet: SheetKey,
    first: Place,
    p: Place,
    conflict: boolean
  ): boolean {
    const parts = this.parts;
    const diff = firstDifference(parts, sheet, first, p);
    if (!diff) {
      this.drop(p, sheet, "duplicate");
      return conflict;
    }
    this.drop(p, sheet, "conflict");
    if (conflict) return true;
    const [shownX, shownY] = shownPair(diff.x, diff.y);
    this.finding(
      "overlap-conflict",
      p,
      sheet,
      code,
      {
        first: parts[first.part].file,
        firstCell: this.cell(first, sheet, diff.key),
        firstValue: shownX,
        second: parts[p.part].file,
        secondCell: this.cell(p, sheet, diff.key),
        secondValue: shownY,
      },
      diff.key
    );
    return true;
  }

  /**
   * Milestones and indicators of a project reported in several files: a later file's row identical to
   * one of the first file's is a duplicate; a different row, where the first file reports some, a conflict.
   */
  private listedOverlap(code: string, files: number[], conflict: boolean): boolean {
    const parts = this.parts;
    for (const sheet of LISTED) {
      const rowsOf = (f: number) => this.listed.get(sheet)![f].get(code) ?? [];
      const owner = files.find((f) => rowsOf(f).length > 0);
      if (owner === undefined) continue;
      const ownRows = rowsOf(owner);
      const known = new RecordGroups(sheet, parts[owner], ownRows);
      for (const f of files) {
        if (f === owner) continue;
        for (const p of rowsOf(f)) {
          if (known.has(parts[f], p.index)) {
            this.drop(p, sheet, "duplicate");
            continue;
          }
          if (conflict) continue;
          conflict = true;
          // The first file's first record (the last of its rows identical to it, as always named).
          let first = ownRows[0];
          for (const q of ownRows)
            if (sameRecord(sheet, parts[owner], q.index, parts[owner], ownRows[0].index)) first = q;
          this.finding("overlap-conflict", p, sheet, code, {
            first: parts[owner].file,
            firstCell: this.cell(first, sheet, "projectCode"),
            firstValue: code,
            second: parts[f].file,
            secondCell: this.cell(p, sheet, "projectCode"),
            secondValue: code,
          });
        }
      }
    }
    return conflict;
  }

  private drop(p: Place, sheet: SheetKey, why: DropReason): void {
    const m = this.dropped[p.part].get(sheet) ?? new Map<number, DropReason>();
    this.dropped[p.part].set(sheet, m);
    m.set(p.index, why);
  }

  private cell(p: Place, sheet: SheetKey, key: string): string {
    const ref = this.parts[p.part].refs[sheet].get(p.index);
    return `${ref.sheet}!${ref.letters[key] ?? "A"}${ref.row}`;
  }

  private finding(
    rule: RuleCode,
    at: Place,
    sheet: SheetKey,
    code: string,
    params: object,
    column?: string
  ): void {
    const ref = this.parts[at.part].refs[sheet].get(at.index);
    const key = column ?? (sheet === "projects" ? "code" : "projectCode");
    const def = RULE_BY_CODE[rule];
    this.findings.push({
      file: this.parts[at.part].file,
      sheet: ref.sheet,
      cell: `${ref.letters[key] ?? "A"}${ref.row}`,
      row: ref.row,
      column: SHEET_BY_KEY[sheet].columns.find((c) => c.key === key)!.header,
      projectCode: code,
      rule,
      severity: def.severity,
      message: def.message[this.lang]({ value: code, ...params }),
      value: code,
      target: sheet,
    });
  }

  /** "a.xlsx (Projecten!A2) en b.xlsx (Projecten!A2)": the files and cells a project was found in. */
  private where(ps: Place[], sheet: SheetKey): string {
    const lang = this.lang;
    const files = [...new Set(ps.map((p) => p.part))];
    return files
      .map((f) => {
        const key = sheet === "projects" ? "code" : "projectCode";
        const cells = ps.filter((p) => p.part === f).map((p) => this.cell(p, sheet, key));
        return `${this.parts[f].file} (${cells.join(lang === "nl" ? " en " : " and ")})`;
      })
      .join(lang === "nl" ? " en " : " and ");
  }
}

/** The records of the parts without the dropped ones, in order (the figures' records). */
export function keptIndexes(
  part: CombinePart,
  sheet: SheetKey,
  dropped: Map<SheetKey, Map<number, DropReason>>
): number[] {
  const d = dropped.get(sheet);
  const out: number[] = [];
  for (let i = 0; i < part.columns[sheet].length; i++) if (!d?.has(i)) out.push(i);
  return out;
}
