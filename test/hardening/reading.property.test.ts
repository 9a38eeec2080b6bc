/**
 * Property: a workbook from the random generator, with what people add to it (total and subtotal rows,
 * blank rows, headings, a source line and footnotes with numbers under the table, headers with their
 * unit), gives exactly the same totals as the clean workbook, or is refused the same way. Both are real
 * .xlsx files, read through the file port.
 */
import ExcelJS from "exceljs";
import fc from "fast-check";
import { totals, type GroupBy } from "../../src/core/calc";
import { missingForTotals } from "../../src/core/figures";
import { SHEET_BY_KEY } from "../../src/core/template";
import { CLUSTERS } from "../../src/core/vocabulary";
import { readFiles } from "../../src/workbook/flows";
import { loadXlsx } from "../../src/xlsx/open";
import { cellArb, type RandomCell } from "./random-workbook";

const codes = fc.constantFrom(
  "VV001",
  "VV012",
  "vv12 ",
  "VV 21",
  "VV083",
  "VV158",
  "VV170",
  "VV180"
);
const amount = fc.oneof(
  fc.integer({ min: 0, max: 5e9 }),
  fc.integer({ min: 0, max: 1e9 }).map((n) => n / 100),
  fc.integer({ min: 0, max: 9e8 }).map((n) => n.toLocaleString("nl-BE")),
  cellArb
);
const cluster = fc.constantFrom(...CLUSTERS.filter((c) => c.speerpunt).map((c) => c));

type Row = RandomCell[];
interface Book {
  projects: { headers: string[]; rows: Row[] };
  financing: { headers: string[]; rows: Row[] };
}

const projectRow = fc
  .tuple(codes, cluster, fc.array(cellArb, { minLength: 3, maxLength: 3 }))
  .map(([code, c, rest]): Row => [
    code,
    String(rest[0] ?? "titel"),
    c.label,
    c.speerpunt,
    rest[1],
    rest[2],
  ]);
const financingRow = fc
  .tuple(codes, fc.array(amount, { minLength: 4, maxLength: 4 }))
  .map(([code, a]): Row => [code, ...(a as RandomCell[])]);

const bookArb: fc.Arbitrary<Book> = fc.record({
  projects: fc.record({
    headers: fc.constant([
      "Projectcode",
      "Projecttitel",
      "Cluster",
      "Speerpunt",
      "Projectstatus",
      "Opmerking",
    ]),
    rows: fc.array(projectRow, { minLength: 1, maxLength: 8 }),
  }),
  financing: fc.record({
    headers: fc.constant(SHEET_BY_KEY.financing.columns.slice(0, 5).map((c) => c.header)),
    rows: fc.array(financingRow, { minLength: 1, maxLength: 8 }),
  }),
});

/** What people add: units in the headers, total rows (formulas or typed), blank rows, footnotes. */
const messArb = fc.record({
  unit: fc.constantFrom(" (EUR)", " (in euro)", " in EUR", " €", " (€)"),
  subtotalAfter: fc.option(fc.integer({ min: 1, max: 7 })),
  totalAs: fc.constantFrom("sum", "typed", "none"),
  blankBefore: fc.boolean(),
  footnoteNumber: fc.option(fc.integer({ min: 1, max: 1e7 })),
  heading: fc.boolean(),
});
type Mess = typeof messArb extends fc.Arbitrary<infer T> ? T : never;

function sheet(wb: ExcelJS.Workbook, name: string, headers: string[], rows: Row[]) {
  const ws = wb.addWorksheet(name);
  ws.addRow(headers);
  for (const r of rows)
    ws.addRow(r.map((v) => (v === null ? undefined : v)) as ExcelJS.CellValue[]);
}

function messyFinancing(b: Book, m: Mess): { headers: string[]; rows: Row[] } {
  const headers = b.financing.headers.map((h, i) => (i === 0 ? h : h + m.unit));
  const rows: Row[] = [];
  if (m.heading) rows.push(["Cluster 05 O&O"]);
  const sub = m.subtotalAfter ?? 0;
  const letters = ["B", "C", "D", "E"];
  b.financing.rows.forEach((r, i) => {
    rows.push(r);
    if (i + 1 === sub && sub < b.financing.rows.length) {
      const end = 1 + rows.length;
      rows.push([
        "Subtotaal",
        ...letters.map(
          (l) => ({ formula: `SUBTOTAL(9,${l}2:${l}${end})` }) as unknown as RandomCell
        ),
      ]);
    }
  });
  if (m.blankBefore) rows.push([]);
  const last = 1 + rows.length;
  if (m.totalAs === "sum")
    rows.push([
      "Totaal",
      ...letters.map(
        (l) => ({ formula: `SUBTOTAL(9,${l}2:${l}${last})` }) as unknown as RandomCell
      ),
    ]);
  if (m.totalAs === "typed") rows.push(["Totaal", 123, 456, 789, 1011]);
  rows.push([], ["Bron: Orafin, stand 15/05/2022"]);
  if (m.footnoteNumber !== null)
    rows.push(["* VAK inclusief herverdeling", null, null, m.footnoteNumber]);
  return { headers, rows };
}

async function file(b: Book, fin: { headers: string[]; rows: Row[] }) {
  const wb = new ExcelJS.Workbook();
  sheet(wb, "Projecten", b.projects.headers, b.projects.rows);
  sheet(wb, "Financiering", fin.headers, fin.rows);
  const port = await loadXlsx("x.xlsx", Buffer.from(await wb.xlsx.writeBuffer()));
  return port.read();
}

/** What totals gives: the figures, or the refusal (the missing columns). */
function outcome(snapshot: Awaited<ReturnType<typeof file>>, by: GroupBy) {
  const r = readFiles([{ file: "x.xlsx", snapshot }]);
  const missing = missingForTotals(r.files[0].result.reading.tables, by);
  if (missing.length) return { refused: missing.map((m) => m.columns.join(",")) };
  return totals(r.records.projects, r.records.financing, by);
}

const RUNS = Number(process.env.FUZZ_RUNS ?? 40);

it(
  "total rows, footnotes, headings and unit headers do not change a single total",
  async () => {
    await fc.assert(
      fc.asyncProperty(
        bookArb,
        messArb,
        fc.constantFrom<GroupBy>("speerpunt", "cluster", "envelop", "project"),
        async (b, m, by) => {
          const clean = outcome(await file(b, b.financing), by);
          const messy = outcome(await file(b, messyFinancing(b, m)), by);
          expect(messy).toEqual(clean);
        }
      ),
      { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 20220601) }
    );
  },
  30_000 + RUNS * 1_000
);
