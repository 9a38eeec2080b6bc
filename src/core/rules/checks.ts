/**
 * Runs the checks across rows and sheets, pass by pass. The passes fix the order the findings come out
 * in (the command line and --json print them in that order): the rules of one pass share one loop over
 * a sheet's rows, so a row's findings stay together; a pass that needs an index complete (every code
 * on Projecten, every financing row) comes after the pass that reads it.
 */
import type { FindingSink } from "../finding-sink";
import type { ReadResult } from "../read";
import type { SheetKey } from "../schema";
import { checkContext, type CheckContext, type CheckDef, type RuleCheck } from "./context";
import type { RuleCode } from "./index";
import clusterSpeerpunt from "./across/cluster-speerpunt";
import codeDuplicate from "./across/code-duplicate";
import financingDuplicate from "./across/financing-duplicate";
import financingMissing from "./across/financing-missing";
import koppelingUnknown from "./across/koppeling-unknown";
import meetmomentMissing from "./across/meetmoment-missing";
import milestoneOverdue from "./across/milestone-overdue";
import originsSum from "./across/origins-sum";
import percentRange from "./across/percent-range";
import projectUnknown from "./across/project-unknown";
import realisatiegraadMismatch from "./across/realisatiegraad-mismatch";
import realisatiegraadWithoutRealisatie from "./across/realisatiegraad-without-realisatie";
import realisedOpenMilestones from "./across/realised-open-milestones";
import spendingZeroBudget from "./across/spending-zero-budget";
import targetNotNumber from "./across/target-not-number";
import targetZero from "./across/target-zero";
import vakAboveBudget from "./across/vak-above-budget";
import vekAboveVak from "./across/vek-above-vak";

/** Every check across rows and sheets (./across); the catalogue (./index) holds their rules' messages. */
export const CHECKS: readonly CheckDef[] = [
  clusterSpeerpunt,
  codeDuplicate,
  financingDuplicate,
  financingMissing,
  koppelingUnknown,
  meetmomentMissing,
  milestoneOverdue,
  originsSum,
  percentRange,
  projectUnknown,
  realisatiegraadMismatch,
  realisatiegraadWithoutRealisatie,
  realisedOpenMilestones,
  spendingZeroBudget,
  targetNotNumber,
  targetZero,
  vakAboveBudget,
  vekAboveVak,
];

const CHECK_BY_CODE: ReadonlyMap<string, RuleCheck> = new Map(CHECKS.map((c) => [c.code, c.check]));

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
      const check = CHECK_BY_CODE.get(code);
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
  return CHECKS.filter((c) => !inPass.has(c.code)).map((c) => c.code);
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
