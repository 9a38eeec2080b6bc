/**
 * Random workbooks for the hardening suites: template sheets with shuffled, renamed, missing and extra
 * columns, header rows moved down, blanks in the middle, unknown sheets, and cells of every kind
 * (numbers, Dutch and English number text, dates, booleans, errors, formulas, long and unicode strings).
 */
import ExcelJS from "exceljs";
import fc from "fast-check";
import { SHEETS } from "../../src/core/template";
import { loadXlsx } from "../../src/xlsx/open";
import type { XlsxPort } from "../../src/xlsx/port";

export type RandomCell =
  string | number | boolean | Date | { formula: string; result: number } | { error: string } | null;

export const cellArb: fc.Arbitrary<RandomCell> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      "VV001",
      "vv12 ",
      "VV180",
      "2022 Q1",
      "Q3 2021",
      "Op schema",
      "Gerealiseerd",
      "05. Versterking O&O",
      "7,2 %",
      "1.650.000",
      "74,032",
      "344.000 EUR",
      "Nog te bepalen"
    ),
  },
  { weight: 2, arbitrary: fc.constant(null) },
  fc.integer({ min: -1e6, max: 1e10 }),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }),
  fc
    .string({ maxLength: 20 })
    .filter((s) => s.trim() !== "" && !s.startsWith("=") && !s.startsWith("#")),
  fc
    .string({ unit: "grapheme", minLength: 1, maxLength: 8 })
    .filter((s) => s.trim() !== "" && !s.startsWith("=") && !s.startsWith("#")),
  fc.boolean(),
  fc
    .date({ min: new Date("2000-01-01"), max: new Date("2040-12-31"), noInvalidDate: true })
    .map((d) => new Date(Math.round(d.getTime() / 1000) * 1000)),
  fc.integer({ min: 1, max: 99 }).map((n) => ({ formula: `${n}*2`, result: n * 2 })),
  fc.constantFrom({ error: "#N/A" }, { error: "#DIV/0!" }),
  fc.string({ minLength: 300, maxLength: 1200 }).map((s) => "lang " + s)
);

export interface RandomSheet {
  name: string;
  /** Blank rows above the header. */
  offset: number;
  headers: (string | null)[];
  rows: RandomCell[][];
}

const templateSheet: fc.Arbitrary<RandomSheet> = fc
  .record({
    spec: fc.constantFrom(...SHEETS),
    nameStyle: fc.constantFrom("exact", "lower", "english"),
    offset: fc.constantFrom(0, 0, 0, 2),
    extra: fc.array(fc.constantFrom("Opmerking", "Intern nr", "Contact"), { maxLength: 2 }),
    rows: fc.array(fc.array(cellArb, { maxLength: 14 }), { maxLength: 8 }),
    drop: fc.integer({ min: 0, max: 3 }),
  })
  .chain(({ spec, nameStyle, offset, extra, rows, drop }) =>
    fc
      .shuffledSubarray([...spec.columns.map((c) => c.header), ...new Set(extra)], {
        minLength: Math.max(1, spec.columns.length - drop),
      })
      .map((headers) => ({
        name:
          nameStyle === "exact"
            ? spec.name
            : nameStyle === "lower"
              ? spec.name.toLowerCase()
              : spec.en,
        offset,
        headers,
        rows,
      }))
  );

const otherSheet: fc.Arbitrary<RandomSheet> = fc.record({
  name: fc.constantFrom("Notities", "Blad1", "Data 2021"),
  offset: fc.constant(0),
  headers: fc.array(
    fc.option(
      fc
        .string({ minLength: 1, maxLength: 10 })
        .filter((s) => s.trim() !== "" && !s.startsWith("="))
    ),
    { maxLength: 5 }
  ),
  rows: fc.array(fc.array(cellArb, { maxLength: 6 }), { maxLength: 6 }),
});

/** 1 to 5 sheets with distinct names, in random order. */
export const workbookArb: fc.Arbitrary<RandomSheet[]> = fc
  .array(fc.oneof({ weight: 3, arbitrary: templateSheet }, otherSheet), {
    minLength: 1,
    maxLength: 5,
  })
  .map((sheets) => {
    const seen = new Set<string>();
    return sheets.filter((s) => {
      const k = s.name.toLowerCase();
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
  });

/** Write the random sheets as a real .xlsx and open it through the xlsx port. */
export async function materialise(sheets: RandomSheet[]): Promise<XlsxPort> {
  return loadXlsx("random.xlsx", await materialiseBytes(sheets));
}

/** The random sheets as an exceljs workbook (callers may add to it before writing). */
export function randomWorkbook(sheets: RandomSheet[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.headers.forEach((h, c) => {
      if (h !== null) ws.getCell(s.offset + 1, c + 1).value = h;
    });
    s.rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null) ws.getCell(s.offset + 2 + r, c + 1).value = v as ExcelJS.CellValue;
      })
    );
  }
  return wb;
}

/** The bytes of the random sheets written as a real .xlsx. */
export async function materialiseBytes(sheets: RandomSheet[]): Promise<Buffer> {
  return Buffer.from(await randomWorkbook(sheets).xlsx.writeBuffer());
}

/** Reload a port's workbook from the bytes it would save: what a user gets back. */
export async function roundTrip(port: XlsxPort): Promise<XlsxPort> {
  return loadXlsx("out.xlsx", await port.toBuffer());
}

/** A cell's value as a comparable key; formulas by their text, dates by time. */
export function cellKey(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return `d:${v.getTime()}`;
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if ("formula" in o || "sharedFormula" in o) return `f:${String(o.formula ?? o.sharedFormula)}`;
    if ("error" in o) return `e:${String(o.error)}`;
    if ("richText" in o)
      return `s:${(o.richText as { text: string }[]).map((t) => t.text).join("")}`;
    if ("text" in o) return `s:${String(o.text)}`;
    return `o:${JSON.stringify(o)}`;
  }
  if (typeof v === "string") return v.trim() === "" ? null : `s:${v}`;
  return `${typeof v}:${String(v)}`;
}

/** Every non-empty cell of the user's sheets: sheet → address → key. */
export function cellMap(
  port: XlsxPort,
  skip: (sheet: string) => boolean = () => false
): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  port.workbook.eachSheet((ws) => {
    if (skip(ws.name)) return;
    const m = new Map<string, string>();
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        const k = cellKey(cell.value);
        if (k !== null) m.set(cell.address, k);
      })
    );
    out.set(ws.name, m);
  });
  return out;
}

/** Multiset of all values in a workbook. */
export function valueCounts(port: XlsxPort): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of cellMap(port).values())
    for (const k of m.values()) counts.set(k, (counts.get(k) ?? 0) + 1);
  return counts;
}
