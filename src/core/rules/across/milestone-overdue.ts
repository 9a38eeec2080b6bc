/**
 * milestone-overdue: Milestone overdue.
 * Checked per row of Mijlpalen: an open status for a quarter that ended before the meetmoment.
 * Its code, severity and messages are in ../milestone-overdue.ts (the catalogue the readers report through).
 */
import { defineCheck, report } from "../context";
import { isCanonicalQuarter, yearOfQuarter } from "../../readers/forms";
import { OPEN_MILESTONE_STATUSES } from "../../vocabulary";

// Module-level copies of imported lists as sets, and of the imported functions (under tsx, the bench,
// an imported binding is a getter call): checked once per milestone row.
const OPEN = new Set<string>(OPEN_MILESTONE_STATUSES);
const canonical = isCanonicalQuarter;
const yearOf = yearOfQuarter;
/** Month and day a quarter ends on, by quarter number: Q1 → 03-31 (331). */
const QUARTER_END_MMDD = [0, 331, 630, 930, 1231];

export default defineCheck({
  code: "milestone-overdue",
  check: {
    sheet: "milestones",
    row(ctx, i) {
      const M = ctx.milestones;
      const timing = M.timing[i];
      const status = M.status[i];
      if (!ctx.meetmoment || !timing || !status || !OPEN.has(status)) return;
      // Timings in records are canonical ("2022 Q1"): does the quarter end before the meetmoment?
      if (
        canonical(timing) &&
        yearOf(timing) * 10000 + QUARTER_END_MMDD[timing.charCodeAt(6) - 48] < ctx.meetmomentDay
      )
        report(ctx, "milestone-overdue", "milestones", i, "status", status, {
          timing,
          meetmoment: ctx.meetmoment,
        });
    },
  },
});
