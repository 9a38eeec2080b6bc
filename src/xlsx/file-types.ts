/**
 * What a file that is not an .xlsx workbook is, told from its bytes (never from its name: a PDF renamed
 * .xlsx is still a PDF), with the advice that fits that kind of file, Dutch and English. A PDF cannot be
 * turned into a workbook by opening it in Excel; an .ods is saved as .xlsx in LibreOffice; and so on.
 * No import of exceljs: the streaming read checks bytes without loading it.
 */

/** Kinds of files told apart, each with its own advice. */
export type FileTypeKind =
  | "pdf"
  | "ods"
  | "xls"
  | "xlsb"
  | "xml2003"
  | "strict"
  | "text"
  | "html"
  | "word"
  | "powerpoint"
  | "zip";

export const FILE_TYPE_TEXT: Record<FileTypeKind, { nl: string; en: string }> = {
  pdf: {
    nl: "een PDF-bestand, geen werkmap: een PDF wordt geen werkmap door ze in Excel te openen; vraag de Excel-werkmap (.xlsx) zelf aan wie de PDF maakte",
    en: "a PDF file, not a workbook: opening a PDF in Excel does not make it a workbook; ask whoever made the PDF for the Excel workbook (.xlsx) itself",
  },
  ods: {
    nl: "een OpenDocument-rekenblad (.ods): open het in LibreOffice Calc en bewaar het als Excel-werkmap .xlsx (Bestand > Opslaan als > Excel 2007-365)",
    en: "an OpenDocument spreadsheet (.ods): open it in LibreOffice Calc and save it as an Excel workbook .xlsx (File > Save As > Excel 2007-365)",
  },
  xls: {
    nl: "een oud Excel-bestand (.xls): open het in Excel en kies Bestand > Opslaan als > Excel-werkmap (*.xlsx)",
    en: "an old Excel file (.xls): open it in Excel and choose File > Save As > Excel Workbook (*.xlsx)",
  },
  xlsb: {
    nl: "een binaire Excel-werkmap (.xlsb): open het in Excel en kies Bestand > Opslaan als > Excel-werkmap (*.xlsx)",
    en: "a binary Excel workbook (.xlsb): open it in Excel and choose File > Save As > Excel Workbook (*.xlsx)",
  },
  xml2003: {
    nl: "een XML-werkblad van Excel 2003: open het in Excel en kies Bestand > Opslaan als > Excel-werkmap (*.xlsx)",
    en: "an Excel 2003 XML spreadsheet: open it in Excel and choose File > Save As > Excel Workbook (*.xlsx)",
  },
  strict: {
    nl: "de werkmap is niet beschadigd, maar opgeslagen als 'Strict Open XML-werkmap'; open ze in Excel en bewaar ze als gewone Excel-werkmap (*.xlsx)",
    en: "the workbook is not damaged, but saved as a 'Strict Open XML Spreadsheet'; open it in Excel and save it as an ordinary Excel Workbook (*.xlsx)",
  },
  text: {
    nl: "geen Excel-werkmap maar tekst (zoals een CSV-bestand): open het in Excel (Gegevens > Van tekst/CSV) en bewaar het als Excel-werkmap .xlsx",
    en: "not an Excel workbook but text (such as a CSV file): open it in Excel (Data > From Text/CSV) and save it as an Excel workbook .xlsx",
  },
  html: {
    nl: "geen Excel-werkmap maar een webpagina (HTML), ook al draagt ze de naam van een werkmap: open ze in Excel en kies Bestand > Opslaan als > Excel-werkmap (*.xlsx)",
    en: "not an Excel workbook but a web page (HTML), even if it is named like one: open it in Excel and choose File > Save As > Excel Workbook (*.xlsx)",
  },
  word: {
    nl: "een tekstdocument (Word of Writer), geen werkmap: kopieer de tabel naar een Excel-werkmap en bewaar die als .xlsx",
    en: "a text document (Word or Writer), not a workbook: copy the table into an Excel workbook and save that as .xlsx",
  },
  powerpoint: {
    nl: "een presentatie (PowerPoint of Impress), geen werkmap: kopieer de tabel naar een Excel-werkmap en bewaar die als .xlsx",
    en: "a presentation (PowerPoint or Impress), not a workbook: copy the table into an Excel workbook and save that as .xlsx",
  },
  zip: {
    nl: "een zip-bestand dat geen Excel-werkmap is: pak het uit en kies de .xlsx-bestanden die erin zitten",
    en: "a zip file that is not an Excel workbook: extract it and choose the .xlsx files inside",
  },
};

const utf16 = (s: string) => Uint8Array.from([...s].flatMap((ch) => [ch.charCodeAt(0), 0]));

function contains(bytes: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** An OLE container (old Office formats) by its streams' names: Excel, Word or PowerPoint; else null. */
export function oleKind(bytes: Uint8Array): FileTypeKind | null {
  if (contains(bytes, utf16("Workbook")) || contains(bytes, utf16("Book"))) return "xls";
  if (contains(bytes, utf16("WordDocument"))) return "word";
  if (contains(bytes, utf16("PowerPoint Document"))) return "powerpoint";
  return null;
}

/** The bytes as ASCII text (UTF-16LE: every other byte), anything else as "?": enough to recognise markup. */
function asciiOf(bytes: Uint8Array, step: number): string {
  let s = "";
  for (let i = 0; i < bytes.length; i += step)
    s += bytes[i] < 0x80 ? String.fromCharCode(bytes[i]) : "?";
  return s;
}

/**
 * How many bytes of `bytes` are no text: control characters other than tab, line and page ends, and bytes
 * that are not well-formed UTF-8 (a sequence cut at the end counts as text). Written out rather than with
 * TextDecoder, which the task pane's test environment (jsdom) lacks.
 */
function binaryBytes(bytes: Uint8Array): number {
  let bad = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b < 0x20) {
      if (b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) bad++;
      continue;
    }
    if (b < 0x80) continue;
    const follow = b >= 0xf0 && b < 0xf5 ? 3 : b >= 0xe0 ? 2 : b >= 0xc2 && b < 0xe0 ? 1 : -1;
    if (follow < 0 || b >= 0xf5) {
      bad++;
      continue;
    }
    let k = 1;
    while (k <= follow && i + k < bytes.length && (bytes[i + k] & 0xc0) === 0x80) k++;
    if (k <= follow && i + k < bytes.length) bad++;
    i += k - 1;
  }
  return bad;
}

/** A file that is neither a zip nor an OLE container, by its first bytes: PDF, web page, XML, text; else null. */
export function plainKind(bytes: Uint8Array): FileTypeKind | null {
  const head = bytes.subarray(0, 4096);
  const magic = asciiOf(head.subarray(0, 5), 1);
  if (magic === "%PDF-") return "pdf";
  if (magic === "{\\rtf") return "word";
  const utf16le = head[0] === 0xff && head[1] === 0xfe;
  const bom = !utf16le && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  const start = asciiOf(head.subarray(utf16le ? 2 : bom), utf16le ? 2 : 1)
    .trimStart()
    .toLowerCase();
  if (start.startsWith("<")) {
    if (start.includes("urn:schemas-microsoft-com:office:spreadsheet")) return "xml2003";
    if (/<(!doctype html|html|table|head|body)\b/.test(start)) return "html";
  }
  // Text (UTF-16 with its mark, or UTF-8 with at most one byte in a hundred that is not text).
  if (utf16le) return "text";
  return head.length > 0 && binaryBytes(head) <= head.length / 100 ? "text" : null;
}

/** A zip that is not an .xlsx, by its parts: OpenDocument, Word, PowerPoint, or any zip; null for a workbook. */
export function zipKind(names: (name: string) => boolean, mimetype: string | null): FileTypeKind {
  if (mimetype?.includes("opendocument.spreadsheet")) return "ods";
  if (mimetype?.includes("opendocument.text")) return "word";
  if (mimetype?.includes("opendocument.presentation")) return "powerpoint";
  if (names("word/document.xml")) return "word";
  if (names("ppt/presentation.xml")) return "powerpoint";
  return "zip";
}
