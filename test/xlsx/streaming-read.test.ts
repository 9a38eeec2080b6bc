/**
 * The streaming read (src/xlsx/stream) gives the same snapshot as the full read through exceljs
 * (XlsxPort.read), cell for cell: values, dates, formulas with and without stored results, shared
 * formulas, rich text, errors, hyperlinks, merged cells, notes, tables, visibility and the stamp. On the
 * workbooks vv-monitor writes, on other writers' files, and on random workbooks of the data-safety suite
 * with merges, links, notes, rich text and shared formulas added. `streamSnapshot` is called directly: a
 * fallback to the full read would hide a difference.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import ExcelJS from "exceljs";
import fc from "fast-check";
import JSZip from "jszip";
import {
  buildOverview,
  convertWorkbook,
  createTemplate,
  mergeWorkbooks,
  validateFlow,
  writeDemo,
} from "../../src/workbook/flows";
import type { WorkbookSnapshot } from "../../src/workbook/port";
import { loadXlsx } from "../../src/xlsx/open";
import { normalisePackage, packagePlan, partsPlan } from "../../src/xlsx/package";
import { XlsxPort } from "../../src/xlsx/port";
import { readWorkbookFiles } from "../../src/xlsx/stream/pool";
import { readSnapshot, streamSnapshot } from "../../src/xlsx/stream/read";
import { Rescan, sheetScanner } from "../../src/xlsx/stream/rows";
import { sheetParser, type CellContext } from "../../src/xlsx/stream/sheet";
import { stringsScanner } from "../../src/xlsx/stream/strings";
import { packSnapshot, unpackSnapshot } from "../../src/xlsx/stream/transfer";
import { ZipParts } from "../../src/xlsx/stream/zip";
import { serialize } from "node:v8";
import SharedStringsXform from "exceljs/lib/xlsx/xform/strings/shared-strings-xform";
import { tempDir } from "../flows/support";
import { randomWorkbook, workbookArb, type RandomSheet } from "../hardening/random-workbook";

const RUNS = Number(process.env.FUZZ_RUNS ?? 25);
const SEED = Number(process.env.FUZZ_SEED ?? 20220601);
jest.setTimeout(120_000 + RUNS * 3_000);

const WRITERS = join(__dirname, "../fixtures/writers");
const tmp = tempDir("vv-stream-");
afterAll(() => tmp.cleanup());

async function fullRead(bytes: Buffer): Promise<WorkbookSnapshot> {
  return (await loadXlsx("x.xlsx", bytes)).read();
}

/** Both reads of the same bytes, the streaming one without its fallback. */
async function bothReads(bytes: Buffer) {
  return { full: await fullRead(bytes), fast: await streamSnapshot(await normalisePackage(bytes)) };
}

async function expectSame(bytes: Buffer) {
  const { full, fast } = await bothReads(bytes);
  expect(fast).toStrictEqual(full);
  // As the commands read: the parts through the renaming plan, the package not rebuilt.
  const plan = await packagePlan(bytes);
  expect(await streamSnapshot(bytes, undefined, plan)).toStrictEqual(full);
  // The commands plan on the zip the streaming read opens, not on JSZip's: the same plan.
  expect(await partsPlan((await ZipParts.open(bytes)).storedParts())).toStrictEqual(plan);
  return full;
}

let demo: Buffer;
beforeAll(async () => {
  const port = new XlsxPort();
  await writeDemo(port);
  demo = await port.toBuffer();
});

describe("the workbooks vv-monitor writes", () => {
  test("the demo: every sheet, table, formula with its stored result, note and the stamp", async () => {
    const s = await expectSame(demo);
    expect(s.stamp?.meetmoment).toBe("2022-06-01");
    const rows = s.sheets.flatMap((x) => x.tables).reduce((n, t) => n + t.rows.length, 0);
    expect(rows).toBe(2168);
  });

  test("the template, an annotated demo (marks, notes, links on the Validatie sheet) and a merge", async () => {
    const template = new XlsxPort();
    await createTemplate(template, { meetmoment: "2022-06-01" });
    await buildOverview(template);
    await expectSame(await template.toBuffer());

    const annotated = await loadXlsx("demo.xlsx", demo);
    await validateFlow(annotated, { annotate: true });
    const s = await expectSame(await annotated.toBuffer());
    const validatie = s.sheets.find((x) => x.name === "Validatie")!;
    expect(JSON.stringify(validatie.used!.values)).toContain("HYPERLINK");
    expect(
      s.sheets.some((x) => (x.notes ?? []).some((n) => n.text.startsWith("vv-monitor: ")))
    ).toBe(true);

    const merged = new XlsxPort();
    const inputs = await Promise.all(
      ["a.xlsx", "b.xlsx"].map(async (file) => ({ file, snapshot: await fullRead(demo) }))
    );
    await mergeWorkbooks(inputs, merged);
    await expectSame(await merged.toBuffer());
  });
});

/** Every workbook of the corpora and the cell-form fixtures (test/xlsx/fixtures/make-cell-forms.py). */
const CORPORA = [
  join(__dirname, "../corpus/files"),
  join(__dirname, "../corpus/files-26"),
  join(__dirname, "fixtures/cell-forms"),
];
/** The workbooks (.xlsx) of the folders, with their paths. */
const xlsxIn = (dirs: readonly string[]) =>
  dirs.flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith(".xlsx"))
      .map((f) => join(dir, f))
  );
const corpusFiles = xlsxIn(CORPORA);

describe("the corpora and every cell form, as other programs write them", () => {
  test.each(corpusFiles.map((f) => [relative(join(__dirname, ".."), f), f]))(
    "%s: the same snapshot",
    async (_name, file) => {
      await expectSame(readFileSync(file));
    }
  );

  test("the cell forms are read by the row scanner, not handed to saxes", async () => {
    const ctx = {
      sharedString: (i: number) => `s${i}`,
      isDateStyle: () => false,
      date1904: false,
    };
    for (const file of corpusFiles.filter((f) => f.includes("cell-forms"))) {
      const zip = await JSZip.loadAsync(readFileSync(file));
      const sheets = Object.keys(zip.files).filter((n) => /worksheets\/[^/]+\.xml$/.test(n));
      expect(sheets.length).toBeGreaterThan(0);
      for (const n of sheets) {
        const xml = await zip.file(n)!.async("string");
        expect(() => sheetScanner(ctx).write(xml)).not.toThrow();
      }
      const sst = zip.file("xl/sharedStrings.xml");
      if (sst) {
        const s = stringsScanner();
        s.write(await sst.async("nodebuffer"));
        expect(() => s.end()).not.toThrow();
      }
    }
  });

  test("the forms are there: rich runs, phonetic runs, rows and cells without r, t=str, t=d, shared and array formulas", async () => {
    const dir = join(__dirname, "fixtures/cell-forms");
    const read = async (f: string) => (await bothReads(readFileSync(join(dir, f)))).fast;
    const hand = (await read("handmade.xlsx")).sheets[0].used!.values;
    expect(hand[19][0]).toMatchObject({ richText: [{ text: "Vet" }, { text: " en gewoon" }] });
    expect(hand[19].slice(1, 6)).toEqual([
      { formula: '"a"&"b"', result: "a&b" },
      // t="d" holds an ISO date: a date (unpatched exceljs read parseFloat's year, 2022), both reads alike.
      new Date(Date.UTC(2022, 5, 1)),
      { formula: "1/0", result: { error: "#DIV/0!" } },
      { formula: "TRUE()", result: true },
      { formula: '""', result: "" },
    ]);
    // exceljs keeps the text of an item with phonetic runs, without them.
    expect(hand[20].slice(0, 3)).toEqual([{ formula: "C2*3", result: 3751.5 }, "gedeeld", "東京"]);
    // Row 22 and 23 have no r: they follow row 21; their cells without r follow the cell before them.
    expect(hand[21].slice(0, 6)).toEqual([
      { formula: "C3*3", result: 7503 },
      "zonder r",
      null,
      null,
      5,
      6,
    ]);
    expect(hand[22].slice(0, 2)).toEqual([{ formula: "C4*3", result: 11254.5 }, 1]);
    const rich = (await read("libreoffice-rich.xlsx")).sheets[0].used!.values;
    expect(rich[0][0]).toMatchObject({
      richText: expect.arrayContaining([expect.objectContaining({ text: "Vet" })]),
    });
  });
});

describe("other writers' files", () => {
  const fixtures = readdirSync(WRITERS).filter((f) => f.endsWith(".xlsx"));

  test.each(fixtures)("%s, and its conversion", async (name) => {
    const bytes = readFileSync(join(WRITERS, name));
    await expectSame(bytes);
    const port = await loadXlsx(name, bytes);
    await convertWorkbook(port, { meetmoment: "2022-06-01" });
    await expectSame(await port.toBuffer());
  });
});

/** What the random workbooks of the data-safety suite lack: merges, links, notes, rich text, shared formulas, dates, a table, a hidden sheet. */
interface Decoration {
  kind: "merge" | "link" | "internal-link" | "note" | "rich" | "shared" | "date" | "hidden";
  row: number;
  col: number;
}
const decorationArb: fc.Arbitrary<Decoration[]> = fc.array(
  fc.record({
    kind: fc.constantFrom(
      "merge",
      "link",
      "internal-link",
      "note",
      "rich",
      "shared",
      "date",
      "hidden"
    ) as fc.Arbitrary<Decoration["kind"]>,
    row: fc.integer({ min: 1, max: 12 }),
    col: fc.integer({ min: 1, max: 8 }),
  }),
  { maxLength: 6 }
);

function decorate(wb: ExcelJS.Workbook, decorations: Decoration[]) {
  const sheets = wb.worksheets;
  const merged: { top: number; left: number; bottom: number; right: number }[] = [];
  decorations.forEach((d, i) => {
    const ws = sheets[i % sheets.length];
    const cell = ws.getCell(d.row, d.col);
    switch (d.kind) {
      case "merge": {
        const m = { top: d.row, left: d.col, bottom: d.row + 1, right: d.col + 1 };
        const overlaps = merged.some(
          (o) => o.left <= m.right && m.left <= o.right && o.top <= m.bottom && m.top <= o.bottom
        );
        if (!overlaps && ws === sheets[0]) {
          merged.push(m);
          ws.mergeCells(m.top, m.left, m.bottom, m.right);
        }
        return;
      }
      case "link":
        cell.value = { text: `link ${i}`, hyperlink: "https://www.vlaanderen.be/veerkracht" };
        return;
      case "internal-link":
        cell.value = { text: `naar ${i}`, hyperlink: `#'${sheets[0].name}'!A1` };
        return;
      case "note":
        cell.note = `notitie ${i}`;
        return;
      case "rich":
        cell.value = { richText: [{ text: "vet ", font: { bold: true } }, { text: "gewoon" }] };
        return;
      case "shared":
        ws.getCell(20, d.col).value = { formula: `A1*${i + 1}`, result: i } as ExcelJS.CellValue;
        ws.getCell(21, d.col).value = { sharedFormula: ws.getCell(20, d.col).address, result: i };
        return;
      case "date":
        cell.value = 44713.5;
        cell.numFmt = "dd/mm/yyyy hh:mm";
        return;
      case "hidden":
        if (sheets.length > 1) ws.state = "hidden";
        return;
    }
  });
}

describe("random workbooks", () => {
  test("the data-safety suite's workbooks, decorated: the same snapshot", async () => {
    await fc.assert(
      fc.asyncProperty(workbookArb, decorationArb, async (sheets: RandomSheet[], decorations) => {
        const wb = randomWorkbook(sheets);
        decorate(wb, decorations);
        await expectSame(Buffer.from(await wb.xlsx.writeBuffer()));
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true }
    );
  });
});

/** Rewrite one part of a package with `edit` (for forms exceljs does not write). */
async function withPart(bytes: Buffer, part: string, edit: (xml: string) => string) {
  const zip = await JSZip.loadAsync(bytes);
  zip.file(part, edit(await zip.file(part)!.async("string")));
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

describe("forms other writers use", () => {
  const base = async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Blad1");
    ws.getCell("A1").value = "Projectcode";
    ws.getCell("A2").value = "VV001";
    ws.getCell("B2").value = 5;
    return Buffer.from(await wb.xlsx.writeBuffer());
  };
  const sheet1 = "xl/worksheets/sheet1.xml";

  test("inline strings with runs, text results with entities, ISO date cells, booleans and errors", async () => {
    const bytes = await withPart(await base(), sheet1, (xml) =>
      xml.replace(
        /<row r="2"[^>]*>.*?<\/row>/,
        '<row r="2"><c r="A2" t="inlineStr"><is><r><rPr><b/></rPr><t>VV</t></r><r><t xml:space="preserve">001 </t></r></is></c>' +
          '<c r="B2" t="str"><f>"a"&amp;"b"</f><v>a&amp;amp;b</v></c><c r="C2" t="d" s="0"><v>2022-06-01T00:00:00</v></c>' +
          '<c r="D2" t="b"><v>1</v></c><c r="E2" t="e"><v>#N/A</v></c><c r="F2" t="inlineStr"><is><t>plat</t></is></c>' +
          '<c r="G2" t="str"><f>""</f><v></v></c><c r="H2"/></row>'
      )
    );
    const s = await expectSame(bytes);
    expect(s.sheets[0].used!.values[1].slice(2, 5)).toEqual([
      new Date(Date.UTC(2022, 5, 1)),
      true,
      { error: "#N/A" },
    ]);
  });

  test("cells under a merge that still hold a value (other writers keep them) read as empty", async () => {
    const bytes = await withPart(await base(), sheet1, (xml) =>
      xml.replace(
        "</sheetData>",
        '</sheetData><mergeCells count="1"><mergeCell ref="A2:B3"/></mergeCells>'
      )
    );
    const s = await expectSame(bytes);
    expect(s.sheets[0].used!.values).toEqual([["Projectcode"], ["VV001"]]);
  });

  test("a row without its number follows the row before it, as the full read numbers it", async () => {
    const bytes = await withPart(await base(), sheet1, (xml) => xml.replace('<row r="2"', "<row"));
    const s = await expectSame(bytes);
    expect(s.sheets[0].used!.values).toEqual([
      ["Projectcode", null],
      ["VV001", 5],
    ]);
  });

  test("a damaged worksheet part gets the full read's message", async () => {
    const bytes = await withPart(await base(), sheet1, (xml) => xml.replace("</sheetData>", ""));
    await expect(readSnapshot("kapot.xlsx", bytes)).rejects.toThrow(
      /kapot\.xlsx: the workbook is damaged.*sheet1\.xml/
    );
  });
});

describe("large parts, inflated as a stream", () => {
  test("a sheet and shared strings of several megabytes: the same snapshot", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Groot");
    ws.addRow(["Projectcode", "Omschrijving", "Bedrag", "Datum"]);
    for (let i = 0; i < 30_000; i++)
      ws.addRow([
        `VV${i}`,
        `Tekst € ${i} met é en ‘aanhalingstekens’ ${"x".repeat(i % 40)}`,
        i * 1.25,
        new Date(Date.UTC(2022, 0, 1 + (i % 365))),
      ]);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const zip = await JSZip.loadAsync(bytes);
    // Both parts are past the size read in one call (1 MB).
    for (const part of ["xl/worksheets/sheet1.xml", "xl/sharedStrings.xml"])
      expect((await zip.file(part)!.async("uint8array")).length).toBeGreaterThan(1 << 20);
    const s = await expectSame(bytes);
    expect(s.sheets[0].used!.values).toHaveLength(30_001);
  });

  test("pieces: a part's text whole across pieces (multi-byte characters cut anywhere), stored or deflated", async () => {
    const text = "<a>" + "é€𝄞 tekst ".repeat(200_000) + "</a>";
    const zip = new JSZip();
    // As bytes: JSZip's own encoding of a string cuts a surrogate pair at its 64 KB boundaries.
    zip.file("groot.xml", Buffer.from(text), { compression: "DEFLATE" });
    zip.file("klein.xml", "<b>é</b>", { compression: "DEFLATE" });
    zip.file("los.xml", Buffer.from(text), { compression: "STORE" });
    const parts = await ZipParts.open(await zip.generateAsync({ type: "nodebuffer" }));
    const pieces: string[] = [];
    for await (const p of parts.pieces("groot.xml")) pieces.push(p);
    expect(pieces.length).toBeGreaterThan(10);
    // Compared as booleans: a failure would print megabytes.
    expect(pieces.join("") === text).toBe(true);
    expect(await parts.text("klein.xml")).toBe("<b>é</b>");
    expect((await parts.text("los.xml")) === text).toBe(true);
    expect(await parts.text("geen.xml")).toBeUndefined();
    // A part that is not text, byte for byte (bulk-save.ts copies pictures so).
    const bytes: Buffer[] = [];
    await parts.stream("groot.xml", (c) => bytes.push(c));
    expect(Buffer.concat(bytes).equals(Buffer.from(text))).toBe(true);
  });

  test("a part whose inflated size is not the one its entry lists is refused", async () => {
    const zip = new JSZip();
    zip.file("a.xml", "<a>" + "x".repeat(3 << 20) + "</a>", { compression: "DEFLATE" });
    zip.file("b.xml", "<b>kort</b>", { compression: "DEFLATE" });
    const bytes = await zip.generateAsync({ type: "nodebuffer" });
    // The central directory's uncompressed sizes (offset 24 of each entry) made one byte larger.
    for (let i = bytes.length - 22; i >= 0; i--)
      if (bytes.readUInt32LE(i) === 0x02014b50)
        bytes.writeUInt32LE(bytes.readUInt32LE(i + 24) + 1, i + 24);
    const parts = await ZipParts.open(bytes);
    await expect(parts.text("a.xml")).rejects.toThrow(/a\.xml: \d+ bytes, not \d+/);
    await expect(parts.text("b.xml")).rejects.toThrow(/b\.xml: 11 bytes, not 12/);
  });
});

describe("the row scanner", () => {
  const ctx: CellContext = {
    sharedString: (i) => `s${i}`,
    isDateStyle: (id) => id === 3,
    date1904: false,
  };
  const feed = (p: { write(s: string): void; end(): unknown }, xml: string, size: number) => {
    for (let i = 0; i < xml.length; i += size) p.write(xml.slice(i, i + size));
    return p.end();
  };

  test("gives saxes' cells whatever the size of the pieces the part arrives in", async () => {
    const zip = await JSZip.loadAsync(demo);
    for (const n of [2, 3, 6]) {
      const xml = await zip.file(`xl/worksheets/sheet${n}.xml`)!.async("string");
      const want = feed(sheetParser(ctx), xml, xml.length);
      for (const size of [1, 2, 3, 5, 7, 11, 12, 13, 4096, 65536])
        expect(feed(sheetScanner(ctx), xml, size)).toStrictEqual(want);
    }
  });

  test("entities, character references and every cell form; what it does not take on is rescanned", () => {
    const sheet = (rows: string) =>
      `<worksheet><sheetData>${rows}</sheetData><mergeCells><mergeCell ref="C1:D1"/></mergeCells></worksheet>`;
    const plain = sheet(
      '<row r="1" spans="1:4"><c r="A1" t="inlineStr"><is><t xml:space="preserve"> a &amp; b &lt;&#233;&#x20AC;&gt; </t></is></c>' +
        '<c r="B1" s="3"><v>44713.5</v></c><c r="C1" t="str"><f t="shared" ref="C1:C2" si="0">A1&amp;"x"</f><v>a&amp;amp;x</v></c>' +
        '<c r="D1" s="2"/><c r="E1" t="s"><v>7</v></c></row><row r="2"/>' +
        '<row r="3"><c r="C3"><f t="shared" si="0"/><v>1</v></c><c r="D3" t="e"><v>#DIV/0!</v></c></row>'
    );
    expect(feed(sheetScanner(ctx), plain, 9)).toStrictEqual(feed(sheetParser(ctx), plain, 1e6));
    const rich = sheet(
      '<row r="1"><c r="A1" t="inlineStr"><is><r><rPr><b/></rPr><t>vet</t></r><r><t xml:space="preserve"> &amp; niet</t></r></is></c>' +
        '<c t="inlineStr"><is><t>zonder r</t></is></c></row><row><c><v>2</v></c><c r="D2"><v>3</v></c><c><v>4</v></c><c r=""><f>A2*2</f><v>4</v></c><c r="H2" s="3"><v>44713</v></c></row>'
    );
    expect(feed(sheetScanner(ctx), rich, 7)).toStrictEqual(feed(sheetParser(ctx), rich, 1e6));
    for (const odd of [
      '<row r="1"><c r="A1"><v><![CDATA[1]]></v></c></row>',
      '<row r="1"><!-- opmerking --><c r="A1"><v>1</v></c></row>',
      '<row r="1"><x:c r="A1"><x:v>1</x:v></x:c></row>',
      '<row r="1"><c r="A1" t="str"><v>a\r\nb</v></c></row>',
      '<row r="1"><c r="A1" t="str"><v>&nbsp;</v></c></row>',
    ])
      expect(() => feed(sheetScanner(ctx), sheet(odd), 64)).toThrow(Rescan);
  });
});

describe("the shared strings scanner", () => {
  const sst = (items: string) =>
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="9" uniqueCount="9">${items}</sst>`;
  /** The part's bytes fed in pieces of `size` bytes (a piece may cut a character of several bytes). */
  const scan = (xml: string, size: number) => {
    const s = stringsScanner();
    const bytes = Buffer.from(xml, "utf8");
    for (let i = 0; i < bytes.length; i += size) s.write(bytes.subarray(i, i + size));
    return s.end();
  };
  const exceljs = async (xml: string) =>
    ((await new SharedStringsXform().parseStream([xml])) as { values: unknown[] }).values;

  test("gives exceljs' strings whatever the size of the pieces", async () => {
    const zip = await JSZip.loadAsync(demo);
    const plain = sst(
      '<si><t>VV001</t></si><si><t xml:space="preserve"> a &amp; b &lt;&#233;&#x20AC;&gt; </t></si>' +
        "<si><t/></si><si><t></t></si>\n  <si>\n<t>regel_x000D_een</t>\n</si><si><t>&quot;&apos;_x00e9_</t></si>"
    );
    for (const xml of [plain, await zip.file("xl/sharedStrings.xml")!.async("string"), "<sst/>"]) {
      const want = await exceljs(xml);
      for (const size of [1, 2, 3, 5, 7, 64, 4096, 1 << 20]) expect(scan(xml, size)).toEqual(want);
    }
    expect(scan(plain, 9)).toEqual(["VV001", " a & b <é€> ", "", "", "regel\reen", `"'_x00e9_`]);
  });

  test("items with rich text or phonetic runs: each read alone as exceljs reads it, the plain ones scanned", async () => {
    const xml = sst(
      '<si><t>plat</t></si><si><r><rPr><b/><sz val="11"/></rPr><t>vet</t></r><r><t xml:space="preserve"> &amp; niet</t></r></si>' +
        '<si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/></si><si><t>na</t></si>'
    );
    const want = await exceljs(xml);
    expect(want[1]).toMatchObject({ richText: [{ text: "vet" }, { text: " & niet" }] });
    for (const size of [1, 7, 64, 1 << 20]) expect(scan(xml, size)).toEqual(want);
  });

  test("a byte order mark, and characters of two to four bytes, cut anywhere by the pieces", async () => {
    const xml = sst(
      "<si><t>‘Vlaamse Veerkracht’ – € 1,5 mio • 𝔘</t></si><si><t>é &amp; ë</t></si><si><t>gewoon</t></si>"
    );
    const want = await exceljs(xml);
    expect(want[0]).toBe("‘Vlaamse Veerkracht’ – € 1,5 mio • 𝔘");
    for (const size of [1, 2, 3, 4, 5, 64]) {
      expect(scan(xml, size)).toEqual(want);
      expect(scan("\uFEFF" + xml, size)).toEqual(want);
    }
  });

  test("what it does not take on is left to exceljs' parser", () => {
    for (const odd of [
      sst("<si><t><![CDATA[x]]></t></si>"),
      sst("<!-- c --><si><t>x</t></si>"),
      sst("<si><t>a\r\nb</t></si>"),
      sst("<si><t>&nbsp;</t></si>"),
      sst("<si/>"),
      sst("<si><t>x</t></si>") + "<extra/>",
      "<!-- c --><sst><si><t>x</t></si></sst>",
      sst("<si><t>x</t>"),
    ])
      expect(() => scan(odd, 64)).toThrow(Rescan);
  });
});

describe("several files on worker threads", () => {
  test("a snapshot sent between threads: its table rows rebuilt from the used range, cell for cell", async () => {
    const check = (s: WorkbookSnapshot) => {
      const packed = packSnapshot(s);
      expect(unpackSnapshot(structuredClone(packed))).toStrictEqual(s);
      return packed;
    };
    const packed = check(await fullRead(demo));
    // Most rows travel as their length only: less than two thirds of the bytes.
    expect(serialize(packed).length).toBeLessThan(serialize(await fullRead(demo)).length * 0.65);
    // Rows that are not their cells of the used range (other values, holes, beyond the range) as they are.
    const s = await fullRead(demo);
    const t = s.sheets[1].tables[0];
    t.rows[0] = [...t.rows[0]];
    t.rows[0][1] = "anders";
    t.rows[1] = t.rows[1].slice(0, 2);
    delete t.rows[2][0];
    t.rows.push(["onder de tabel"]);
    t.rowNumbers = t.rows.map((_r, i) => t.headerRow + 1 + i);
    expect(
      check(s)
        .sheets[1].tables[0].rows.slice(0, 3)
        .map((r) => typeof r)
    ).toEqual(["object", "number", "object"]);
    await fc.assert(
      fc.asyncProperty(workbookArb, decorationArb, async (sheets: RandomSheet[], decorations) => {
        const wb = randomWorkbook(sheets);
        decorate(wb, decorations);
        check(await fullRead(Buffer.from(await wb.xlsx.writeBuffer())));
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true }
    );
  });

  test("answers in the order of the files, the same snapshots, an unreadable file in its place", async () => {
    const files = [tmp.path("een.xlsx"), tmp.path("leeg.xlsx"), tmp.path("twee.xlsx")];
    writeFileSync(files[0], demo);
    writeFileSync(files[1], "");
    writeFileSync(files[2], readFileSync(join(WRITERS, "openpyxl-notes-table.xlsx")));
    // Workers only, and workers next to this thread (which may read them all before a worker starts).
    for (const inThisThread of [false, true]) {
      // Each file is taken once from the counter the threads share: `onRead` hears of it once.
      const heard: string[] = [];
      const read = await readWorkbookFiles(files, {
        threads: 2,
        minBytes: 0,
        inThisThread,
        onRead: (file) => heard.push(file),
      });
      expect(read.map((r) => r.file)).toEqual(files);
      expect(heard.sort()).toEqual([...files].sort());
      expect("error" in read[1] && read[1].error.kind).toBe("empty");
      expect("snapshot" in read[0] && read[0].snapshot).toStrictEqual(await fullRead(demo));
      expect("snapshot" in read[2] && read[2].snapshot).toStrictEqual(
        await fullRead(readFileSync(files[2]))
      );
    }
    expect(await readWorkbookFiles([], { threads: 2, minBytes: 0 })).toEqual([]);
  });

  test("every workbook other programs wrote (openpyxl, LibreOffice, Gnumeric, Excel- and Google-like), read on workers, is the one read in this thread", async () => {
    const files = xlsxIn([
      WRITERS,
      join(__dirname, "../corpus/files"),
      join(__dirname, "../corpus/files-26"),
    ]);
    expect(files.length).toBeGreaterThan(50);
    const read = await readWorkbookFiles(files, { threads: 2, minBytes: 0, inThisThread: false });
    for (const r of read) {
      if (!("snapshot" in r)) throw new Error(`${r.file}: ${r.error.message}`);
      expect({ file: r.file, snapshot: r.snapshot }).toStrictEqual({
        file: r.file,
        snapshot: await readSnapshot(r.file, readFileSync(r.file)),
      });
    }
  });
});
