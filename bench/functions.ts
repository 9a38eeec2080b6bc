/**
 * Custom function throughput over a 100,000-row range (medians of 5 runs after a warm-up):
 * realisatiegraadCellsPerSec — REALISATIEGRAAD cell evaluations per second (a fifth of the cells hold
 * Dutch text amounts, a few are blank or errors); totalsRowsPerSec — rows per second that VAK/BELEIDSRUIMTE
 * read from a 100,000-row Financiering table passed whole (header row included), unfiltered and
 * filtered by cluster through the Projecten table.
 */
import { CLUSTERS, SPEERPUNTEN } from "../src/core/vocabulary";
import { SHEET_BY_KEY } from "../src/core/template";
import { financingTotal, realisationRate } from "../src/functions/impl";
import { timeMedian } from "./median";
import { rng } from "./synthetic";

const ROWS = 100_000;

const dutch = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".");

export async function run(): Promise<Record<string, unknown>> {
  const r = rng(42);
  const cells: [unknown, unknown][] = [];
  for (let i = 0; i < ROWS; i++) {
    const target = Math.round(r() * 2_000_000) + 1;
    const real = Math.round(target * r() * 1.2);
    const x = r();
    cells.push(
      x < 0.2
        ? [dutch(real), dutch(target) + " EUR"]
        : x < 0.22
          ? ["", target]
          : x < 0.23
            ? [{ code: "#N/A" }, target]
            : [real, target]
    );
  }
  let sink = 0;
  const realMs = await timeMedian(() => {
    for (const [a, b] of cells) {
      const v = realisationRate(a, b);
      if (v.ok) sink += v.value;
    }
  });

  const fin = SHEET_BY_KEY.financing;
  const idx = (k: string) => fin.columns.findIndex((c) => c.key === k);
  const table: unknown[][] = [fin.columns.map((c) => c.header)];
  for (let i = 0; i < ROWS; i++) {
    const row: unknown[] = fin.columns.map(() => null);
    const budget = Math.round(r() * 5e7);
    row[idx("projectCode")] = "VV" + String((i % 180) + 1).padStart(3, "0");
    row[idx("begroot")] = r() < 0.2 ? dutch(budget) : budget;
    row[idx("update")] = r() < 0.3 ? Math.round(budget * 0.9) : "";
    row[idx("vak")] =
      r() < 0.2 ? dutch(Math.round(budget * r())) + " EUR" : Math.round(budget * r());
    row[idx("vek")] = Math.round(budget * r() * 0.5);
    table.push(row);
  }
  const proj = SHEET_BY_KEY.projects;
  const pIdx = (k: string) => proj.columns.findIndex((c) => c.key === k);
  const projects: unknown[][] = [proj.columns.map((c) => c.header)];
  for (let i = 1; i <= 180; i++) {
    const row: unknown[] = proj.columns.map(() => null);
    const c = CLUSTERS[(i - 1) % CLUSTERS.length];
    row[pIdx("code")] = "VV" + String(i).padStart(3, "0");
    row[pIdx("cluster")] = c.label;
    row[pIdx("speerpunt")] = c.speerpunt ?? SPEERPUNTEN[0];
    projects.push(row);
  }
  const check = (res: ReturnType<typeof financingTotal>) => {
    if (!res.ok) throw new Error(`bench: ${res.message.en}`);
    sink += res.value;
  };
  const totalMs = await timeMedian(() => check(financingTotal("vak", table)));
  const budgetMs = await timeMedian(() => check(financingTotal("update", table)));
  const filteredMs = await timeMedian(() =>
    check(
      financingTotal("vak", table, {
        filtersoort: "cluster",
        filterwaarde: "05",
        projecten: projects,
      })
    )
  );
  if (!Number.isFinite(sink)) throw new Error("bench: non-finite result");

  const perSec = (ms: number) => Math.round(ROWS / (ms / 1000));
  const out = {
    rows: ROWS,
    realisatiegraadCellsPerSec: perSec(realMs),
    totalsRowsPerSec: perSec(totalMs),
    totalsBudgetRowsPerSec: perSec(budgetMs),
    totalsFilteredRowsPerSec: perSec(filteredMs),
    realisatiegraadMs: +realMs.toFixed(1),
    totalsMs: +totalMs.toFixed(1),
    totalsFilteredMs: +filteredMs.toFixed(1),
  };
  process.stderr.write(
    `functions: REALISATIEGRAAD ${out.realisatiegraadCellsPerSec.toLocaleString("en")} cells/s; VAK over ${ROWS.toLocaleString("en")} rows ${out.totalsRowsPerSec.toLocaleString("en")} rows/s (${out.totalsMs} ms), filtered by cluster ${out.totalsFilteredRowsPerSec.toLocaleString("en")} rows/s\n`
  );
  return out;
}

if (require.main === module) run().then((r) => console.log(JSON.stringify(r)));
