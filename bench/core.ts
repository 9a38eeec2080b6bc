/**
 * Core validation throughput, rows per second with all rules on, on the June 2022 report and on a
 * synthetic 100,000-row workbook; side by side with frictionless' Table Schema validator (tableschema
 * 1.12) casting the same rows against the equivalent field constraints, derived from the same schema.
 */
import data from "../data/vlaamse-veerkracht-2022-06.json";
import { loadDataset, recordsToTables } from "../src/core/dataset";
import { validateTables } from "../src/core/validate";
import { findSheetSpec, type ColumnSpec } from "../src/core/template";
import type { TableData } from "../src/core/table";
import { rowCount, syntheticTables } from "./synthetic";
import { timeMedian } from "./median";

// tableschema ships no types.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Schema } = require("tableschema") as {
  Schema: { load(d: object): Promise<{ castRow(row: unknown[]): unknown[] }> };
};

/** The Table Schema field equivalent to one of our columns. */
function tableSchemaField(c: ColumnSpec): object {
  const constraints: Record<string, unknown> = {};
  if (c.required) constraints.required = true;
  switch (c.kind) {
    case "code":
      return {
        name: c.header,
        type: "string",
        constraints: { ...constraints, pattern: "VV\\d{3}" },
      };
    case "list":
      return {
        name: c.header,
        type: "string",
        constraints: { ...constraints, enum: [...c.list!.values] },
      };
    case "amount":
      return { name: c.header, type: "number", constraints: { ...constraints, minimum: 0 } };
    case "percent":
      return { name: c.header, type: "number", constraints };
    case "quarter":
      return {
        name: c.header,
        type: "string",
        constraints: { ...constraints, pattern: "\\d{4} Q[1-4]" },
      };
    default:
      return { name: c.header, type: "string", constraints };
  }
}

async function peerRowsPerSec(tables: TableData[]): Promise<number> {
  const prepared = await Promise.all(
    tables.map(async (t) => {
      const spec = findSheetSpec(t.sheet)!;
      const cols = spec.columns
        .map((c, i) => [c, i] as const)
        .filter(([c]) => c.kind !== "computed");
      const schema = await Schema.load({
        fields: cols.map(([c]) => tableSchemaField(c)),
        missingValues: [""],
      });
      // Table Schema reads text, as from CSV: give it the cells as strings.
      const rows = t.rows.map((r) =>
        cols.map(([, i]) => (r[i] === null || r[i] === undefined ? "" : String(r[i])))
      );
      return { schema, rows };
    })
  );
  const n = prepared.reduce((a, p) => a + p.rows.length, 0);
  const ms = await timeMedian(() => {
    for (const p of prepared)
      for (const row of p.rows) {
        try {
          p.schema.castRow(row);
        } catch {
          // a row that breaks a constraint: counted as checked, like ours
        }
      }
  }, 3);
  return n / (ms / 1000);
}

export async function run(): Promise<Record<string, unknown>> {
  const june = recordsToTables(loadDataset(data).records);
  const juneRows = rowCount(june);
  // Steady state: the small set runs often enough for the JIT to settle before it is timed.
  const juneMs = await timeMedian(() => validateTables(june, { meetmoment: "2022-06-01" }), 51, 30);
  const synthetic = syntheticTables(100_000);
  const rows = rowCount(synthetic);
  const ms = await timeMedian(() => validateTables(synthetic, { meetmoment: "2022-06-01" }), 15, 5);
  const findings = validateTables(synthetic, { meetmoment: "2022-06-01" }).findings.length;
  const peer = await peerRowsPerSec(synthetic);
  const validateRowsPerSec = Math.round(rows / (ms / 1000));
  const out = {
    validateRowsPerSec,
    rows,
    syntheticFindings: findings,
    june2022RowsPerSec: Math.round(juneRows / (juneMs / 1000)),
    june2022Rows: juneRows,
    peerTableschemaRowsPerSec: Math.round(peer),
    speedupOverPeer: Number((validateRowsPerSec / peer).toFixed(2)),
  };
  process.stderr.write(
    `core: ${out.validateRowsPerSec.toLocaleString("en")} rows/s on ${rows.toLocaleString("en")} synthetic rows (${findings} findings), ` +
      `${out.june2022RowsPerSec.toLocaleString("en")} rows/s on June 2022 (${juneRows} rows); tableschema ${out.peerTableschemaRowsPerSec.toLocaleString("en")} rows/s (x${out.speedupOverPeer})\n`
  );
  return out;
}

if (require.main === module) run().then((r) => console.log(JSON.stringify(r)));
