/**
 * Hidden columns and two-row headers as a person reads them (issue 26, item 4 and 2): the visible twin of
 * a hidden column is read and the hidden one is said (column-hidden, naming its cells); a hidden column
 * without a visible twin is read and said; two visible (or two hidden) twins stay column-twice. Both
 * readers (streaming and exceljs) see the same hidden columns.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileLedger, planConversion, readFiles, validateSnapshot } from "../../src/workbook/flows";
import { withHiddenColumns } from "../../src/workbook/flows/hidden-columns";
import { SHEET_BY_KEY } from "../../src/core/template";
import type { SheetSnapshot, WorkbookSnapshot } from "../../src/workbook/port";
import { openXlsx } from "../../src/xlsx/open";
import { readSnapshot } from "../../src/xlsx/stream/read";

const corpus = (name: string) => join(__dirname, "../corpus/files-26", name);

async function both(name: string): Promise<{ full: WorkbookSnapshot; stream: WorkbookSnapshot }> {
  const full = await (await openXlsx(corpus(name))).read();
  const stream = await readSnapshot(name, readFileSync(corpus(name)));
  return { full, stream };
}

const vakOf = (s: WorkbookSnapshot) =>
  (validateSnapshot(s).records.financing as { projectCode: string; vak: number }[]).map((r) => [
    r.projectCode,
    r.vak,
  ]);

describe.each([
  ["26-verborgen-kolom.xlsx", "D", "E", [{ first: 3, last: 3 }]],
  ["26-verborgen-kolom-rechts.xlsx", "E", "D", [{ first: 4, last: 4 }]],
])("%s: the visible twin is read", (name, hidden, visible, ranges) => {
  it("both readers see the hidden column", async () => {
    const { full, stream } = await both(name);
    const fin = (s: WorkbookSnapshot) => s.sheets.find((x) => x.name === "Financiering")!;
    expect(fin(full).hiddenColumns).toEqual(ranges);
    expect(fin(stream).hiddenColumns).toEqual(ranges);
  });

  it("reads the visible column, says which hidden cells it did not read", async () => {
    const { stream } = await both(name);
    const r = validateSnapshot(stream);
    const f = r.findings.filter((x) => x.rule === "column-hidden");
    expect(f.map((x) => x.cell)).toEqual([`${hidden}1`]);
    expect(f[0].severity).toBe("warning");
    expect(f[0].message).toContain(`${hidden}1:${hidden}5`);
    expect(f[0].message).toContain(`zichtbare kolom ${visible}`);
    expect(r.findings.some((x) => x.rule === "column-twice")).toBe(false);
    // The visible column's values: VV021's VAK is 12,345,678.90 in the visible column of both files.
    expect(vakOf(stream)[0]).toEqual(["VV021", 12345678.9]);
  });
});

it("convert keeps the superseded hidden column as an extra column with a note that says so", async () => {
  const { stream } = await both("26-verborgen-kolom.xlsx");
  const plan = planConversion(stream).plan;
  const table = plan.sheets!.find((s) => s.name === "Financiering")!.table!;
  const k = table.headers.indexOf("Uitvoering VAK (verborgen; kolom E geldt)");
  expect(k).toBeGreaterThan(0);
  expect(table.headerNotes![k]).toBe(
    "Verborgen kolom D van 'Financiering': de zichtbare kolom E met dezelfde kop is gelezen; deze waarden tellen niet mee."
  );
  // Its values are there, beside the visible column's (VV021: 6,172,839.45 hidden, 12,345,678.90 read).
  const vak = table.headers.indexOf("Uitvoering VAK");
  expect([table.rows[0][vak], table.rows[0][k]]).toEqual([12345678.9, 6172839.45]);
});

it("a hidden column with no visible twin is read, and said", async () => {
  const { full, stream } = await both("26-verborgen-kolom-alleen.xlsx");
  expect(full.sheets[1].hiddenColumns).toEqual([{ first: 4, last: 4 }]);
  expect(stream.sheets[1].hiddenColumns).toEqual([{ first: 4, last: 4 }]);
  const r = validateSnapshot(stream);
  const f = r.findings.filter((x) => x.rule === "column-hidden");
  expect(f.map((x) => [x.cell, x.column])).toEqual([["E1", "Uitvoering VEK"]]);
  expect(f[0].message).toContain("toch gelezen");
  const vek = (r.records.financing as { vek: number }[]).map((x) => x.vek);
  expect(vek).toEqual([4500000, 7250000.5, 0, 9999999.99]);
});

it("a two-row header with the code merged over A1:A2 is read from its lower row", async () => {
  const { stream } = await both("26-kop-twee-rijen.xlsx");
  const r = validateSnapshot(stream);
  expect(r.findings.filter((x) => x.sheet === "Financiering" && x.severity === "error")).toEqual(
    []
  );
  expect((r.records.financing as { projectCode: string }[]).map((x) => x.projectCode)).toEqual([
    "VV021",
    "VV024",
    "VV027",
    "VV083",
  ]);
  // Both rows are the header in the ledger: the labels of row 1 are no title above it.
  const ledger = fileLedger(readFiles([{ file: "k.xlsx", snapshot: stream }]).files[0]);
  const fin = ledger.find((l) => l.sheet === "Financiering")!;
  expect(fin.leftOut.map((c) => `${c.cell} ${c.reason}`)).toEqual(
    ["A1", "B1", "D1", "B2", "C2", "D2", "E2"].map((c) => `${c} header`)
  );
});

describe("twins the reading cannot tell apart stay column-twice", () => {
  const sheet = (hidden: { first: number; last: number }[]): SheetSnapshot => ({
    name: "Financiering",
    index: 0,
    visible: true,
    tables: [],
    hiddenColumns: hidden,
  });
  const headers = ["Projectcode", "Uitvoering VAK", "Uitvoering VAK"];
  it("both hidden: the one the mapping takes is read and said; nothing is rewritten", () => {
    const r = withHiddenColumns(SHEET_BY_KEY.financing, sheet([{ first: 1, last: 2 }]), 0, headers);
    expect(r.headers).toBe(headers);
    expect(r.hidden).toEqual([{ index: 1, header: "Uitvoering VAK" }]);
  });
  it("both visible: nothing is decided here", () => {
    const r = withHiddenColumns(SHEET_BY_KEY.financing, sheet([{ first: 5, last: 9 }]), 0, headers);
    expect(r).toEqual({ headers, hidden: [] });
  });
  it("one hidden, one visible: the hidden one's header names nothing any more", () => {
    const r = withHiddenColumns(SHEET_BY_KEY.financing, sheet([{ first: 1, last: 1 }]), 0, headers);
    expect(r.headers).toEqual([
      "Projectcode",
      "Uitvoering VAK (verborgen; kolom C geldt)",
      "Uitvoering VAK",
    ]);
    expect(r.hidden).toEqual([{ index: 1, supersededBy: 2, header: "Uitvoering VAK" }]);
  });
});
