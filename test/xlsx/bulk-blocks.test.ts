/**
 * Big blocks of plain values written in bulk (bulk-port.ts, bulk-save.ts: merge's Bewaard) give the
 * workbook exceljs writes for the same plan, cell for cell: strings (edge spaces, markup, control
 * characters, repeated), numbers, booleans, dates, formulas with and without results, empty cells, rows
 * of different lengths, a block not in column A, notes on its cells, a bold header above it, a second
 * bulk block below. A value written over a bulk block's rows later is an error at save, never lost.
 */
import ExcelJS from "exceljs";
import type { SheetPlan, WriteValue } from "../../src/workbook/port";
import { BulkXlsxPort } from "../../src/xlsx/bulk-port";
import { loadXlsx } from "../../src/xlsx/open";
import { XlsxPort } from "../../src/xlsx/port";
import { readSnapshot } from "../../src/xlsx/stream/read";

const ODD: WriteValue[] = [
  "tekst",
  "  spaties vooraan en achteraan  ",
  'Lijn 1\nLijn 2 & <markup> "quotes" \u0001 einde',
  12.5,
  -3,
  0,
  true,
  false,
  new Date(Date.UTC(2022, 2, 15)),
  { formula: "1+1", result: 2 },
  { formula: 'IF(1,"a","b")', result: "a" },
  { formula: "A1" },
  null,
  "tekst",
];

function rows(n: number, width: number, seed: number): WriteValue[][] {
  return Array.from({ length: n }, (_, i) =>
    Array.from(
      { length: width - (i % 3 === 0 ? 1 : 0) },
      (_, j) => ODD[(i * 7 + j * 3 + seed) % ODD.length]
    )
  );
}

function plan(): SheetPlan[] {
  return [
    {
      name: "Bewaard",
      mode: "ensure",
      blocks: [
        { row: 1, column: 0, bold: true, values: [["Tabblad", "Cel", "Waarde", "Waarom"]] },
        { row: 2, column: 0, values: rows(300, 4, 0) },
        { row: 310, column: 1, values: rows(40, 3, 5) },
      ],
      columnWidths: [20, 8, 50, 50],
      freezeRows: 1,
      notes: [
        { cell: "C2", text: "een notitie op een probe" },
        { cell: "C3", text: "een notitie op de datumprobe" },
        { cell: "B150", text: "een notitie in het blok" },
        { cell: "C311", text: "een notitie in het tweede blok" },
      ],
    },
    { name: "Klein", mode: "ensure", blocks: [{ row: 3, column: 2, values: [["één rij"]] }] },
  ];
}

/** Every cell exceljs reads back: value, type, number format, note. */
async function cells(bytes: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb.worksheets.map((ws) => {
    const out: Record<string, unknown> = {};
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (c) => {
        if (c.value === null && !c.note && !c.numFmt) return;
        out[c.address] = { value: c.value, type: c.type, numFmt: c.numFmt, note: c.note ?? null };
      })
    );
    return { name: ws.name, dimensions: ws.dimensions?.range, cells: out };
  });
}

async function bothWays(sheets: SheetPlan[]) {
  const plain = new XlsxPort();
  await plain.apply({ sheets });
  const bulk = new BulkXlsxPort();
  await bulk.apply({ sheets });
  return { exceljs: await plain.toBuffer(), bulk: await bulk.toBuffer() };
}

test("a bulk block reads back as exceljs' own writing of it, cell for cell", async () => {
  const { exceljs, bulk } = await bothWays(plan());
  const a = await cells(exceljs);
  const b = await cells(bulk);
  expect(Object.keys(b[0].cells).length).toBeGreaterThan(1000);
  expect(b).toStrictEqual(a);
  const full = async (x: Buffer) => (await loadXlsx("x.xlsx", x)).read();
  expect(await full(bulk)).toStrictEqual(await full(exceljs));
  expect(await readSnapshot("x.xlsx", bulk)).toStrictEqual(await readSnapshot("x.xlsx", exceljs));
});

test("the bulk block's rows are not exceljs' cells: its XML is written at save", async () => {
  const bulk = new BulkXlsxPort();
  await bulk.apply({ sheets: plan() });
  await expect(bulk.read()).rejects.toThrow(/bulk rows exist only in the saved file/);
});

test("a value written over a bulk block's rows by a later plan fails the save", async () => {
  const bulk = new BulkXlsxPort();
  await bulk.apply({ sheets: plan() });
  await bulk.apply({
    sheets: [
      { name: "Bewaard", mode: "ensure", blocks: [{ row: 100, column: 6, values: [["x"]] }] },
    ],
  });
  await expect(bulk.toBuffer()).rejects.toThrow(/bulk block at row 2: cell G100 written over/);
});

test("an error while a block's rows are made fails the save with that error (they are made while the save deflates them)", async () => {
  const broken = {
    get formula(): string {
      throw new Error("deze waarde kan niet geschreven worden");
    },
  } as unknown as WriteValue;
  const sheets = plan();
  sheets[0].blocks![1].values[250] = ["Tabblad", "C252", broken, "waarom"];
  const bulk = new BulkXlsxPort();
  await bulk.apply({ sheets });
  await expect(bulk.toBuffer()).rejects.toThrow(/deze waarde kan niet geschreven worden/);
});
