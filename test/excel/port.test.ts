import { SHEETS, LISTS_SHEET, INSTRUCTIONS_SHEET } from "../../src/core/template";
import { TEMPLATE_VERSION } from "../../src/core/vocabulary";
import {
  ExcelWorkbookPort,
  MARK_FILL,
  STATE_SHEET,
  STAMP_PROPERTIES,
  toOffice,
  type ExcelRun,
} from "../../src/excel/port";
import { createTemplate } from "../../src/workbook/flows/template";
import { FakeExcel } from "../fakes/excel";
import { plainWorkbook } from "../fakes/workbooks";

const portOf = (
  x: FakeExcel,
  opts: Partial<ConstructorParameters<typeof ExcelWorkbookPort>[0]> = {}
) =>
  new ExcelWorkbookPort({
    run: x.run as unknown as ExcelRun,
    notes: true,
    ...opts,
  });

async function syncsOf(x: FakeExcel, f: () => Promise<unknown>): Promise<number> {
  const before = x.syncs;
  await f();
  return x.syncs - before;
}

describe("the fake Excel behaves like Office.js where batching matters", () => {
  it("throws on a property read before load and sync", async () => {
    const x = new FakeExcel();
    x.addSheet("Blad1", [["a"]]);
    await x.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Blad1").getRange("A1").load("values");
      expect(() => r.values).toThrow(/PropertyNotLoaded/);
      await ctx.sync();
      expect(r.values).toEqual([["a"]]);
    });
  });
  it("rejects a 2-D array of the wrong size at sync, and null leaves a cell unchanged", async () => {
    const x = new FakeExcel();
    x.addSheet("Blad1", [["a", "b"]]);
    await expect(
      x.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Blad1").getRange("A1:B1").values = [["x"]];
        await ctx.sync();
      })
    ).rejects.toThrow(/InvalidArgument/);
    await x.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Blad1").getRange("A1:B1").values = [
        [null, "c"],
      ] as unknown as string[][];
      await ctx.sync();
    });
    expect(x.read("Blad1", "A1:B1")).toEqual([["a", "c"]]);
  });
});

describe("ExcelWorkbookPort.read", () => {
  it("reads tables, plain sheets, notes and the stamp in 4 syncs", async () => {
    const x = plainWorkbook(5);
    const port = portOf(x);
    let snap!: Awaited<ReturnType<ExcelWorkbookPort["read"]>>;
    expect(await syncsOf(x, async () => (snap = await port.read()))).toBe(4);
    expect(snap.sheets.map((s) => s.name)).toEqual([
      "Projecten",
      "Milestones",
      "Outputindicatoren",
      "Financing",
    ]);
    const p = snap.sheets[0];
    expect(p.tables).toEqual([]);
    expect(p.used?.firstRow).toBe(1);
    expect(p.used?.values[0][0]).toBe("Rapportering Projecten");
    expect(p.used?.values[2]).toEqual(SHEETS[0].columns.map((c) => c.header));
    expect(p.used?.values.length).toBe(3 + 5);
    expect(snap.stamp).toBeNull();
  });

  it("chunks reads above the cell limit, all chunks in the same sync", async () => {
    const x = plainWorkbook(300, { maxCellsPerRange: 1000 });
    const port = portOf(x, { maxCellsPerRange: 1000 });
    let snap!: Awaited<ReturnType<ExcelWorkbookPort["read"]>>;
    x.calls.length = 0;
    expect(await syncsOf(x, async () => (snap = await port.read()))).toBe(4);
    // 4 sheets of 303 rows, up to 1000 cells per piece: many pieces, one sync.
    expect(
      x.calls.filter((c) => c === "Range.load(values,formulas)").length
    ).toBeGreaterThanOrEqual(10);
    expect(snap.sheets[1].used?.values.length).toBe(303);
    expect(snap.sheets[1].used?.values[302]).toEqual(
      x.read("Milestones", `A303:E303`)[0].map((v) => (v === "" ? null : v))
    );
  });

  it("splits and retries when the response passes the payload limit (Excel on the web)", async () => {
    const x = plainWorkbook(200, { maxPayloadBytes: 60_000 });
    const port = portOf(x);
    const full = await portOf(plainWorkbook(200)).read();
    let snap!: Awaited<ReturnType<ExcelWorkbookPort["read"]>>;
    const syncs = await syncsOf(x, async () => (snap = await port.read()));
    expect(syncs).toBeGreaterThan(4);
    expect(snap).toEqual(full);
  });
});

describe("ExcelWorkbookPort.apply with the template flow", () => {
  it("creates the template: tables, dropdowns, status colours, notes, hidden lists, stamp", async () => {
    const x = new FakeExcel();
    x.addSheet("Blad1");
    const port = portOf(x);
    await createTemplate(port, { meetmoment: "2022-06-01" });
    for (const s of SHEETS) {
      const t = x.table(s.tableName);
      expect(t.sheet.name).toBe(s.name);
      expect(
        x.read(s.name, "A1:" + String.fromCharCode(64 + Math.min(26, s.columns.length)) + "1")[0]
      ).toEqual(s.columns.slice(0, 26).map((c) => c.header));
    }
    expect(x.sheet(LISTS_SHEET).visibility).toBe("Hidden");
    expect(x.sheets[0].name).toBe(INSTRUCTIONS_SHEET);
    const status = SHEETS[0].columns.findIndex((c) => c.key === "status");
    const dv = x.sheet("Projecten").validations.find((v) => v.rect.column === status);
    expect(dv?.rule).toEqual({
      list: {
        inCellDropDown: true,
        source: expect.stringMatching(/^=Lijsten!\$[A-Z]+\$2:\$[A-Z]+\$\d+$/),
      },
    });
    const cfs = x.sheet("Projecten").condFormats.filter((f) => f.rect.column === status);
    expect(cfs.map((f) => f.rule?.formula1)).toContain('="Actie nodig"');
    expect(x.sheet("Projecten").notes.get("A1")?.content).toMatch(/VV001/);
    expect(x.customProps.get(STAMP_PROPERTIES.templateVersion)).toBe(TEMPLATE_VERSION);
    expect(x.customProps.get(STAMP_PROPERTIES.meetmoment)).toBe("2022-06-01");
    expect(x.sheet(STATE_SHEET).visibility).toBe("VeryHidden");
    const snap = await port.read();
    expect(snap.stamp).toMatchObject({
      templateVersion: TEMPLATE_VERSION,
      meetmoment: "2022-06-01",
    });
    expect(snap.sheets.some((s) => s.name === STATE_SHEET)).toBe(false);
    // Run twice: nothing duplicated (conditional formats, notes), nothing fails.
    await createTemplate(port, { meetmoment: "2022-06-01" });
    expect(x.sheet("Projecten").condFormats.filter((f) => f.rect.column === status).length).toBe(
      cfs.length
    );
  });

  it("never turns typed text into a formula or a number", () => {
    expect(toOffice("=SOM(A1)", false)).toBe("'=SOM(A1)");
    expect(toOffice("00123", false)).toBe("'00123");
    expect(toOffice("00123", true)).toBe("00123");
    expect(toOffice({ formula: "A1*2" }, false)).toBe("=A1*2");
    expect(toOffice(null, false)).toBe("");
  });
});

describe("marks", () => {
  it("sets fills and notes, and clearMarks restores the user's own fill and note only", async () => {
    const x = new FakeExcel();
    x.addSheet("Projecten", [["Projectcode"], ["VV1"], ["VV002"]]);
    x.sheet("Projecten").ensure(1, 0).fill = "#00FF00"; // the user's own colour
    x.sheet("Projecten").notes.set("A3", { cell: "A3", content: "mijn notitie" });
    x.sheet("Projecten").ensure(5, 3).fill = "#123456"; // untouched by anything
    const port = portOf(x);
    await port.apply({
      clearMarks: true,
      marks: [
        { sheet: "Projecten", cell: "A2", severity: "error", message: "Ongeldige code" },
        { sheet: "Projecten", cell: "A3", severity: "warning", message: "Let op" },
      ],
    });
    expect(x.cell("Projecten", "A2")?.fill).toBe(MARK_FILL.error);
    expect(x.sheet("Projecten").notes.get("A2")?.content).toBe("vv-monitor: Ongeldige code");
    expect(x.sheet("Projecten").notes.get("A3")?.content).toBe(
      "mijn notitie\n\nvv-monitor: Let op"
    );
    // Marking again over the marks keeps the original fill and note remembered.
    await port.apply({
      marks: [{ sheet: "Projecten", cell: "A2", severity: "warning", message: "Nog iets" }],
    });
    const syncs = await syncsOf(x, () => port.apply({ clearMarks: true }));
    expect(syncs).toBe(6);
    expect(x.cell("Projecten", "A2")?.fill).toBe("#00FF00");
    expect(x.sheet("Projecten").notes.has("A2")).toBe(false);
    expect(x.sheet("Projecten").notes.get("A3")?.content).toBe("mijn notitie");
    expect(x.cell("Projecten", "A3")?.fill ?? null).toBeNull();
    expect(x.cell("Projecten", "D6")?.fill).toBe("#123456");
    expect(x.read("Projecten", "A1:A3")).toEqual([["Projectcode"], ["VV1"], ["VV002"]]);
  });

  it("leaves a mark's cell alone when the user recoloured it since", async () => {
    const x = new FakeExcel();
    x.addSheet("Projecten", [["Projectcode"], ["VV1"]]);
    const port = portOf(x);
    await port.apply({
      marks: [{ sheet: "Projecten", cell: "A2", severity: "error", message: "fout" }],
    });
    x.sheet("Projecten").ensure(1, 0).fill = "#0000FF";
    await port.apply({ clearMarks: true });
    expect(x.cell("Projecten", "A2")?.fill).toBe("#0000FF");
  });
});

describe("replacing a sheet", () => {
  it("keeps the sheet (so references to it stay valid) and the user's notes, and drops our old content", async () => {
    const x = new FakeExcel();
    x.addSheet("Data", [["=Lijsten!A2"]]);
    x.addSheet("Lijsten", [["oud"], ["x"], ["y"]]);
    x.sheet("Lijsten").notes.set("C5", { cell: "C5", content: "notitie van de gebruiker" });
    const id = x.sheet("Lijsten").id;
    const port = portOf(x);
    await port.apply({
      sheets: [
        {
          name: "Lijsten",
          mode: "replace",
          hidden: true,
          blocks: [{ row: 1, column: 0, values: [["Nieuw"], ["a"]] }],
        },
      ],
    });
    expect(x.sheet("Lijsten").id).toBe(id);
    expect(x.read("Lijsten", "A1:A3")).toEqual([["Nieuw"], ["a"], [""]]);
    expect(x.sheet("Lijsten").notes.get("C5")?.content).toBe("notitie van de gebruiker");
    expect(x.read("Data", "A1", true)).toEqual([["=Lijsten!A2"]]);
  });
});

describe("values round-trip", () => {
  it("reads back exactly what a plan wrote: numbers, text that looks like a number or formula, dates, blanks", async () => {
    const x = new FakeExcel();
    x.addSheet("Blad1");
    const port = portOf(x);
    const when = new Date(Date.UTC(2022, 5, 1));
    await port.apply({
      sheets: [
        {
          name: "Proef",
          mode: "ensure",
          table: {
            name: "tblProef",
            headerRow: 1,
            headers: ["Code", "Tekst", "Getal", "Datum", "Formule"],
            columns: [{ numFmt: "@" }, {}, { numFmt: "#,##0.00" }, { numFmt: "yyyy-mm-dd" }, {}],
            rows: [
              ["00123", "=SOM(A1)", 1650000, when, { formula: "C2*2" }],
              ["VV001", "1.650.000", 0.072, null, { formula: "C3*2" }],
              ["2022 Q1", "'citaat", -5, null, null],
              ["waar", "TRUE", null, null, null],
            ],
          },
        },
      ],
    });
    const snap = await port.read({ sheets: ["Proef"] });
    const t = snap.sheets[0].tables[0];
    expect(t.headers).toEqual(["Code", "Tekst", "Getal", "Datum", "Formule"]);
    expect(t.rows.map((r) => r.slice(0, 4))).toEqual([
      ["00123", "=SOM(A1)", 1650000, 44713],
      ["VV001", "1.650.000", 0.072, null],
      ["2022 Q1", "'citaat", -5, null],
      ["waar", "TRUE", null, null],
    ]);
    expect(x.read("Proef", "E2:E3", true)).toEqual([["=C2*2"], ["=C3*2"]]);
    expect(x.cell("Proef", "A2")?.numberFormat).toBe("@");
    expect(x.cell("Proef", "E2")?.numberFormat).toBe("General");
  });
});

describe("Excel on the web: the 5 MB request limit", () => {
  it("groups large writes below the limit when it is known, and splits a refused request when it is not", async () => {
    const { templateTable } = await import("../../src/workbook/flows");
    const { reportTables, rowsOf } = await import("../fakes/workbooks");
    const spec = SHEETS[0];
    const plan = {
      sheets: [
        {
          name: spec.name,
          mode: "ensure" as const,
          table: templateTable(spec, rowsOf(reportTables()[0], 400), "nl"),
        },
      ],
    };
    const last = rowsOf(reportTables()[0], 400)[399][0];
    // The port knows the limit: no request passes it.
    const x = new FakeExcel({ maxPayloadBytes: 200_000 });
    x.addSheet("Blad1");
    const syncs = await syncsOf(x, () => portOf(x, { writePayloadLimit: 200_000 }).apply(plan));
    expect(syncs).toBeGreaterThan(4);
    expect(x.largestRequest).toBeLessThanOrEqual(200_000);
    const snap = await portOf(x).read({ sheets: [spec.name] });
    expect(snap.sheets[0].tables[0].rows.length).toBe(400);
    expect(snap.sheets[0].tables[0].rows[399][0]).toBe(last);
    // It does not: Excel refuses the one large request, which is split and sent again, with the same result.
    const y = new FakeExcel({ maxPayloadBytes: 200_000 });
    y.addSheet("Blad1");
    await portOf(y).apply(plan);
    expect(y.largestRequest).toBeGreaterThan(200_000); // the refused one
    const again = await portOf(y).read({ sheets: [spec.name] });
    expect(again.sheets[0].tables[0].rows).toEqual(snap.sheets[0].tables[0].rows);
  });
});

describe("Excel on the web: many marks", () => {
  it("stays below the request limit when validation marks thousands of cells, at the cost of more syncs", async () => {
    const { validateFlow, convertWorkbook } = await import("../../src/workbook/flows");
    const make = (limit?: number) => {
      const x = plainWorkbook(1500, limit ? { maxPayloadBytes: limit } : {});
      return { x, port: portOf(x, limit ? { writePayloadLimit: Math.floor(limit * 0.8) } : {}) };
    };
    const desk = make();
    await convertWorkbook(desk.port);
    const deskSyncs = await syncsOf(desk.x, () =>
      validateFlow(desk.port, { annotate: true, meetmoment: "2022-06-01" })
    );
    expect(deskSyncs).toBe(10);
    const web = make(400_000);
    await convertWorkbook(web.port);
    let r!: Awaited<ReturnType<typeof validateFlow>>;
    const webSyncs = await syncsOf(
      web.x,
      async () => (r = await validateFlow(web.port, { annotate: true, meetmoment: "2022-06-01" }))
    );
    expect(r.findings.length).toBeGreaterThan(2000);
    expect(webSyncs).toBeGreaterThan(10);
    // Same marks either way.
    const fills = (x: FakeExcel) =>
      [...x.sheet("Mijlpalen").cells.values()].filter(
        (c) => c.fill === MARK_FILL.error || c.fill === MARK_FILL.warning
      ).length;
    expect(fills(web.x)).toBe(fills(desk.x));
    expect(fills(web.x)).toBeGreaterThan(0);
  });
});

describe("a failing write", () => {
  it("rejects with Excel's error and leaves events switched on", async () => {
    const x = new FakeExcel();
    x.addSheet("Blad1");
    x.addSheet("Verborgen").visibility = "Hidden";
    const port = portOf(x);
    await expect(
      port.apply({
        sheets: [
          { name: "Nieuw", mode: "ensure", blocks: [{ row: 1, column: 0, values: [["x"]] }] },
        ],
        activate: "Verborgen",
      })
    ).rejects.toThrow(/hidden sheet/);
    expect(x.eventsEnabled).toBe(true);
    expect(x.read("Nieuw", "A1")).toEqual([["x"]]); // what ran before the failure stays, as in Excel
  });
});
