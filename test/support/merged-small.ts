/** Two small entity workbooks from the June 2022 report (VV001–VV003 and VV004–VV005), merged by the command. */
import type { Records } from "../../src/core/records";
import { june2022, workbookOf } from "./mededeling";
import { run } from "../cli/run";

function only(codes: readonly string[]): Records {
  const all = june2022().records;
  const keep = new Set(codes);
  return {
    projects: all.projects.filter((p) => keep.has(p.code)),
    milestones: all.milestones.filter((m) => keep.has(m.projectCode)),
    indicators: all.indicators.filter((i) => keep.has(i.projectCode)),
    financing: all.financing.filter((f) => keep.has(f.projectCode)),
  };
}

/** Writes a.xlsx, b.xlsx and their merge; returns the merge's path and the records of each file. */
export async function mergedSmall(
  path: (name: string) => string
): Promise<{ merged: string; a: Records; b: Records }> {
  const a = only(["VV001", "VV002", "VV003"]);
  const b = only(["VV004", "VV005"]);
  await (await workbookOf(a, "2022-06-01")).save(path("a.xlsx"));
  await (await workbookOf(b, "2022-06-01")).save(path("b.xlsx"));
  const merged = path("samen.xlsx");
  const r = await run("merge", path("a.xlsx"), path("b.xlsx"), "-o", merged);
  if (r.code !== 0) throw new Error(`merge failed: ${r.err}`);
  return { merged, a, b };
}
