/**
 * cluster-speerpunt: Cluster does not belong to this spearhead.
 * Checked per row of Projecten against the plan's clusters (src/core/vocabulary.ts).
 * The check is in ./across/cluster-speerpunt.ts (the catalogue the readers report through does not import it).
 */
import { defineRule } from "./define";
import { v, ve } from "./text";

export default defineRule({
  code: "cluster-speerpunt",
  severity: "error",
  title: {
    nl: "Cluster hoort niet bij dit speerpunt",
    en: "Cluster does not belong to this spearhead",
  },
  message: {
    nl: (p) =>
      `Cluster '${p.cluster}' hoort in het plan bij speerpunt '${p.expected}', niet bij ${v(p.value)}. Kies het juiste speerpunt.`,
    en: (p) => `Cluster '${p.cluster}' belongs to spearhead '${p.expected}', not ${ve(p.value)}.`,
  },
  example: {
    break: (b) => void (b.projects[0].speerpunt = "02. Investeren in infrastructuur"),
    cell: "Projecten!D2",
  },
});
