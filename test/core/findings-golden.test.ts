/**
 * The core's output pinned: every finding (all fields, in order), every record read and the reading
 * report of validateTables on the synthetic set (bench/synthetic.ts, 20,000 rows) and on the June 2022
 * report, against a golden file made by the code before the speed work of issue 22. A change meant to
 * make validation faster must not change what it finds; if it does, this fails and names what differs.
 * A deliberate change of findings regenerates the file: `UPDATE_GOLDEN=1 npx jest test/core/findings-golden`.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import data from "../../data/vlaamse-veerkracht-2022-06.json";
import { rng, syntheticTables } from "../../bench/synthetic";
import { loadDataset, recordsToTables } from "../../src/core/dataset";
import type { TableData } from "../../src/core/table";
import { validateTables, type ValidateOptions } from "../../src/core/validate";

const GOLDEN = join(__dirname, "../fixtures/golden/core-findings.json");

const sha = (v: unknown) => createHash("sha256").update(JSON.stringify(v)).digest("hex");

interface Pinned {
  findings: number;
  byRule: Record<string, number>;
  findingsSha256: string;
  recordsSha256: string;
  readingSha256: string;
  /** The first findings in full, so that a failure shows a readable difference. */
  head: unknown[];
}

function pin(tables: TableData[], opts: ValidateOptions): Pinned {
  const r = validateTables(tables, opts);
  const byRule: Record<string, number> = {};
  for (const f of r.findings) byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
  return {
    findings: r.findings.length,
    byRule: Object.fromEntries(Object.entries(byRule).sort()),
    findingsSha256: sha(r.findings),
    recordsSha256: sha(r.records),
    readingSha256: sha({ tables: r.reading.tables, refs: r.reading.refs, found: r.reading.found }),
    head: r.findings.slice(0, 25),
  };
}

/** Odd cells of every form hosts deliver, for the mangled set: each reader's and rule's slow path. */
const ODD: unknown[] = [
  "",
  "  ",
  "n.v.t.",
  "1.234,56",
  "1,234.56",
  "€ 12.000",
  "12 k",
  "344.000 EUR",
  -5,
  0,
  "0",
  "50%",
  0.5,
  1.5,
  150,
  "150 %",
  "Q5 2024",
  "2024-Q3",
  "2024 q3",
  "Q3-2024",
  "VV 8e3",
  "vv012",
  "VV012 ",
  "V021",
  "Totaal",
  "Subtotaal",
  "Eindtotaal",
  "Totaal projecten",
  "Beleidsruimte (begroot)",
  "Gerealiseerd",
  "Lopend",
  "lopend",
  "Afgerond ",
  "afgerond",
  "Nog niet gestart",
  "Klaar",
  "Vertraagd",
  "Stopgezet",
  "Duurzaamheid",
  "Digitalisering",
  true,
  false,
  new Date(Date.UTC(2023, 2, 31)),
  new Date(Number.NaN),
  { formula: "SUM(D2:D9)" },
  { formula: "A1+1" },
  { sharedFormula: "B2" },
  { formula: "B2*2", result: 12 },
  { formula: "SUM(E2:E4)", result: 0 },
  { error: "#REF!" },
  "#N/A",
  { richText: [{ text: "VV0" }, { text: "07" }] },
  { text: "link", hyperlink: "https://x" },
  { code: "#VALUE!" },
  Number.NaN,
  1e15,
  -0.004,
  "1e3",
  "12,5",
  "2.000.000",
  "2,000,000.50",
  "-1.000",
  "(1.000)",
  "€-",
  "x".repeat(300),
];

/** The synthetic set with a seeded 4 % of its cells replaced by odd cells, and odd rows put in between. */
function mangled(total: number, seed: number): TableData[] {
  const r = rng(seed);
  return syntheticTables(total, seed).map((t) => {
    const rows: unknown[][] = [];
    for (const row of t.rows) {
      const x = r();
      if (x < 0.01) rows.push([]);
      else if (x < 0.02)
        rows.push(t.headers.map((_, i) => (i === 1 ? "Totaal" : r() < 0.5 ? 100 : null)));
      else if (x < 0.03) rows.push([null, "Een tussentitel", null, 5]);
      rows.push(row.map((c) => (r() < 0.04 ? ODD[Math.floor(r() * ODD.length)] : c)));
    }
    return { ...t, rows };
  });
}

function current(): Record<string, Pinned> {
  const june = recordsToTables(loadDataset(data).records);
  return {
    synthetic20000: pin(syntheticTables(20_000), { meetmoment: "2022-06-01" }),
    synthetic20000en: pin(syntheticTables(20_000, 7), { meetmoment: "2023-03-31", lang: "en" }),
    mangled5000: pin(mangled(5_000, 3), { meetmoment: "2022-06-01" }),
    mangled5000en: pin(mangled(5_000, 11), { meetmoment: "2024-12-31", lang: "en" }),
    june2022: pin(june, { meetmoment: "2022-06-01" }),
    june2022NoMeetmoment: pin(june, {}),
  };
}

test("validateTables finds exactly what the golden file holds (synthetic 20,000 rows, June 2022)", () => {
  const now = current();
  if (process.env.UPDATE_GOLDEN || !existsSync(GOLDEN))
    writeFileSync(GOLDEN, JSON.stringify(now, null, 1) + "\n");
  const golden = JSON.parse(readFileSync(GOLDEN, "utf8")) as Record<string, Pinned>;
  for (const k of Object.keys(golden)) {
    expect({ set: k, ...now[k], head: now[k].head }).toEqual({ set: k, ...golden[k] });
  }
  expect(Object.keys(now)).toEqual(Object.keys(golden));
});
