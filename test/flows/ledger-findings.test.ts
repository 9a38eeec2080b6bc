/**
 * A left-out number is always a finding (amount-left-out), raised when a workbook is read whatever reads
 * it: validateSnapshot (the pane, validate, export), validateFlow with annotate (the marks, Validatie),
 * planConversion. A number a counted formula refers to counts through it; a number another finding
 * already names is not named twice.
 */
import ExcelJS from "exceljs";
import { VALIDATION_SHEET } from "../../src/core/template";
import { planConversion, validateFlow, validateSnapshot } from "../../src/workbook/flows";
import type { WorkbookSnapshot } from "../../src/workbook/port";
import { openXlsx } from "../../src/xlsx/open";
import { roundTrip, tempDir } from "./support";

const tmp = tempDir("vv-ledger-findings-");
afterAll(() => tmp.cleanup());

const PROJECT_HEADERS = ["Projectcode", "Projecttitel", "Cluster", "Speerpunt", "Projectstatus"];
const MONEY_HEADERS = ["Projectcode", "Beleidsruimte (begroot)", "Uitvoering VAK"];

/** Projecten and Financiering with two projects, and a sheet of the user's own (`extra`). */
function snapshot(
  financing: unknown[][],
  extra: { name: string; rows: unknown[][]; visible?: boolean }
): WorkbookSnapshot {
  const sheet = (name: string, index: number, rows: unknown[][], visible = true) => ({
    name,
    index,
    visible,
    tables: [],
    used: { firstRow: 1, firstColumn: 0, values: rows },
  });
  return {
    stamp: null,
    sheets: [
      sheet("Projecten", 0, [
        PROJECT_HEADERS,
        [
          "VV021",
          "Een",
          "05. Versterking O&O",
          "01. Economie en samenleving verduurzamen",
          "Opgestart",
        ],
        [
          "VV024",
          "Twee",
          "05. Versterking O&O",
          "01. Economie en samenleving verduurzamen",
          "Opgestart",
        ],
      ]),
      sheet("Financiering", 1, [MONEY_HEADERS, ...financing]),
      sheet(extra.name, 2, extra.rows, extra.visible),
    ],
  };
}

const leftOut = (s: WorkbookSnapshot) =>
  validateSnapshot(s, { meetmoment: "2022-06-01" }).findings.filter(
    (f) => f.rule === "amount-left-out"
  );

it("a number on a sheet of the user's own is a warning at its cell, with its reason and number", () => {
  const s = snapshot(
    [
      ["VV021", 1000, 500],
      ["VV024", 2000, 700],
    ],
    {
      name: "Raming",
      rows: [
        ["Post", "Bedrag"],
        ["Reserve", 250000],
        ["Buffer", 1250.5],
      ],
    }
  );
  const f = leftOut(s);
  expect(f).toHaveLength(1);
  expect(f[0]).toMatchObject({
    sheet: "Raming",
    cell: "B2",
    row: 2,
    severity: "warning",
    value: 250000,
  });
  expect(f[0].message).toBe(
    "Het getal 250.000 in Raming!B2 telt niet mee: geen tabblad van het sjabloon; ook 1 ander getal in kolom B (samen 1.250,5) telt daarom niet mee. Hoort het bij een project, zet het dan in een rij van de tabel met zijn projectcode."
  );
  const en = validateSnapshot(s, { lang: "en" }).findings.find(
    (x) => x.rule === "amount-left-out"
  )!;
  expect(en.message).toMatch(
    /^The number 250,000 in Raming!B2 is not counted: not a template sheet; nor is 1 more number in column B \(together 1,250\.5\)/
  );
});

it("a number a counted formula refers to counts through it; one only a left-out formula refers to does not", () => {
  const s = snapshot(
    [
      ["VV021", 1000, { formula: "'raming'!B2", result: 250000 }],
      ["VV024", 2000, 700],
      [],
      [],
      // A note far from the table whose formula refers to B3: it counts nothing.
      [null, null, null, null, null, { formula: "Raming!B3*2", result: 2501 }],
    ],
    {
      name: "Raming",
      rows: [
        ["Post", "Bedrag"],
        ["Reserve", 250000],
        ["Buffer", 1250.5],
      ],
    }
  );
  const f = leftOut(s);
  expect(f.map((x) => `${x.sheet}!${x.cell}`).sort()).toEqual(["Financiering!F6", "Raming!B3"]);
});

it("numbers in an unknown column: one finding for the column, none when amount-scaled names it", () => {
  const extraColumn = snapshot(
    [
      ["VV021", 1000, 500, 11],
      ["VV024", 2000, 700, 12],
    ],
    { name: "Leeg", rows: [["tekst"]] }
  );
  extraColumn.sheets[1].used!.values[0] = [...MONEY_HEADERS, "Volgnummer"];
  const found = leftOut(extraColumn);
  expect(found.map((x) => x.cell)).toEqual(["D2"]);
  expect(found[0].message).toMatch(
    /^Het getal 11 in Financiering!D2 telt niet mee: onbekende kolom .*; ook 1 ander getal in kolom D \(samen 12\) telt daarom niet mee/
  );
  const scaled = snapshot([["VV021", 1000, 500, 11]], { name: "Leeg", rows: [["tekst"]] });
  scaled.sheets[1].used!.values[0] = [...MONEY_HEADERS, "Uitvoering VEK (x 1.000 EUR)"];
  const all = validateSnapshot(scaled, {}).findings;
  expect(all.some((x) => x.rule === "amount-scaled")).toBe(true);
  expect(all.filter((x) => x.rule === "amount-left-out")).toEqual([]);
});

it("a hidden column behind its visible twin is said once (column-hidden); a hidden old sheet's numbers get the advice for hidden figures", () => {
  const twin = snapshot(
    [
      ["VV021", 1000, 400, 500],
      ["VV024", 2000, 600, 700],
    ],
    { name: "Leeg", rows: [["tekst"]] }
  );
  twin.sheets[1].used!.values[0] = [...MONEY_HEADERS, "Uitvoering VAK"];
  twin.sheets[1].hiddenColumns = [{ first: 2, last: 2 }];
  const all = validateSnapshot(twin, { meetmoment: "2022-06-01" }).findings;
  expect(all.filter((x) => x.rule === "column-hidden").map((x) => x.cell)).toEqual(["C1"]);
  expect(all.filter((x) => x.rule === "amount-left-out")).toEqual([]);

  const old = snapshot([["VV021", 1000, 500]], {
    name: "Financiering (oud)",
    visible: false,
    rows: [MONEY_HEADERS, ["VV021", 900, 300]],
  });
  const f = leftOut(old);
  expect(f.map((x) => x.cell)).toEqual(["B2", "C2"]);
  expect(f[0].message).toMatch(
    /verborgen tabblad.*Geldt het nog, zet het dan op het zichtbare blad/
  );
  expect(f[0].message).not.toMatch(/projectcode/);
});

it("conversion says it too (the pane's convert and the command line share the flow)", () => {
  const s = snapshot([["VV021", 1000, 500]], {
    name: "Raming",
    rows: [
      ["Post", "Bedrag"],
      ["Reserve", 250000],
    ],
  });
  const p = planConversion(s, {});
  expect(p.findings.filter((f) => f.rule === "amount-left-out").map((f) => f.cell)).toEqual(["B2"]);
  expect(p.kept).toContainEqual(
    expect.objectContaining({ sheet: "Raming", cell: "B2", value: 250000 })
  );
});

it("annotate marks the cell and lists the finding on Validatie", async () => {
  const wb = new ExcelJS.Workbook();
  const add = (name: string, rows: unknown[][]) => {
    const ws = wb.addWorksheet(name);
    rows.forEach((r) => ws.addRow(r));
  };
  add("Projecten", [
    PROJECT_HEADERS,
    [
      "VV021",
      "Een",
      "05. Versterking O&O",
      "01. Economie en samenleving verduurzamen",
      "Opgestart",
    ],
  ]);
  add("Financiering", [MONEY_HEADERS, ["VV021", 1000, 500]]);
  add("Raming", [
    ["Post", "Bedrag"],
    ["Reserve", 250000],
  ]);
  await wb.xlsx.writeFile(tmp.path("in.xlsx"));
  const port = await openXlsx(tmp.path("in.xlsx"));
  const r = await validateFlow(port, { annotate: true, meetmoment: "2022-06-01" });
  expect(r.findings.filter((f) => f.rule === "amount-left-out")).toHaveLength(1);
  const out = await roundTrip(port, tmp.path("annotated.xlsx"));
  const cell = out.workbook.getWorksheet("Raming")!.getCell("B2");
  expect(String(cell.note)).toContain("Het getal 250.000 in Raming!B2 telt niet mee");
  expect(cell.value).toBe(250000);
  const rows: unknown[][] = [];
  out.workbook
    .getWorksheet(VALIDATION_SHEET)!
    .eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  expect(rows).toContainEqual(
    expect.arrayContaining(["Getal dat niet meetelt", "amount-left-out", "waarschuwing", 1])
  );
});
