/**
 * milestone-overdue: Milestone overdue.
 * Checked per row of Mijlpalen: an open status for a quarter that ended before the meetmoment.
 * The check is in ./across/milestone-overdue.ts (the catalogue the readers report through does not import it).
 */
import { defineRule } from "./define";

export default defineRule({
  code: "milestone-overdue",
  severity: "warning",
  title: { nl: "Mijlpaal over tijd", en: "Milestone overdue" },
  message: {
    nl: (p) =>
      `De mijlpaal was gepland voor ${p.timing} (vóór het meetmoment ${p.meetmoment}) maar staat nog op '${p.value}'. Zet de status op Gerealiseerd, Vertraging, Uitgesteld, Bijsturen of Stopgezet.`,
    en: (p) =>
      `The milestone was due ${p.timing} (before ${p.meetmoment}) but is still '${p.value}'. Update its status.`,
  },
  example: {
    break: (b) => void (b.milestones[0].timing = "2022 Q1"),
    cell: "Mijlpalen!D2",
  },
});
