/**
 * The rule catalogue: every check validation makes, one file per rule holding its code, severity, title,
 * messages in Dutch and English, its example and (for the rules across rows and sheets) its check.
 * The list below is the catalogue's order: docs/rules.md (npm run docs:rules), the Validatie sheet
 * and the task pane show the rules in it. A new rule is a file here plus its line below (and, when it
 * has a check, its place in a pass in checks.ts).
 */
import sheetMissing from "./sheet-missing";
import columnMissing from "./column-missing";
import required from "./required";
import cellError from "./cell-error";
import codeFormat from "./code-format";
import codeRange from "./code-range";
import typeAmount from "./type-amount";
import amountNegative from "./amount-negative";
import typePercent from "./type-percent";
import percentRange from "./percent-range";
import numberAsText from "./number-as-text";
import numberAmbiguous from "./number-ambiguous";
import enumValue from "./enum-value";
import listSpelling from "./list-spelling";
import timingFormat from "./timing-format";
import timingVariant from "./timing-variant";
import timingRange from "./timing-range";
import totalMismatch from "./total-mismatch";
import rowLeftOut from "./row-left-out";
import amountLeftOut from "./amount-left-out";
import amountScaled from "./amount-scaled";
import columnTwice from "./column-twice";
import columnHidden from "./column-hidden";
import formulaUncomputed from "./formula-uncomputed";
import overlapIdentical from "./overlap-identical";
import overlapConflict from "./overlap-conflict";
import codeDuplicate from "./code-duplicate";
import projectUnknown from "./project-unknown";
import financingDuplicate from "./financing-duplicate";
import financingMissing from "./financing-missing";
import clusterSpeerpunt from "./cluster-speerpunt";
import koppelingUnknown from "./koppeling-unknown";
import vekAboveVak from "./vek-above-vak";
import vakAboveBudget from "./vak-above-budget";
import spendingZeroBudget from "./spending-zero-budget";
import originsSum from "./origins-sum";
import meetmomentMissing from "./meetmoment-missing";
import meetmomentInvalid from "./meetmoment-invalid";
import milestoneOverdue from "./milestone-overdue";
import realisedOpenMilestones from "./realised-open-milestones";
import targetNotNumber from "./target-not-number";
import targetZero from "./target-zero";
import realisatiegraadMismatch from "./realisatiegraad-mismatch";
import realisatiegraadWithoutRealisatie from "./realisatiegraad-without-realisatie";
import type { RuleDef } from "./define";

export type { MsgParams, RuleDef, RuleExample } from "./define";

export const RULES = [
  // Structure
  sheetMissing,
  columnMissing,
  // Cells
  required,
  cellError,
  codeFormat,
  codeRange,
  typeAmount,
  amountNegative,
  typePercent,
  percentRange,
  numberAsText,
  numberAmbiguous,
  enumValue,
  listSpelling,
  timingFormat,
  timingVariant,
  timingRange,
  // Reading: where a table ends, total rows, formulas
  totalMismatch,
  rowLeftOut,
  amountLeftOut,
  amountScaled,
  columnTwice,
  columnHidden,
  formulaUncomputed,
  // Across files
  overlapIdentical,
  overlapConflict,
  // Across rows and sheets
  codeDuplicate,
  projectUnknown,
  financingDuplicate,
  financingMissing,
  clusterSpeerpunt,
  koppelingUnknown,
  // Financial coherence
  vekAboveVak,
  vakAboveBudget,
  spendingZeroBudget,
  originsSum,
  // Time
  meetmomentMissing,
  meetmomentInvalid,
  milestoneOverdue,
  realisedOpenMilestones,
  // Indicators
  targetNotNumber,
  targetZero,
  realisatiegraadMismatch,
  realisatiegraadWithoutRealisatie,
] as const;

export type RuleCode = (typeof RULES)[number]["code"];
export const RULE_BY_CODE: Readonly<Record<RuleCode, RuleDef>> = Object.fromEntries(
  RULES.map((r) => [r.code, r])
) as Record<RuleCode, RuleDef>;
