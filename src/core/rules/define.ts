/**
 * What a rule of the catalogue is: its code, severity, title and messages in Dutch and English, the
 * example that makes it fire (docs/rules.md shows that finding; the rule tests check it fires there and
 * stays silent on the valid example book). The checks across rows and sheets live apart (./across, run by ./checks.ts), so that the readers can report through this
 * catalogue without importing the checks, whose context imports the readers' results (no import circle).
 * Rules without a check are raised where the fault is seen: the cell readers (src/core/readers), the
 * read step (src/core/read.ts), the row classifier (src/core/region.ts) or reading several files
 * together (src/core/combine.ts); each rule's file says which.
 */
import type { Severity } from "../findings";
import type { TableData } from "../table";
import type { Book } from "./example-book";

/** The workbook's labelled meetmoment cell when it holds something that is not a date. */
export interface MeetmomentCellFault {
  sheet: string;
  /** A1 address, e.g. "B2". */
  cell: string;
  value: unknown;
}

/** Message parameters: column header, value as shown, and rule-specific figures. */
export interface MsgParams {
  column?: string;
  value?: unknown;
  sheet?: string;
  [k: string]: unknown;
}

/** How to break the valid example book (example-book.ts) so the rule fires, and where it must point. */
export interface RuleExample {
  /** Change the book; return tables instead when the fault is in the tables' shape (a header, a sheet). */
  break: (b: Book) => TableData[] | void;
  /** Where the finding must point (sheet!A1), or null for a finding about a whole sheet. */
  cell: string | null;
  /** Validate without a meetmoment. */
  meetmoment?: null;
  /** Validate with the workbook's meetmoment cell holding this (not a date). */
  meetmomentCell?: MeetmomentCellFault;
  /** Rules across files: change a second copy of the valid book, read as b.xlsx beside a.xlsx. */
  secondFile?: (b: Book) => void;
  /**
   * Raised when a workbook is read, not by the core (the reading ledger, src/workbook/flows): the broken
   * tables are read as a workbook, one sheet each.
   */
  workbook?: true;
}

export interface RuleDef<C extends string = string> {
  code: C;
  severity: Severity;
  /** What the rule checks, for the catalogue. */
  title: { nl: string; en: string };
  message: { nl: (p: MsgParams) => string; en: (p: MsgParams) => string };
  example: RuleExample;
}

/** A rule, typed so that its code stays a literal (RuleCode is the union of the catalogue's codes). */
export function defineRule<C extends string>(rule: RuleDef<C>): RuleDef<C> {
  return rule;
}
