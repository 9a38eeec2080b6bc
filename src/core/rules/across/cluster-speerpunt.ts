/**
 * cluster-speerpunt: Cluster does not belong to this spearhead.
 * Checked per row of Projecten against the plan's clusters (src/core/vocabulary.ts).
 * Its code, severity and messages are in ../cluster-speerpunt.ts (the catalogue the readers report through).
 */
import { defineCheck, report } from "../context";
import { isValidClusterSpeerpunt, speerpuntOfCluster } from "../../vocabulary";

export default defineCheck({
  code: "cluster-speerpunt",
  check: {
    sheet: "projects",
    row(ctx, i) {
      const cluster = ctx.projects.cluster[i];
      const speerpunt = ctx.projects.speerpunt[i];
      if (cluster && speerpunt && !isValidClusterSpeerpunt(cluster, speerpunt))
        report(ctx, "cluster-speerpunt", "projects", i, "speerpunt", speerpunt, {
          cluster,
          expected: speerpuntOfCluster(cluster) ?? "?",
        });
    },
  },
});
