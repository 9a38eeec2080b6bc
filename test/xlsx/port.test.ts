/** The exceljs port on real files: template structure, stamp, marks, and one-line errors for bad files. */
import { readFileSync, writeFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { computedFormula, LISTS, LISTS_SHEET, listRange, SHEETS } from "../../src/core/template";
import { TEMPLATE_VERSION } from "../../src/core/vocabulary";
import { createTemplate } from "../../src/workbook/flows";
import { openXlsx, WorkbookReadError } from "../../src/xlsx/open";
import { STAMP_SHEET, XlsxPort } from "../../src/xlsx/port";
import { roundTrip, tempDir } from "../flows/support";

const tmp = tempDir("vv-port-");
afterAll(() => tmp.cleanup());

let templateFile: string;
beforeAll(async () => {
  const port = new XlsxPort();
  await createTemplate(port, { meetmoment: "2022-06-01" });
  templateFile = tmp.path("template.xlsx");
  await port.save(templateFile);
});

describe("template as an .xlsx file", () => {
  it("has the four sheets as tables with the schema's headers in row 1", async () => {
    const snap = await (await openXlsx(templateFile)).read();
    expect(snap.sheets.map((s) => s.name)).toEqual([
      "Instructies",
      ...SHEETS.map((s) => s.name),
      LISTS_SHEET,
    ]);
    for (const spec of SHEETS) {
      const sheet = snap.sheets.find((s) => s.name === spec.name)!;
      expect(sheet.tables).toHaveLength(1);
      const t = sheet.tables[0];
      expect(t.tableName).toBe(spec.tableName);
      expect(t.headerRow).toBe(1);
      expect(t.firstColumn).toBe(0);
      expect(t.headers).toEqual(spec.columns.map((c) => c.header));
    }
    expect(snap.sheets.find((s) => s.name === LISTS_SHEET)!.visible).toBe(false);
    expect(snap.stamp).toMatchObject({
      templateVersion: TEMPLATE_VERSION,
      meetmoment: "2022-06-01",
    });
  });

  it("has dropdowns that point into the lists sheet, formats, notes, frozen header, status colours and formulas", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(templateFile);
    const lists = wb.getWorksheet(LISTS_SHEET)!;
    LISTS.forEach((l, i) => {
      expect(lists.getCell(1, i + 1).value).toBe(l.name);
      expect(lists.getCell(l.values.length + 1, i + 1).value).toBe(l.values[l.values.length - 1]);
    });
    expect(wb.getWorksheet(STAMP_SHEET)!.state).toBe("veryHidden");
    for (const spec of SHEETS) {
      const ws = wb.getWorksheet(spec.name)! as ExcelJS.Worksheet & {
        dataValidations: { model: Record<string, ExcelJS.DataValidation> };
      };
      expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
      spec.columns.forEach((c, i) => {
        const letter = String.fromCharCode(65 + i);
        expect(ws.getColumn(i + 1).width).toBe(c.width);
        expect(String(ws.getCell(1, i + 1).note)).toContain(c.help.nl);
        const dv = ws.dataValidations.model[`${letter}2`];
        if (c.list) {
          expect(dv).toMatchObject({ type: "list", formulae: [listRange(c.list.name)] });
          // never an inline list
          expect(dv.formulae[0]).not.toContain('"');
        }
        // exceljs stores no format for "General", Excel's default.
        if (c.numFmt) expect(ws.getCell(2, i + 1).numFmt ?? "General").toBe(c.numFmt);
        // The empty row's stored results: "" for a ratio of blanks; none for a lookup of a blank code.
        if (c.kind === "computed")
          expect(ws.getCell(2, i + 1).value).toEqual({
            formula: computedFormula(spec, c, 2),
            ...(c.key === "realisatiegraadBerekend" ? { result: "" } : {}),
          });
      });
      const statusCol = spec.columns.findIndex((c) => c.list?.name.endsWith("statussen"));
      if (statusCol >= 0) {
        const cf = (
          ws as unknown as { conditionalFormattings: { ref: string; rules: unknown[] }[] }
        ).conditionalFormattings;
        expect(
          cf.some(
            (f) =>
              f.ref.startsWith(`${String.fromCharCode(65 + statusCol)}2:`) && f.rules.length >= 6
          )
        ).toBe(true);
      }
    }
  });

  it("clears only its own marks and restores what the cell had", async () => {
    const port = await openXlsx(templateFile);
    const ws = port.workbook.getWorksheet("Projecten")!;
    ws.getCell("B2").note = "note of the user";
    await port.apply({
      marks: [
        { sheet: "Projecten", cell: "B2", severity: "error", message: "fout A" },
        { sheet: "Projecten", cell: "C2", severity: "warning", message: "let op" },
      ],
    });
    const again = await roundTrip(port, tmp.path("marked.xlsx"));
    const w2 = again.workbook.getWorksheet("Projecten")!;
    expect(String(w2.getCell("B2").note)).toContain("note of the user");
    expect(String(w2.getCell("B2").note)).toContain("fout A");
    expect((w2.getCell("C2").fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFFEB9C");
    await again.apply({ clearMarks: true });
    const cleared = await roundTrip(again, tmp.path("cleared.xlsx"));
    const w3 = cleared.workbook.getWorksheet("Projecten")!;
    expect(w3.getCell("B2").note).toBe("note of the user");
    expect(w3.getCell("C2").note).toBeUndefined();
    expect((w3.getCell("C2").fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb).not.toBe(
      "FFFFEB9C"
    );
  });
});

describe("notes and formula results through the port", () => {
  it("reads every note of a sheet into the snapshot and writes planned notes", async () => {
    const port = new XlsxPort();
    await port.apply({
      sheets: [
        {
          name: "Budget",
          mode: "ensure",
          blocks: [
            {
              row: 1,
              column: 0,
              values: [
                ["Code", "VAK"],
                ["VV001", 5],
              ],
            },
          ],
          notes: [
            { cell: "B2", text: "Bedrag volgens Orafin 15/05" },
            { cell: "A1", text: "kolom met codes" },
          ],
        },
      ],
    });
    const again = await roundTrip(port, tmp.path("notes.xlsx"));
    const sheet = (await again.read()).sheets.find((s) => s.name === "Budget")!;
    // In sheet order: row by row.
    expect(sheet.notes).toEqual([
      { cell: "A1", text: "kolom met codes" },
      { cell: "B2", text: "Bedrag volgens Orafin 15/05" },
    ]);
  });

  it("stores a formula's computed result as its cached value", async () => {
    const port = new XlsxPort();
    await port.apply({
      sheets: [
        {
          name: "Som",
          mode: "ensure",
          blocks: [{ row: 1, column: 0, values: [[1, 2, { formula: "A1+B1", result: 3 }]] }],
        },
      ],
    });
    const again = await roundTrip(port, tmp.path("result.xlsx"));
    const used = (await again.read()).sheets[0].used!;
    expect(used.values[0][2]).toMatchObject({ formula: "A1+B1", result: 3 });
  });
});

describe("files that are not readable workbooks", () => {
  const cases: [string, () => Buffer, string][] = [
    ["empty", () => Buffer.alloc(0), "empty"],
    ["text", () => Buffer.from("Projectcode;Titel\nVV001;x\n"), "text"],
    ["binary noise", () => Buffer.from([1, 2, 0, 255, 254, 7, 0, 3]), "not-xlsx"],
    ["truncated zip", () => readFileSync(templateFile).subarray(0, 3000), "corrupt"],
    [
      "password-protected (OLE container with EncryptionInfo)",
      () =>
        Buffer.concat([
          Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
          Buffer.alloc(504),
          Buffer.from("EncryptionInfo", "utf16le"),
          Buffer.alloc(1024),
        ]),
      "encrypted",
    ],
  ];
  it.each(cases)(
    "%s gives a WorkbookReadError with a one-line message",
    async (name, bytes, kind) => {
      const file = tmp.path(`${name.replace(/\W+/g, "-")}.xlsx`);
      writeFileSync(file, bytes());
      const err = await openXlsx(file).then(
        () => null,
        (e: unknown) => e
      );
      expect(err).toBeInstanceOf(WorkbookReadError);
      expect((err as WorkbookReadError).kind).toBe(kind);
      expect((err as WorkbookReadError).line("nl")).not.toContain("\n");
      expect((err as WorkbookReadError).line("nl")).toContain(file);
    }
  );

  it("a missing file", async () => {
    await expect(openXlsx(tmp.path("nope.xlsx"))).rejects.toMatchObject({ kind: "missing" });
  });
});
