/**
 * meetmoment-missing: No measurement date.
 * Checked once: without a meetmoment the time rules are skipped, and this warning says so.
 */
import { defineRule } from "./define";
import { SHEET_BY_KEY } from "../template";

export default defineRule({
  code: "meetmoment-missing",
  severity: "warning",
  title: { nl: "Geen meetmoment", en: "No measurement date" },
  message: {
    nl: () =>
      `De werkmap heeft geen meetmoment, dus achterstallige mijlpalen zijn niet gecontroleerd. Stel het meetmoment in (bv. 2022-06-01).`,
    en: () =>
      `The workbook has no measurement date, so overdue milestones were not checked. Set it (e.g. 2022-06-01).`,
  },
  example: { break: () => undefined, cell: null, meetmoment: null },
  check: {
    run(ctx) {
      if (!ctx.meetmoment)
        ctx.sink.add(
          "meetmoment-missing",
          { sheet: SHEET_BY_KEY.milestones.name, target: "milestones" },
          null,
          null
        );
    },
  },
});
