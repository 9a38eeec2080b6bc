/** Where findings are made: a rule's code and a location in, a finding with its message in one language out. */
import { displayValue } from "./cells";
import type { Finding } from "./findings";
import { RULE_BY_CODE, type MsgParams, type RuleCode } from "./rules";
import type { SheetKey } from "./schema";
import type { Lang } from "./vocabulary";

/** Builds findings in one language; shared by the read step and the cross-sheet rules. */
export class FindingSink {
  readonly findings: Finding[] = [];
  constructor(readonly lang: Lang) {}
  /** Record a finding; `params` is owned by the sink from here on (callers pass a fresh literal). */
  add(
    code: RuleCode,
    at: {
      sheet: string;
      row?: number | null;
      letter?: string | null;
      column?: string | null;
      target?: SheetKey;
    },
    projectCode: string | null,
    value: unknown,
    params: MsgParams = {}
  ): void {
    const def = RULE_BY_CODE[code];
    const shown = displayValue(value);
    const p = params;
    p.column = at.column ?? params.column;
    p.sheet = at.sheet;
    if (p.value === undefined) p.value = shown;
    this.findings.push({
      sheet: at.sheet,
      cell: at.letter && at.row ? `${at.letter}${at.row}` : null,
      row: at.row ?? null,
      column: at.column ?? null,
      projectCode,
      rule: code,
      severity: def.severity,
      message: def.message[this.lang](p),
      value: shown,
      ...(at.target ? { target: at.target } : {}),
    });
  }
}
