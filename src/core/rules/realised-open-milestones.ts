/**
 * realised-open-milestones: Completed project with open milestones.
 * Checked once: completed projects (Gerealiseerd) and their milestones that are not closed.
 * The check is in ./across/realised-open-milestones.ts (the catalogue the readers report through does not import it).
 */
import { defineRule } from "./define";

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
});
