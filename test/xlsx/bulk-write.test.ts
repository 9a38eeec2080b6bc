/**
 * The bulk write (merge's tables, src/xlsx/bulk-*.ts) gives the workbook exceljs writes, cell for cell:
 * every value, formula and stored result, number format, alignment, note, table range, dropdown and status
 * colour, read back by exceljs, by our streaming read and by openpyxl. On merges of the demo with notes,
 * dates, edge spaces, markup and control characters added, and on random workbooks of the data-safety
 * suite. The package's parts outside the rows are exceljs' own.
 */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import fc from "fast-check";
import yauzl from "yauzl";
import { mergeWorkbooks, writeDemo } from "../../src/workbook/flows";
import type { WorkbookSnapshot } from "../../src/workbook/port";
import { loadXlsx } from "../../src/xlsx/open";
import { XlsxPort } from "../../src/xlsx/port";
import { BulkXlsxPort } from "../../src/xlsx/bulk-port";
import { readSnapshot } from "../../src/xlsx/stream/read";
import { tempDir } from "../flows/support";
import { materialiseBytes, workbookArb, type RandomSheet } from "../hardening/random-workbook";

const RUNS = Number(process.env.FUZZ_RUNS ?? 15);
const SEED = Number(process.env.FUZZ_SEED ?? 20220601);
jest.setTimeout(120_000 + RUNS * 4_000);
const PYTHON = "/usr/bin/python3";

const tmp = tempDir("vv-bulk-");
afterAll(() => tmp.cleanup());
// Both writes stamp the same time (the stamp's updatedAt): only the clock is faked.
beforeAll(() =>
  jest.useFakeTimers({
    now: new Date("2022-06-01T12:00:00Z"),
    doNotFake: [
      "nextTick",
      "setImmediate",
      "clearImmediate",
      "setTimeout",
      "clearTimeout",
      "setInterval",
      "clearInterval",
      "queueMicrotask",
      "hrtime",
      "performance",
    ],
  })
);
afterAll(() => jest.useRealTimers());

type Input = { file: string; snapshot: WorkbookSnapshot };

/** The merge of `inputs` written by exceljs alone and in bulk. */
async function bothWays(inputs: Input[]): Promise<{ exceljs: Buffer; bulk: Buffer }> {
  const plain = new XlsxPort();
  await mergeWorkbooks(inputs, plain);
  const bulk = new BulkXlsxPort();
  await mergeWorkbooks(inputs, bulk);
  return { exceljs: await plain.toBuffer(), bulk: await bulk.toBuffer() };
}

/** Every cell exceljs reads (value, style, note) and every sheet's tables, dropdowns and colours. */
async function everything(bytes: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb.worksheets.map((ws) => {
    const cells: Record<string, unknown> = {};
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (c) => {
        const style = { numFmt: c.numFmt, alignment: c.alignment, font: c.font, fill: c.fill };
        if (c.value === null && !c.note && !c.numFmt && !c.alignment) return;
        cells[c.address] = { value: c.value, type: c.type, style, note: c.note ?? null };
      })
    );
    const model = ws.model as unknown as Record<string, unknown>;
    return {
      name: ws.name,
      state: ws.state,
      cells,
      tables: Object.values((ws as unknown as { tables: object }).tables).map((t) => {
        const m = (t as unknown as { model: Record<string, unknown> }).model;
        return { name: m.name, ref: m.tableRef ?? m.ref, columns: m.columns };
      }),
      validations: model.dataValidations,
      colours: model.conditionalFormattings,
      columns: ws.columns?.map((c) => ({ width: c.width, numFmt: c.numFmt })),
      views: ws.views,
    };
  });
}

async function expectSameWorkbook(inputs: Input[]) {
  const { exceljs, bulk } = await bothWays(inputs);
  expect(await everything(bulk)).toStrictEqual(await everything(exceljs));
  const full = async (b: Buffer) => (await loadXlsx("x.xlsx", b)).read();
  expect(await full(bulk)).toStrictEqual(await full(exceljs));
  expect(await readSnapshot("x.xlsx", bulk)).toStrictEqual(await readSnapshot("x.xlsx", exceljs));
  return { exceljs, bulk };
}

let demo: Buffer;
beforeAll(async () => {
  const port = new XlsxPort();
  await writeDemo(port);
  demo = await port.toBuffer();
});

/** The demo with what the plain demo lacks: notes on a value and on an empty cell, a date, odd texts. */
async function decoratedDemo(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(demo as unknown as ArrayBuffer);
  const p = wb.getWorksheet("Projecten")!;
  p.getCell("B3").note = "Titel nagekeken";
  p.getCell("B4").value = "  spaties vooraan en achteraan  ";
  p.getCell("B4").note = "Titel ingekort";
  p.getCell("B5").value = 'Lijn 1\nLijn 2 & <markup> "quotes" \u0001 einde';
  // A date typed in a text column (a style of its own: the loaded cells share theirs).
  p.getCell("D6").value = new Date(Date.UTC(2022, 2, 15));
  p.getCell("D6").style = { ...p.getCell("D6").style, numFmt: "dd/mm/yyyy" };
  const m = wb.getWorksheet("Mijlpalen")!;
  m.getCell("E7").value = null;
  m.getCell("E7").note = "Status nog op te vragen";
  m.getCell("C9").value = true;
  // A date in a row that is written (a project's rows that differ from a's keyed row go to Bewaard).
  m.getCell("E8").value = new Date(Date.UTC(2022, 4, 31));
  m.getCell("E8").style = { ...m.getCell("E8").style, numFmt: "dd/mm/yyyy" };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe("the bulk write gives exceljs' workbook", () => {
  test("a merge of the demo and a decorated copy (conflicting rows kept on Bewaard, notes moved)", async () => {
    const b = await decoratedDemo();
    const inputs = [
      { file: "a.xlsx", snapshot: await readSnapshot("a.xlsx", demo) },
      { file: "b.xlsx", snapshot: await readSnapshot("b.xlsx", b) },
    ];
    const { bulk } = await expectSameWorkbook(inputs);
    const merged = await (await loadXlsx("m.xlsx", bulk)).read();
    const notes = new Map(
      merged.sheets.flatMap((s) => (s.notes ?? []).map((n) => [n.text, s.name]))
    );
    // A note on a row of b that a has too (counted once, not written again) is kept on Bewaard.
    expect(notes.get("Titel nagekeken")).toBe("Bewaard");
    const bewaard = merged.sheets.find((s) => s.name === "Bewaard")!;
    const at = bewaard.notes!.find((n) => n.text === "Titel nagekeken")!.cell;
    const row = bewaard.used!.values[Number(at.slice(1)) - bewaard.used!.firstRow];
    expect(row.join(" ")).toContain("één keer geschreven");
    // b's VV003 differs from a's (its title): the row is kept on Bewaard with the conflict, its note too.
    expect(notes.get("Titel ingekort")).toBe("Bewaard");
    const conflictAt = bewaard.notes!.find((n) => n.text === "Titel ingekort")!.cell;
    const conflictRow = bewaard.used!.values[Number(conflictAt.slice(1)) - bewaard.used!.firstRow];
    expect(conflictRow.join(" ")).toContain("overlap-conflict");
    expect(notes.get("Status nog op te vragen")).toBe("Mijlpalen");
    const rows = merged.sheets.flatMap((s) => s.tables).reduce((n, t) => n + t.rows.length, 0);
    const cells = merged.sheets.flatMap((s) => s.tables.flatMap((t) => t.rows.flat()));
    expect(cells.some((v) => v instanceof Date)).toBe(true);
    expect(cells).toContain(true);
    expect(rows).toBeGreaterThan(2168);
  });

  test("random workbooks of the data-safety suite, merged with the demo", async () => {
    const demoInput = { file: "demo.xlsx", snapshot: await readSnapshot("demo.xlsx", demo) };
    await fc.assert(
      fc.asyncProperty(workbookArb, async (sheets: RandomSheet[]) => {
        const bytes = await materialiseBytes(sheets);
        await expectSameWorkbook([
          demoInput,
          { file: "r.xlsx", snapshot: await readSnapshot("r.xlsx", bytes) },
        ]);
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true }
    );
  });
});

const hasOpenpyxl = spawnSync(PYTHON, ["-c", "import openpyxl"]).status === 0;

(hasOpenpyxl ? describe : describe.skip)("another reader", () => {
  test("openpyxl reads the same values and number formats from both files", async () => {
    const b = await decoratedDemo();
    const { exceljs, bulk } = await bothWays([
      { file: "a.xlsx", snapshot: await readSnapshot("a.xlsx", demo) },
      { file: "b.xlsx", snapshot: await readSnapshot("b.xlsx", b) },
    ]);
    const dump = (bytes: Buffer, name: string) => {
      const file = join(tmp.dir, name);
      writeFileSync(file, bytes);
      const r = spawnSync(PYTHON, [join(__dirname, "dump-cells.py"), file], {
        encoding: "utf8",
        maxBuffer: 1 << 28,
      });
      if (r.status !== 0) throw new Error(r.stderr);
      return JSON.parse(r.stdout) as Record<string, Record<string, unknown>>;
    };
    const a = dump(exceljs, "exceljs.xlsx");
    const c = dump(bulk, "bulk.xlsx");
    expect(Object.keys(a.Financiering).length).toBeGreaterThan(1000);
    expect(c).toStrictEqual(a);
  });
});

test("exceljs' package is stored, not deflated, and every part of the saved file is deflated", async () => {
  // Only copied part by part: deflating it in JavaScript (JSZip) cost the merge of 50 workbooks 0.1 s.
  const port = new BulkXlsxPort();
  await mergeWorkbooks([{ file: "a.xlsx", snapshot: await readSnapshot("a.xlsx", demo) }], port);
  /** Each part's compression method: 0 stored, 8 deflated. */
  const methods = (bytes: Buffer) =>
    new Promise<Map<string, number>>((resolve, reject) =>
      yauzl.fromBuffer(bytes, { lazyEntries: false }, (err, zip) => {
        if (err || !zip) return reject(err);
        const out = new Map<string, number>();
        zip.on("entry", (e: yauzl.Entry) => {
          // JSZip lists the folders too; yazl writes the files only.
          if (!e.fileName.endsWith("/")) out.set(e.fileName, e.compressionMethod);
        });
        zip.on("end", () => resolve(out));
        zip.on("error", reject);
      })
    );
  const stub = await methods(await (port as unknown as { stub(): Promise<Buffer> }).stub());
  expect(stub.get("xl/sharedStrings.xml")).toBe(0);
  expect(new Set(stub.values())).toEqual(new Set([0]));
  const saved = await methods(await port.toBuffer());
  expect(saved.size).toBe(stub.size);
  expect(new Set(saved.values())).toEqual(new Set([8]));
});
