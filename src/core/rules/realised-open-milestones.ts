/**
 * realised-open-milestones: Completed project with open milestones.
 * Checked once: completed projects (Gerealiseerd) and their milestones that are not closed.
 */
import { defineRule } from "./define";
import { report, type CheckContext } from "./context";
import { CLOSED_MILESTONE_STATUSES } from "../vocabulary";

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

export default defineRule({
  code: "realised-open-milestones",
  severity: "warning",
  title: {
    nl: "Gerealiseerd project met open mijlpalen",
    en: "Completed project with open milestones",
  },
  message: {
    nl: (p) =>
      `Het project staat op Gerealiseerd, maar ${p.open} mijlpa${p.open === 1 ? "al is" : "len zijn"} nog niet gerealiseerd of stopgezet (bv. rij ${p.exampleRow} op 'Mijlpalen'). Werk de mijlpalen of de projectstatus bij.`,
    en: (p) =>
      `The project is Completed but ${p.open} milestone(s) are not completed or stopped (e.g. row ${p.exampleRow} on 'Mijlpalen').`,
  },
  example: {
    break: (b) => void (b.milestones[1].status = "Vertraging"),
    cell: "Projecten!N3",
  },
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
