/**
 * Reading what other programs write (test/fixtures/writers, each made by the script beside it):
 * openpyxl's absolute part paths and plain-text notes, notes on empty cells, LibreOffice's packages
 * without a theme, Excel's tables (no headerRowCount), shared formulas and inline strings, stored results
 * of 0, formulas without a stored result, 1904 dates, Google-Sheets-like packages; and what is not read
 * is named, while only a damaged package is called damaged.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { convertWorkbook } from "../../src/workbook/flows";
import type { SheetSnapshot, WorkbookSnapshot } from "../../src/workbook/port";
import { loadXlsx, openXlsx, WorkbookReadError } from "../../src/xlsx/open";
import { normalisePackage } from "../../src/xlsx/package";
import { XlsxPort } from "../../src/xlsx/port";
import { roundTrip, tempDir } from "../flows/support";

const WRITERS = join(__dirname, "../fixtures/writers");
const fixture = (name: string) => join(WRITERS, name);
const tmp = tempDir("vv-writers-");
afterAll(() => tmp.cleanup());

const sheet = (s: WorkbookSnapshot, name: string): SheetSnapshot => {
  const found = s.sheets.find((x) => x.name === name);
  if (!found) throw new Error(`no sheet ${name} in ${s.sheets.map((x) => x.name).join(", ")}`);
  return found;
};

describe("openpyxl and LibreOffice", () => {
  test("openpyxl's absolute part paths: the workbook is read, with its table and every note", async () => {
    const s = await (await openXlsx(fixture("openpyxl-notes-table.xlsx"))).read();
    const projects = sheet(s, "Mijn projecten");
    expect(projects.tables[0].tableName).toBe("tblMijnProjecten");
    expect(projects.tables[0].headers[0]).toBe("Projectcode");
    expect(projects.tables[0].rows.map((r) => r[0])).toEqual(["VV001", "VV002", "VV159"]);
    expect(projects.notes).toEqual([
      { cell: "B2", text: "Titel volgens de fiche van maart" },
      // E3 holds no value: the note is all the user wrote there.
      { cell: "E3", text: "Status nog op te vragen bij de entiteit" },
    ]);
    expect(sheet(s, "Financiering").notes).toEqual([
      { cell: "B6", text: "Som van de begrote beleidsruimte" },
    ]);
    // openpyxl stores no formula results: the formulas are there, inside the used range.
    const used = sheet(s, "Financiering").used!;
    expect(used.values[5][1]).toEqual({ formula: "SUM(B2:B4)" });
    expect(used.values[1][4]).toEqual({ formula: "D2/B2" });
  });

  test("a LibreOffice file (no theme part) is read with its notes, also on an untouched sheet", async () => {
    const s = await (await openXlsx(fixture("libreoffice-notes-table.xlsx"))).read();
    expect(sheet(s, "Mijn projecten").notes!.map((n) => n.cell)).toEqual(["B2", "E3"]);
    expect(sheet(s, "Toelichting").notes).toEqual([
      { cell: "C7", text: "Een notitie op een leeg blad dat vv-monitor niet omzet" },
    ]);
  });

  test("after conversion, a sheet vv-monitor keeps as it was keeps its notes and its links, internal ones as places in the workbook", async () => {
    const port = await openXlsx(fixture("libreoffice-notes-table.xlsx"));
    await convertWorkbook(port, {});
    const back = await roundTrip(port, tmp.path("lo-converted.xlsx"));
    expect(sheet(await back.read(), "Toelichting").notes).toEqual([
      { cell: "C7", text: "Een notitie op een leeg blad dat vv-monitor niet omzet" },
    ]);
    const port2 = await openXlsx(fixture("openpyxl-notes-table.xlsx"));
    await convertWorkbook(port2, {});
    await port2.save(tmp.path("op-converted.xlsx"));
    const zip = await JSZip.loadAsync(readFileSync(tmp.path("op-converted.xlsx")));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(tmp.path("op-converted.xlsx")) as unknown as ArrayBuffer);
    const links = wb.getWorksheet("Toelichting")!;
    expect(links.getCell("A1").hyperlink).toBe("#Financiering!A1");
    expect(links.getCell("A2").hyperlink).toBe("#'Mijn projecten'!A1");
    expect(links.getCell("A3").hyperlink).toBe("https://www.vlaanderen.be/veerkracht");
    const xml = await Promise.all(
      Object.keys(zip.files)
        .filter((n) => /worksheets\/sheet\d+\.xml$/.test(n))
        .map((n) => zip.file(n)!.async("string"))
    );
    const hyperlinks = xml.join("").match(/<hyperlink [^>]*>/g) ?? [];
    expect(hyperlinks).toEqual([
      '<hyperlink ref="A1" location="Financiering!A1"/>',
      `<hyperlink ref="A2" location="&apos;Mijn projecten&apos;!A1"/>`,
      '<hyperlink ref="A3" r:id="rId1"/>',
    ]);
  });

  test("dates of a workbook in 1904 mode are the dates the user typed, before and after conversion", async () => {
    const port = await openXlsx(fixture("openpyxl-1904.xlsx"));
    const before = sheet(await port.read(), "Mijlpalen").used!.values;
    expect(before[1][4]).toEqual(new Date(Date.UTC(2022, 8, 30)));
    expect(before[2][4]).toEqual(new Date(Date.UTC(2023, 2, 31)));
    await convertWorkbook(port, {});
    const after = await roundTrip(port, tmp.path("1904.xlsx"));
    const table = sheet(await after.read(), "Mijlpalen").tables[0];
    const col = table.headers.indexOf("Gepland op");
    expect(table.rows.map((r) => r[col])).toEqual([
      new Date(Date.UTC(2022, 8, 30)),
      new Date(Date.UTC(2023, 2, 31)),
    ]);
  });
});

describe("Excel-like and Google-Sheets-like packages", () => {
  test("an Excel table without headerRowCount has its header row; shared formulas give each cell its own text and stored result, 0 included", async () => {
    const s = await (await openXlsx(fixture("excel-like.xlsx"))).read();
    const fin = sheet(s, "Financiering");
    const t = fin.tables[0];
    expect(t.headers).toEqual([
      "Projectcode",
      "Beleidsruimte (begroot)",
      "Uitvoering VAK",
      "Uitvoering VEK",
      "Status",
      "Aandeel VEK",
    ]);
    expect(t.rows.map((r) => r[0])).toEqual(["VV001", "VV002", "VV159"]);
    expect(t.rows.map((r) => r[5])).toEqual([
      { formula: "D2/B2", result: 0.1 },
      { formula: "D3/B3", result: 0 },
      { formula: "D4/B4", result: 0.250001 },
    ]);
    // Inline strings (rich text), an error and a boolean come through as cell values.
    expect(t.rows[0][4]).toEqual({
      richText: [{ text: "Op " }, { font: { bold: true }, text: "schema" }],
    });
    expect(t.rows[1][4]).toEqual({ error: "#N/A" });
    expect(t.rows[2][4]).toBe(true);
    // A formula whose result is not stored still belongs to the used range.
    const u = fin.used!;
    expect(u.firstRow + u.values.length - 1).toBe(6);
    expect(u.values[5][6]).toEqual({ formula: "SUM(B2:B4)" });
  });

  test("a Google-Sheets-like export (no theme, minimal styles) is read: dates, text results of formulas", async () => {
    const s = await (await openXlsx(fixture("google-like.xlsx"))).read();
    const u = sheet(s, "Mijlpalen").used!;
    expect(u.values[1]).toEqual([
      "VV001",
      "Aanbesteding",
      "2022 Q3",
      "Op schema",
      new Date(Date.UTC(2022, 8, 30)),
    ]);
    expect(u.values[3][1]).toEqual({ formula: 'CONCATENATE(A2," ",C2)', result: "VV001 2022 Q3" });
  });
});

describe("packages: renamed only when exceljs needs it; damaged and unsupported told apart", () => {
  test("a workbook vv-monitor wrote is handed to exceljs as it is (no rewrite)", async () => {
    const port = new XlsxPort();
    port.workbook.addWorksheet("Blad1").getCell("A1").note = "n";
    const bytes = await port.toBuffer();
    expect(await normalisePackage(bytes)).toBe(bytes);
  });

  test("openpyxl's package is rewritten into exceljs' layout, relationships and content types with it", async () => {
    const out = await normalisePackage(readFileSync(fixture("openpyxl-notes-table.xlsx")));
    const zip = await JSZip.loadAsync(out);
    expect(Object.keys(zip.files).filter((n) => /comments|vml/.test(n))).toEqual(
      expect.arrayContaining(["xl/comments1.xml", "xl/drawings/vmlDrawing1.vml"])
    );
    const rels = await zip.file("xl/worksheets/_rels/sheet1.xml.rels")!.async("string");
    expect(rels).toContain('Target="../comments1.xml"');
    expect(rels).toContain('Target="../tables/table1.xml"');
    expect(rels).not.toContain('Target="/');
    const ct = await zip.file("[Content_Types].xml")!.async("string");
    expect(ct).toContain('PartName="/xl/comments1.xml"');
    expect(ct).not.toContain("/xl/comments/comment1.xml");
  });

  async function withPart(name: string, part: string, text: string): Promise<string> {
    const zip = await JSZip.loadAsync(readFileSync(fixture("excel-like.xlsx")));
    zip.file(part, text);
    const f = tmp.path(name);
    writeFileSync(f, await zip.generateAsync({ type: "nodebuffer" }));
    return f;
  }

  test("a part that is not well-formed XML: damaged, and the part is named", async () => {
    const f = await withPart("broken.xlsx", "xl/worksheets/sheet1.xml", "<worksheet><sheetData>");
    await expect(openXlsx(f)).rejects.toMatchObject({ kind: "corrupt" });
    const e = await openXlsx(f).catch((x: WorkbookReadError) => x);
    expect((e as WorkbookReadError).line("nl")).toMatch(
      /beschadigd.*\(xl\/worksheets\/sheet1\.xml\)/
    );
  });

  test("a Strict Open XML workbook and an OpenDocument file are named, not called damaged", async () => {
    const zip = await JSZip.loadAsync(readFileSync(fixture("excel-like.xlsx")));
    const wb = await zip.file("xl/workbook.xml")!.async("string");
    zip.file(
      "xl/workbook.xml",
      wb.replace(
        'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"',
        'xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main"'
      )
    );
    const strict = await loadXlsx(
      "strict.xlsx",
      await zip.generateAsync({ type: "nodebuffer" })
    ).catch((x: WorkbookReadError) => x);
    expect(strict).toBeInstanceOf(WorkbookReadError);
    expect((strict as WorkbookReadError).line("nl")).toMatch(/niet beschadigd.*Strict Open XML/);
    const ods = new JSZip();
    ods.file("mimetype", "application/vnd.oasis.opendocument.spreadsheet");
    ods.file("content.xml", "<office:document-content/>");
    const e = await loadXlsx("sheet.xlsx", await ods.generateAsync({ type: "nodebuffer" })).catch(
      (x: WorkbookReadError) => x
    );
    expect((e as WorkbookReadError).line("nl")).toMatch(/OpenDocument/);
  });
});
