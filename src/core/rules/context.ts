/**
 * What the checks across rows and sheets see: each sheet's columns typed after its record, where each
 * record came from, the finding sink, the meetmoment, and the two indexes several rules share (the first
 * row of each project code on Projecten and on Financiering).
 */
import type { FindingSink } from "../finding-sink";
import type { ReadResult } from "../read";
import type { RecordRefs } from "../record-refs";
import type { SheetColumns } from "../sheet-columns";
import type { Financing, Indicator, Milestone, Project, SheetKey } from "../schema";
import { SHEET_BY_KEY } from "../template";
import type { MsgParams } from "./define";
import type { RuleCode } from "./index";

/**
 * A rule's check across rows and sheets. `rows` checks run once per row of `sheet` (rules sharing a
 * pass share the loop, so a row's findings stay together); `run` checks run once.
 */
export type RuleCheck =
  | { sheet: SheetKey; row: (ctx: CheckContext, i: number) => void }
  | { run: (ctx: CheckContext) => void };

/** A check of ./across: the rule it raises (its messages are in the catalogue) and how. */
export interface CheckDef {
  code: RuleCode;
  check: RuleCheck;
}

export function defineCheck(c: CheckDef): CheckDef {
  return c;
}

/** A sheet's columns typed after its record type (Project → code: string[], ...). */
export type ColumnsOf<T> = { readonly [K in keyof T]-?: readonly T[K][] };

export interface CheckContext {
  readonly sink: FindingSink;
  /** ISO date, or null when the workbook has none (the time rules are then skipped). */
  readonly meetmoment: string | null;
  /** The meetmoment as a number, 2022-06-01 → 20220601 (0 without one). */
  readonly meetmomentDay: number;
  /** Template sheets found, and for each the column keys present. */
  readonly found: ReadResult["found"];
  readonly refs: Record<SheetKey, RecordRefs>;
  /** Number of records per sheet. */
  readonly count: Record<SheetKey, number>;
  readonly projects: ColumnsOf<Project>;
  readonly milestones: ColumnsOf<Milestone>;
  readonly indicators: ColumnsOf<Indicator>;
  readonly financing: ColumnsOf<Financing>;
  /** Project code → index of its first record on Projecten. */
  readonly firstProject: ReadonlyMap<string, number>;
  /** Project code → index of its first record on Financiering. */
  readonly firstFinancing: ReadonlyMap<string, number>;
}

const HEADERS = Object.fromEntries(
  Object.entries(SHEET_BY_KEY).map(([k, spec]) => [
    k,
    Object.fromEntries(spec.columns.map((c) => [c.key, c.header])),
  ])
) as Record<SheetKey, Record<string, string>>;

/**
 * Add a finding of `rule` about record i of `sheet`, pointing at its column `key` and naming the
 * record's project code.
 */
export function report(
  ctx: CheckContext,
  rule: RuleCode,
  sheet: SheetKey,
  i: number,
  key: string,
  value: unknown,
  params?: MsgParams
): void {
  const ref = ctx.refs[sheet].get(i);
  const where = {
    sheet: ref.sheet,
    row: ref.row,
    letter: ref.letters[key] ?? null,
    column: HEADERS[sheet][key],
    target: sheet,
  };
  const code = sheet === "projects" ? ctx.projects.code[i] : ctx[sheet].projectCode[i];
  ctx.sink.add(rule, where, code || null, value, params);
}

/** "2022-06-01" → 20220601, for comparing with quarter ends without building strings. */
function dateNumber(iso: string): number {
  return Number(iso.slice(0, 4)) * 10000 + Number(iso.slice(5, 7)) * 100 + Number(iso.slice(8, 10));
}

/** Code → index of its first record, for the non-empty codes of one column. */
function firstIndex(codes: readonly string[]): Map<string, number> {
  const first = new Map<string, number>();
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i];
    if (code && !first.has(code)) first.set(code, i);
  }
  return first;
}

const typed = <T>(c: SheetColumns) => c.cols as unknown as ColumnsOf<T>;

export function checkContext(
  read: Pick<ReadResult, "columns" | "refs" | "found">,
  sink: FindingSink,
  meetmoment: string | null
): CheckContext {
  const { columns: cols } = read;
  const projects = typed<Project>(cols.projects);
  const financing = typed<Financing>(cols.financing);
  return {
    sink,
    meetmoment,
    meetmomentDay: meetmoment ? dateNumber(meetmoment) : 0,
    found: read.found,
    refs: read.refs,
    count: {
      projects: cols.projects.length,
      milestones: cols.milestones.length,
      indicators: cols.indicators.length,
      financing: cols.financing.length,
    },
    projects,
    milestones: typed<Milestone>(cols.milestones),
    indicators: typed<Indicator>(cols.indicators),
    financing,
    firstProject: firstIndex(projects.code),
    firstFinancing: firstIndex(financing.projectCode),
  };
}
