/**
 * Runs the checks across rows and sheets, pass by pass. The passes fix the order the findings come out
 * in (the command line and --json print them in that order): the rules of one pass share one loop over
 * a sheet's rows, so a row's findings stay together; a pass that needs an index complete (every code
 * on Projecten, every financing row) comes after the pass that reads it.
 */
import type { FindingSink } from "../finding-sink";
import type { ReadResult } from "../read";
import type { SheetKey } from "../schema";
import { checkContext, type CheckContext } from "./context";
import type { RuleCheck } from "./define";
import { RULE_BY_CODE, RULES, type RuleCode } from "./index";

export const PASSES: readonly (readonly RuleCode[])[] = [
  ["code-duplicate", "cluster-speerpunt"],
  ["koppeling-unknown"],
  ["project-unknown"],
  [
    "financing-duplicate",
    "vek-above-vak",
    "vak-above-budget",
    "spending-zero-budget",
    "origins-sum",
  ],
  ["financing-missing"],
  ["meetmoment-missing"],
  ["milestone-overdue"],
  ["realised-open-milestones"],
  [
    "target-not-number",
    "target-zero",
    "percent-range",
    "realisatiegraad-without-realisatie",
    "realisatiegraad-mismatch",
  ],
];

type Pass =
  | { sheet: SheetKey; rows: ((ctx: CheckContext, i: number) => void)[] }
  | { runs: ((ctx: CheckContext) => void)[] };

/** The passes as loops: one sheet's row checks together, or checks that run once. */
function plan(): Pass[] {
  return PASSES.map((codes) => {
    const checks = codes.map((code) => {
      const check: RuleCheck | undefined = RULE_BY_CODE[code].check;
      if (!check) throw new Error(`rule ${code} is in a pass but has no check`);
      return check;
    });
    const sheets = new Set(checks.map((c) => ("sheet" in c ? c.sheet : null)));
    if (sheets.size !== 1) throw new Error(`pass ${codes.join(", ")} mixes sheets or kinds`);
    const sheet = [...sheets][0];
    return sheet === null
      ? { runs: checks.map((c) => ("run" in c ? c.run : () => {})) }
      : { sheet, rows: checks.map((c) => ("row" in c ? c.row : () => {})) };
  });
}

let passes: Pass[] | undefined;

/** The rules with a check that no pass runs: none, or a rule was added without its place. */
export function checksWithoutPass(): string[] {
  const inPass = new Set<string>(PASSES.flat());
  return RULES.filter((r) => "check" in r && r.check && !inPass.has(r.code)).map((r) => r.code);
}

export function runChecks(
  read: Pick<ReadResult, "columns" | "refs" | "found">,
  sink: FindingSink,
  meetmoment: string | null
): void {
  const ctx = checkContext(read, sink, meetmoment);
  for (const pass of (passes ??= plan())) {
    if ("runs" in pass) {
      for (const run of pass.runs) run(ctx);
      continue;
    }
    const rows = pass.rows;
    const n = ctx.count[pass.sheet];
    for (let i = 0; i < n; i++) for (let k = 0; k < rows.length; k++) rows[k](ctx, i);
  }
}
