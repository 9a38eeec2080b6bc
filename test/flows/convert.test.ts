/**
 * Conversion on real files: mapping by header and synonyms (header rows anywhere, plain ranges and
 * tables), unknown sheets and columns kept, idempotence, and the property that no input value is lost.
 */
import ExcelJS from "exceljs";
import fc from "fast-check";
import { isBlank, toScalar } from "../../src/core/cells";
import { KEPT_SHEET, SHEETS } from "../../src/core/template";
import {
  buildOverview,
  convertWorkbook,
  createTemplate,
  planConversion,
  validateFlow,
} from "../../src/workbook/flows";
import { loadXlsx } from "../../src/xlsx/open";
import { STAMP_SHEET, XlsxPort } from "../../src/xlsx/port";
import type { WorkbookSnapshot } from "../../src/workbook/port";

async function reload(port: XlsxPort, name = "x.xlsx"): Promise<XlsxPort> {
  return loadXlsx(name, await port.toBuffer());
}

/** Every non-empty value of every sheet (the stamp sheet aside), as text. */
function allValues(wb: ExcelJS.Workbook): string[] {
  const out: string[] = [];
  for (const ws of wb.worksheets) {
    if (ws.name === STAMP_SHEET) continue;
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Merge || isBlank(cell.value)) return;
        const s = toScalar(cell.value);
        out.push(
          s instanceof Date ? s.toISOString() : typeof s === "object" && s ? s.error : String(s)
        );
      })
    );
  }
  return out;
}

function stripVolatile(s: WorkbookSnapshot) {
  return { ...s, stamp: s.stamp ? { ...s.stamp, updatedAt: undefined } : null };
}

describe("conversion of an English workbook with a title above the header", () => {
  let out: XlsxPort;
  let preview: Awaited<ReturnType<typeof convertWorkbook>>;
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const p = wb.addWorksheet("Projects");
    p.getCell("A1").value = "Report of my agency";
    p.getRow(3).values = [null, null, "Code", "Title", "Cluster", "Spearhead", "Status", "Remarks"];
    p.getRow(4).values = [
      null,
      null,
      "VV001",
      "Asbest",
      "01. Renovatie gebouwenpatrimonium (energetisch & asbestverwijdering)",
      "01. Economie en samenleving verduurzamen",
      "Opgestart",
      "call Jan",
    ];
    p.getRow(5).values = [
      null,
      null,
      "VV002",
      "Fiets",
      "02. Fietsinfrastructuur",
      "02. Investeren in infrastructuur",
      "Gerealiseerd",
      null,
    ];
    const b = wb.addWorksheet("Budget");
    b.addTable({
      name: "MyBudget",
      ref: "A1",
      columns: [
        { name: "Project" },
        { name: "Budget" },
        { name: "Commitments" },
        { name: "Payments" },
      ],
      rows: [
        ["VV001", 1000, 500, 100],
        ["VV002", 2000, 0, 0],
      ],
    });
    wb.addWorksheet("Notes").getCell("B2").value = "keep me";
    const port = await loadXlsx("in.xlsx", Buffer.from(await wb.xlsx.writeBuffer()));
    preview = await convertWorkbook(port);
    out = await reload(port, "out.xlsx");
  });

  it("says what was mapped to what", () => {
    const projects = preview.sheets.find((s) => s.source === "Projects")!;
    expect(projects).toMatchObject({ target: "Projecten", action: "moved", headerRow: 3, rows: 2 });
    expect(projects.columns.find((c) => c.header === "Code")).toMatchObject({
      from: "C",
      to: "Projectcode",
      how: "synonym",
    });
    expect(projects.columns.find((c) => c.header === "Remarks")).toMatchObject({
      from: "H",
      to: "Remarks",
      how: "extra",
    });
    const budget = preview.sheets.find((s) => s.source === "Budget")!;
    expect(budget.columns.find((c) => c.header === "Commitments")).toMatchObject({
      to: "Uitvoering VAK",
    });
    expect(preview.sheets.find((s) => s.source === "Notes")).toMatchObject({
      action: "kept",
      target: null,
    });
  });

  it("writes the template tables with the values and keeps the rest", async () => {
    const snap = await out.read();
    const projecten = snap.sheets.find((s) => s.name === "Projecten")!.tables[0];
    expect(projecten.headers.slice(0, SHEETS[0].columns.length)).toEqual(
      SHEETS[0].columns.map((c) => c.header)
    );
    expect(projecten.headers).toContain("Remarks");
    expect(projecten.rows.map((r) => r[0])).toEqual(["VV001", "VV002"]);
    expect(projecten.rows[0][projecten.headers.indexOf("Remarks")]).toBe("call Jan");
    const fin = snap.sheets.find((s) => s.name === "Financiering")!.tables[0];
    expect(fin.rows[0][fin.headers.indexOf("Uitvoering VAK")]).toBe(500);
    expect(snap.sheets.find((s) => s.name === "Notes")!.used!.values).toEqual([["keep me"]]);
    const kept = snap.sheets.find((s) => s.name === KEPT_SHEET)!.used!.values.flat();
    expect(kept).toContain("Report of my agency");
    expect(kept).toContain("Code");
    // The converted workbook validates: two projects, two financing rows.
    const v = await validateFlow(out);
    expect(v.records.projects.map((p) => p.code)).toEqual(["VV001", "VV002"]);
    expect(v.records.financing.map((f) => f.vak)).toEqual([500, 0]);
  });

  it("changes nothing when converted again", async () => {
    const before = await out.read();
    const again = planConversion(before);
    expect(again.kept).toEqual([]);
    expect(again.sheets.filter((s) => s.action === "converted" || s.action === "moved")).toEqual(
      []
    );
  });
});

it("converting a template changes nothing", async () => {
  // A template as `vv-monitor template` makes it: the four tables and the Overzicht.
  const port = new XlsxPort();
  await createTemplate(port, { meetmoment: "2022-06-01" });
  await buildOverview(port);
  const first = await reload(port);
  const before = await first.read();
  const preview = await convertWorkbook(first);
  expect(preview.sheets.filter((s) => s.target).every((s) => s.action === "unchanged")).toBe(true);
  expect(preview.kept).toEqual([]);
  const after = await (await reload(first)).read();
  expect(stripVolatile(after)).toEqual(stripVolatile(before));
});

// ---- property: no value is lost -------------------------------------------------------------------

const headerPool = [
  ...SHEETS.flatMap((s) => s.columns.flatMap((c) => [c.header, c.en, ...(c.synonyms ?? [])])),
  "Opmerking",
  "Remarks",
  "",
  "Kolom",
  "Projectcode",
  "Status",
];
const cellArb = fc.oneof(
  { weight: 3, arbitrary: fc.stringMatching(/^[A-Za-z0-9éëç€.,:;'()\- ]{1,14}$/) },
  { weight: 2, arbitrary: fc.integer({ min: -1e9, max: 1e12 }) },
  {
    weight: 1,
    arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }),
  },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 3, arbitrary: fc.constant(null) }
);
const sheetArb = fc.record({
  name: fc.constantFrom(
    "Projecten",
    "Projects",
    "Mijlpalen",
    "Milestones",
    "Outputindicatoren",
    "Financiering",
    "Budget",
    "Notities",
    "Blad1",
    "Lijsten",
    "Instructies",
    "Bewaard"
  ),
  asTable: fc.boolean(),
  top: fc.integer({ min: 0, max: 3 }),
  left: fc.integer({ min: 0, max: 2 }),
  above: fc.array(cellArb, { maxLength: 3 }),
  headers: fc.array(fc.constantFrom(...headerPool), { minLength: 1, maxLength: 8 }),
  rows: fc.array(fc.array(cellArb, { minLength: 0, maxLength: 9 }), { maxLength: 6 }),
});
const workbookArb = fc.uniqueArray(sheetArb, {
  minLength: 1,
  maxLength: 4,
  selector: (s) => s.name,
});

type GenSheet = typeof sheetArb extends fc.Arbitrary<infer T> ? T : never;

async function build(sheets: GenSheet[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  sheets.forEach((s, k) => {
    const ws = wb.addWorksheet(s.name);
    const headerRow = s.top + 1 + (s.above.length ? 1 : 0);
    s.above.forEach((v, j) => (ws.getCell(1, j + 1).value = v as ExcelJS.CellValue));
    if (s.asTable) {
      const seen = new Set<string>();
      const headers = s.headers.map((h, i) => {
        let n = h || `K${i}`;
        while (seen.has(n.toLowerCase())) n += "+";
        seen.add(n.toLowerCase());
        return n;
      });
      const rows = s.rows.length
        ? s.rows.map((r) => headers.map((_, i) => (r[i] ?? null) as ExcelJS.CellValue))
        : [headers.map(() => null)];
      ws.addTable({
        name: `T${k}x`,
        ref: `${String.fromCharCode(65 + s.left)}${headerRow}`,
        columns: headers.map((name) => ({ name })),
        rows,
      });
    } else {
      s.headers.forEach((h, j) => (ws.getCell(headerRow, s.left + j + 1).value = h || null));
      s.rows.forEach((r, i) =>
        r.forEach(
          (v, j) => (ws.getCell(headerRow + 1 + i, s.left + j + 1).value = v as ExcelJS.CellValue)
        )
      );
    }
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** More runs to hunt for counterexamples: FUZZ_RUNS=500 npx jest test/flows/convert (seed: FUZZ_SEED) */
const PROPERTY_RUNS = Number(process.env.FUZZ_RUNS ?? 40);

it(
  "never loses a value: every non-empty input cell is found in the converted workbook",
  async () => {
    await fc.assert(
      fc.asyncProperty(workbookArb, async (sheets) => {
        const input = await loadXlsx("in.xlsx", await build(sheets));
        const inputValues = allValues(input.workbook);
        await convertWorkbook(input);
        const output = await reload(input, "out.xlsx");
        const found = new Map<string, number>();
        for (const v of allValues(output.workbook)) found.set(v, (found.get(v) ?? 0) + 1);
        for (const v of inputValues) {
          if (!found.has(v))
            throw new Error(
              `value ${JSON.stringify(v)} lost (sheets ${sheets.map((s) => s.name).join(", ")})`
            );
        }
        // And a second conversion has nothing left to do.
        const again = planConversion(await output.read());
        expect(again.kept).toEqual([]);
        expect(
          again.sheets.filter((s) => s.action === "converted" || s.action === "moved")
        ).toEqual([]);
      }),
      { numRuns: PROPERTY_RUNS, seed: Number(process.env.FUZZ_SEED ?? 20220601) }
    );
  },
  30_000 + PROPERTY_RUNS * 1_000
);

it("createTemplate over a workbook with data keeps every value and reports what it created and kept", async () => {
  const wb = new ExcelJS.Workbook();
  const p = wb.addWorksheet("Projecten");
  p.addRow(["Projectcode", "Projecttitel", "Eigen notitie"]);
  p.addRow(["VV007", "Batterijpremie", "bellen"]);
  wb.addWorksheet("Blad1").getCell("C3").value = 42;
  const port = await loadXlsx("in.xlsx", Buffer.from(await wb.xlsx.writeBuffer()));
  const r = await createTemplate(port, { meetmoment: "2022-06-01" });
  expect(r.kept).toEqual(["Projecten"]);
  expect(r.created).toEqual(
    expect.arrayContaining([
      "Instructies",
      "Mijlpalen",
      "Outputindicatoren",
      "Financiering",
      "Lijsten",
    ])
  );
  const out = await reload(port);
  const values = allValues(out.workbook);
  for (const v of ["VV007", "Batterijpremie", "bellen", "Eigen notitie", "42"])
    expect(values).toContain(v);
  const t = (await out.read()).sheets.find((s) => s.name === "Projecten")!.tables[0];
  expect(t.tableName).toBe("tblProjecten");
  expect(t.rows[0].slice(0, 2)).toEqual(["VV007", "Batterijpremie"]);
});

describe("sheets recognised by their headers, whatever their name", () => {
  async function workbook(sheets: Record<string, unknown[][]>): Promise<XlsxPort> {
    const wb = new ExcelJS.Workbook();
    for (const [name, rows] of Object.entries(sheets)) {
      const ws = wb.addWorksheet(name);
      rows.forEach((r) => ws.addRow(r));
    }
    return loadXlsx("in.xlsx", Buffer.from(await wb.xlsx.writeBuffer()));
  }

  it("a sheet 'Mijn projecten' whose header names the code and more project columns becomes Projecten", async () => {
    const port = await workbook({
      "Mijn projecten": [
        ["Rapport entiteit X"],
        [],
        ["Code", "Titel", "Cluster", "Speerpunt", "Status", "Opmerking"],
        ["VV012", "Fietspaden", "02", "2", "Opgestart", "bel Jan"],
      ],
      Notities: [
        ["Code", "Wie"],
        ["VV012", "Jan"],
      ],
    });
    const preview = await convertWorkbook(port, {});
    const mine = preview.sheets.find((s) => s.source === "Mijn projecten")!;
    expect(mine).toMatchObject({ target: "Projecten", rows: 1 });
    // Two matching headers are not enough: Notities stays as it was.
    expect(preview.sheets.find((s) => s.source === "Notities")).toMatchObject({
      target: null,
      action: "kept",
    });
    const snap = await port.read();
    const table = snap.sheets.find((s) => s.name === "Projecten")!.tables[0];
    expect(table.rows[0].slice(0, 2)).toEqual(["VV012", "Fietspaden"]);
    expect(table.headers).toContain("Opmerking");
  });

  it("a sheet named like a template sheet wins over one recognised by headers", async () => {
    const port = await workbook({
      Extra: [
        ["Projectcode", "Projecttitel", "Cluster", "Speerpunt"],
        ["VV001", "A", "05", "01"],
      ],
      Projecten: [
        ["Projectcode", "Projecttitel"],
        ["VV002", "B"],
      ],
    });
    const preview = planConversion(await port.read());
    expect(preview.sheets.find((s) => s.source === "Projecten")).toMatchObject({
      target: "Projecten",
    });
    expect(preview.sheets.find((s) => s.source === "Extra")).toMatchObject({ target: null });
  });
});
