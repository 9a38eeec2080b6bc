/**
 * meetmoment-missing: No measurement date.
 * Checked once: without a meetmoment the time rules are skipped, and this warning says so.
 * Its code, severity and messages are in ../meetmoment-missing.ts (the catalogue the readers report through).
 */
import { defineCheck } from "../context";
import { SHEET_BY_KEY } from "../../template";

export default defineCheck({
  code: "meetmoment-missing",
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
