/**
 * A file that is not an .xlsx workbook gets the advice that fits what it is, told from its bytes, in the
 * user's language (src/xlsx/file-types.ts): a PDF is never told to be opened in Excel and saved as .xlsx;
 * the .ods message is all English with --lang en. And the system's answers on reading (a folder, no
 * permission) in the user's words. One line each, exit 2.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import { run } from "./run";
import { tempDir } from "../flows/support";

const tmp = tempDir("vv-types-");
afterAll(() => tmp.cleanup());
const root = join(__dirname, "../..");

const zip = async (files: Record<string, string>) => {
  const z = new JSZip();
  for (const [name, text] of Object.entries(files)) z.file(name, text);
  return z.generateAsync({ type: "nodebuffer" });
};

const OFFICE_DOC =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
const ole = (stream: string) =>
  Buffer.concat([
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
    Buffer.alloc(1016),
    Buffer.from(stream, "utf16le"),
    Buffer.alloc(1024),
  ]);

/** [file name, bytes, Dutch line after "file: ", English line]. */
const cases: [string, () => Promise<Buffer> | Buffer, string, string][] = [
  [
    "rapport.pdf",
    () => Buffer.from("%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "latin1"),
    "een PDF-bestand, geen werkmap: een PDF wordt geen werkmap door ze in Excel te openen; vraag de Excel-werkmap (.xlsx) zelf aan wie de PDF maakte",
    "a PDF file, not a workbook: opening a PDF in Excel does not make it a workbook; ask whoever made the PDF for the Excel workbook (.xlsx) itself",
  ],
  [
    "rapport.ods",
    () => readFileSync(join(root, "test/corpus/files/13-rapport.ods")),
    "een OpenDocument-rekenblad (.ods): open het in LibreOffice Calc en bewaar het als Excel-werkmap .xlsx (Bestand > Opslaan als > Excel 2007-365)",
    "an OpenDocument spreadsheet (.ods): open it in LibreOffice Calc and save it as an Excel workbook .xlsx (File > Save As > Excel 2007-365)",
  ],
  [
    "oud.xls",
    () => ole("Workbook"),
    "een oud Excel-bestand (.xls): open het in Excel en kies Bestand > Opslaan als > Excel-werkmap (*.xlsx)",
    "an old Excel file (.xls): open it in Excel and choose File > Save As > Excel Workbook (*.xlsx)",
  ],
  [
    "binair.xlsb",
    () =>
      zip({
        "_rels/.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${OFFICE_DOC}" Target="xl/workbook.bin"/></Relationships>`,
        "xl/workbook.bin": "\u0000\u0001",
      }),
    "een binaire Excel-werkmap (.xlsb): open het in Excel en kies Bestand > Opslaan als > Excel-werkmap (*.xlsx)",
    "a binary Excel workbook (.xlsb): open it in Excel and choose File > Save As > Excel Workbook (*.xlsx)",
  ],
  [
    "lijst.csv",
    () => Buffer.from("Projectcode;Projecttitel;Uitvoering VAK\r\nVV001;Asbest;1.000,50\r\n"),
    "geen Excel-werkmap maar tekst (zoals een CSV-bestand): open het in Excel (Gegevens > Van tekst/CSV) en bewaar het als Excel-werkmap .xlsx",
    "not an Excel workbook but text (such as a CSV file): open it in Excel (Data > From Text/CSV) and save it as an Excel workbook .xlsx",
  ],
  [
    "nota.docx",
    () => zip({ "[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>" }),
    "een tekstdocument (Word of Writer), geen werkmap: kopieer de tabel naar een Excel-werkmap en bewaar die als .xlsx",
    "a text document (Word or Writer), not a workbook: copy the table into an Excel workbook and save that as .xlsx",
  ],
  [
    "dia.pptx",
    () => zip({ "[Content_Types].xml": "<Types/>", "ppt/presentation.xml": "<p/>" }),
    "een presentatie (PowerPoint of Impress), geen werkmap: kopieer de tabel naar een Excel-werkmap en bewaar die als .xlsx",
    "a presentation (PowerPoint or Impress), not a workbook: copy the table into an Excel workbook and save that as .xlsx",
  ],
  [
    "bijlagen.xlsx",
    () => zip({ "werkmap-a.xlsx": "...", "lees-mij.txt": "hallo" }),
    "een zip-bestand dat geen Excel-werkmap is: pak het uit en kies de .xlsx-bestanden die erin zitten",
    "a zip file that is not an Excel workbook: extract it and choose the .xlsx files inside",
  ],
  [
    "export-van-website.xls",
    () =>
      Buffer.from(
        "<html><head><meta charset='utf-8'></head><body><table><tr><td>VV001</td></tr></table></body></html>"
      ),
    "geen Excel-werkmap maar een webpagina (HTML), ook al draagt ze de naam van een werkmap: open ze in Excel en kies Bestand > Opslaan als > Excel-werkmap (*.xlsx)",
    "not an Excel workbook but a web page (HTML), even if it is named like one: open it in Excel and choose File > Save As > Excel Workbook (*.xlsx)",
  ],
  [
    "xml2003.xml",
    () =>
      Buffer.from(
        '<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet/></Workbook>'
      ),
    "een XML-werkblad van Excel 2003: open het in Excel en kies Bestand > Opslaan als > Excel-werkmap (*.xlsx)",
    "an Excel 2003 XML spreadsheet: open it in Excel and choose File > Save As > Excel Workbook (*.xlsx)",
  ],
];

describe.each(cases)("%s", (name, bytes, nl, en) => {
  it("is named for what it is, with its own advice, in Dutch and in English (exit 2, one line)", async () => {
    const file = tmp.path(name);
    writeFileSync(file, await bytes());
    const r = await run("validate", file);
    expect([r.code, r.err]).toEqual([2, `vv-monitor: ${file}: ${nl}\n`]);
    const e = await run("--lang", "en", "totals", file);
    expect([e.code, e.err]).toEqual([2, `vv-monitor: ${file}: ${en}\n`]);
  });
});

describe("the system's answers on reading", () => {
  it("a folder given as the workbook (EISDIR)", async () => {
    const dir = tmp.path("map.xlsx");
    mkdirSync(dir);
    const r = await run("validate", dir);
    expect(r.err).toBe(
      `vv-monitor: ${dir}: is een map, geen bestand; geef de werkmap zelf, bv. map/werkmap.xlsx\n`
    );
    const c = await run("--lang", "en", "convert", dir, tmp.path("uit.xlsx"));
    expect(c.err).toBe(
      `vv-monitor: ${dir}: is a folder, not a file; give the workbook itself, e.g. folder/workbook.xlsx\n`
    );
  });

  it("a file the user may not read (EACCES)", () => {
    const file = tmp.path("geheim.xlsx");
    writeFileSync(file, "x");
    chmodSync(file, 0o000);
    chmodSync(tmp.dir, 0o755);
    // root may read anything: the command runs as an ordinary user then.
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const r = spawnSync(process.execPath, [join(root, "bin/vv-monitor.cjs"), "totals", file], {
      cwd: root,
      encoding: "utf8",
      ...asUser,
    });
    expect([r.status, r.stderr]).toEqual([
      2,
      `vv-monitor: ${file}: u hebt geen toestemming om dit bestand te lezen; vraag toegang, of kopieer het naar een eigen map\n`,
    ]);
  });
});
