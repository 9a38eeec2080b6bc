/**
 * realised-open-milestones: Completed project with open milestones.
 * Checked once: completed projects (Gerealiseerd) and their milestones that are not closed.
 * Its code, severity and messages are in ../realised-open-milestones.ts (the catalogue the readers report through).
 */
import { defineCheck, report, type CheckContext } from "../context";
import { CLOSED_MILESTONE_STATUSES } from "../../vocabulary";

const CLOSED = new Set<string>(CLOSED_MILESTONE_STATUSES);

/**
 * For each completed project, its milestones that are neither completed nor stopped: how many, and the
 * row of the first. Only completed projects are counted: the only ones the rule looks at.
 */
function openMilestonesOfRealised(ctx: CheckContext): Map<string, { count: number; row: number }> {
  const realised = new Set<string>();
  for (let i = 0; i < ctx.count.projects; i++)
    if (ctx.projects.status[i] === "Gerealiseerd" && ctx.projects.code[i])
      realised.add(ctx.projects.code[i]);
  const open = new Map<string, { count: number; row: number }>();
  if (!realised.size) return open;
  const M = ctx.milestones;
  for (let i = 0; i < ctx.count.milestones; i++) {
    const status = M.status[i];
    const code = M.projectCode[i];
    if (!status || CLOSED.has(status) || !realised.has(code)) continue;
    const o = open.get(code);
    if (o) o.count++;
    else open.set(code, { count: 1, row: ctx.refs.milestones.row(i) });
  }
  return open;
}

export default defineCheck({
  code: "realised-open-milestones",
  check: {
    run(ctx) {
      const P = ctx.projects;
      const open = openMilestonesOfRealised(ctx);
      if (!open.size) return;
      for (let i = 0; i < ctx.count.projects; i++) {
        const code = P.code[i];
        if (P.status[i] !== "Gerealiseerd" || !code) continue;
        const o = open.get(code);
        if (o)
          report(ctx, "realised-open-milestones", "projects", i, "status", P.status[i], {
            open: o.count,
            exampleRow: o.row,
          });
      }
    },
  },
});
