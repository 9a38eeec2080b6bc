/**
 * The rows of a worksheet (`<sheetData>`) scanned directly, for speed; the rest of the part goes through
 * saxes (sheet.ts). Measured on the 100,000-row workbook, the general XML parsers (saxes, htmlparser2,
 * ltx, sax-wasm) all spend about the same time per megabyte, most of it building a node and an attribute
 * object per element, and together with the garbage they leave that was most of `validate`'s time.
 *
 * The scanner takes the shape every spreadsheet writer gives cells (openpyxl, LibreOffice, Gnumeric,
 * Excel- and Google-like writers alike): `<row r=..>` holding `<c r=.. s=.. t=..>` with `<f ..>text</f>`,
 * `<v>text</v>` and `<is><t>text</t></is>` children (or self-closed), rows and cells without their
 * optional `r` (placed as the full read places them), text with the five XML entities and character
 * references. An inline string with rich text runs is read alone by saxes (`inlineRichText`). Anything
 * else in the rows (comments, CDATA, prefixed names, other entities, raw carriage returns, control
 * characters) throws `Rescan`: the whole part is then read with saxes, as before. The cell values come from
 * the same CellSink as saxes feeds, so they follow exceljs the same way.
 */
import {
  CellSink,
  columnAt,
  columnOf,
  inlineRichText,
  sheetParser,
  type CellContext,
  type SheetCells,
} from "./sheet";

/** The rows hold something the scanner does not take on: read the part with saxes instead. */
export class Rescan extends Error {}

// eslint-disable-next-line no-control-regex -- the characters XML 1.0 forbids, which saxes refuses
const CONTROL = /[\r\x00-\x08\x0B\x0C\x0E-\x1F]/;
const NAMED = new Map([
  ["lt", "<"],
  ["gt", ">"],
  ["amp", "&"],
  ["quot", '"'],
  ["apos", "'"],
]);

/** The character of a reference `#123` or `#x7B` (the text between "&" and ";"), or null when it is none. */
function reference(name: string): string | null {
  const hex = name.charCodeAt(1) === 120;
  const digits = name.slice(hex ? 2 : 1);
  if (!digits || !(hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits)) return null;
  const code = parseInt(digits, hex ? 16 : 10);
  // XML 1.0 allows tab, line feed and carriage return among the control characters (LibreOffice writes
  // `&#13;` for a carriage return in a text); saxes refuses the others.
  if (code < 0x20 && code !== 9 && code !== 10 && code !== 13)
    throw new Rescan("character reference");
  return String.fromCodePoint(code);
}

/**
 * Text as saxes delivers it: the five entities and character references replaced, in one pass over the
 * text (a formula of the template holds a dozen `&quot;` and `&lt;`: replacing them with a regular
 * expression and a function per match was a fifth of reading a workbook).
 */
export function decode(s: string): string {
  // saxes turns a carriage return into a line feed and refuses control characters: its business.
  if (CONTROL.test(s)) throw new Rescan("control character");
  let amp = s.indexOf("&");
  if (amp < 0) return s;
  // Pieces joined once: a text built by `+=` stays a chain of slices of the sheet's XML (a formula per row
  // of 100,000 rows held 10 MB more that way).
  const parts: string[] = [];
  let from = 0;
  while (amp >= 0) {
    const end = s.indexOf(";", amp + 1);
    // Any other "&" is an entity saxes refuses (or one a DTD would define).
    if (end < 0) throw new Rescan("entity");
    const name = s.slice(amp + 1, end);
    const ch = name.charCodeAt(0) === 35 ? reference(name) : (NAMED.get(name) ?? null);
    if (ch === null) throw new Rescan("entity");
    parts.push(s.slice(from, amp), ch);
    from = end + 1;
    amp = s.indexOf("&", from);
  }
  parts.push(s.slice(from));
  return parts.join("");
}

/** Where the last tag read by `readAttrs` ended, and whether it closed itself (`/>`). */
let tagEnd = 0;
let tagEmpty = false;
/** The end and self-closing of the last tag `readAttrs` read. */
export const lastTag = () => ({ end: tagEnd, empty: tagEmpty });

/** Most attributes a tag may have here (a cell has three): more is not a form the scanner takes on. */
const MAX_ATTRS = 30;
/** The last tag's attributes: name start, name end, value start, value end, one after the other. */
const ATTR = new Int32Array(4 * MAX_ATTRS);
let attrCount = 0;
/** Bit k set: the value of attribute k holds "&" or a control character, to be decoded. */
let attrSpecial = 0;

/**
 * Read a tag's attributes from `start` (just past its name) to its `>`: their bounds into ATTR (no object
 * and no closure per attribute or tag: this runs for every cell); returns how many. A value saxes would
 * refuse throws Rescan here, whether or not it is used.
 */
export function readAttrs(xml: string, start: number): number {
  let i = start;
  attrCount = 0;
  attrSpecial = 0;
  for (;;) {
    let ch = xml.charCodeAt(i);
    while (ch === 32 || ch === 9 || ch === 10) ch = xml.charCodeAt(++i);
    if (ch === 62) {
      tagEnd = i + 1;
      tagEmpty = false;
      return attrCount;
    }
    if (ch === 47 && xml.charCodeAt(i + 1) === 62) {
      tagEnd = i + 2;
      tagEmpty = true;
      return attrCount;
    }
    // One pass over the name and the value, each character looked at once (no search ahead).
    let eq = i;
    for (; ; eq++) {
      const n = xml.charCodeAt(eq);
      if (n === 61) break;
      if (n === 32 || n === 9 || n === 10 || n === 60 || n === 62 || n === 47 || n !== n)
        throw new Rescan("attribute name");
    }
    const q = xml.charCodeAt(eq + 1);
    if (q !== 34 && q !== 39) throw new Rescan("attribute");
    if (attrCount === MAX_ATTRS) throw new Rescan("attribute");
    let special = false;
    let close = eq + 2;
    for (; ; close++) {
      const n = xml.charCodeAt(close);
      if (n === q) break;
      if (n === 60 || n === 9 || n === 10 || n !== n) throw new Rescan("attribute value");
      if (n === 38 || n < 32) special = true;
    }
    if (special) {
      decode(xml.slice(eq + 2, close));
      attrSpecial |= 1 << attrCount;
    }
    const a = 4 * attrCount++;
    ATTR[a] = i;
    ATTR[a + 1] = eq;
    ATTR[a + 2] = eq + 2;
    ATTR[a + 3] = close;
    i = close + 1;
  }
}

/** Attribute k's value of the last tag read, as saxes gives it. */
export function attrValue(xml: string, k: number): string {
  const v = xml.slice(ATTR[4 * k + 2], ATTR[4 * k + 3]);
  return attrSpecial & (1 << k) ? decode(v) : v;
}

/** Attribute k's name, when it is one letter: its code; else 0. */
const attrLetter = (xml: string, k: number) =>
  ATTR[4 * k + 1] === ATTR[4 * k] + 1 ? xml.charCodeAt(ATTR[4 * k]) : 0;

/** Attribute k's name. */
const attrName = (xml: string, k: number) => xml.slice(ATTR[4 * k], ATTR[4 * k + 1]);

/** Text from `from` to `to` as saxes delivers it; most short texts need no decoding, which a scan tells. */
function text(xml: string, from: number, to: number): string {
  // A long text is faster searched by the regular expression (decode's own test).
  if (to - from > 32) return decode(xml.slice(from, to));
  for (let k = from; k < to; k++) {
    const n = xml.charCodeAt(k);
    if (n === 38 || (n < 32 && n !== 9 && n !== 10)) return decode(xml.slice(from, to));
  }
  return xml.slice(from, to);
}

/** Where the text `textUntil` read last ended: past its closing tag. */
let textEnd = 0;
export const lastTextEnd = () => textEnd;

/** The text from `start` up to the closing tag `</name>`, which must follow it; see `lastTextEnd`. */
export function textUntil(xml: string, start: number, name: string): string {
  const lt = xml.indexOf("<", start);
  if (
    lt < 0 ||
    xml.charCodeAt(lt + 1) !== 47 ||
    !xml.startsWith(name, lt + 2) ||
    xml.charCodeAt(lt + 2 + name.length) !== 62
  )
    throw new Rescan(`<${name}> content`);
  textEnd = lt + name.length + 3;
  return text(xml, start, lt);
}

/** White space as the regular expression `\s` takes it between a tag's name and its attributes. */
const isSpace = (ch: number) => ch === 32 || ch === 9 || ch === 10 || ch === 13;

export const skipSpace = (xml: string, i: number) => {
  let ch = xml.charCodeAt(i);
  while (ch === 32 || ch === 9 || ch === 10) ch = xml.charCodeAt(++i);
  return i;
};

/** A cell's type attribute k: the common ones as constants, compared in place (no string per cell). */
function cellType(xml: string, k: number): string {
  const from = ATTR[4 * k + 2];
  const n = ATTR[4 * k + 3] - from;
  if (!(attrSpecial & (1 << k))) {
    if (n === 1) {
      const ch = xml.charCodeAt(from);
      if (ch === 115) return "s";
      if (ch === 110) return "n";
      if (ch === 98) return "b";
      if (ch === 101) return "e";
      if (ch === 100) return "d";
    } else if (n === 3 && xml.startsWith("str", from)) return "str";
    else if (n === 9 && xml.startsWith("inlineStr", from)) return "inlineStr";
  }
  return attrValue(xml, k);
}

/**
 * Attribute k as a number (a cell's style, a row's `r`), read in place when it is digits only (as nearly
 * always); undefined when empty.
 */
function attrNumber(xml: string, k: number): number | undefined {
  const from = ATTR[4 * k + 2];
  const to = ATTR[4 * k + 3];
  let id = 0;
  for (let j = from; j < to; j++) {
    const ch = xml.charCodeAt(j);
    if (ch < 48 || ch > 57 || to - from > 9) {
      const s = attrValue(xml, k);
      return s ? parseInt(s, 10) : undefined;
    }
    id = id * 10 + ch - 48;
  }
  return from === to ? undefined : id;
}

/**
 * One `<c>` from `i` (at its "<"); returns the position after it. One function on purpose (about 80
 * lines): it runs once per cell of every sheet, so it reads the attributes in one loop, without a
 * helper call per attribute, and takes the address as the column it names, without a string (only a
 * formula's value holds its address).
 */
function scanCell(xml: string, i: number, sink: CellSink): number {
  const c = sink.c;
  let rk = -1;
  let st: number | undefined;
  let t: string | undefined;
  for (let k = 0, n = readAttrs(xml, i + 2); k < n; k++) {
    const l = attrLetter(xml, k);
    // An empty `r` is no address (the full read numbers the cell, as one without `r`).
    if (l === 114) rk = ATTR[4 * k + 3] > ATTR[4 * k + 2] ? k : -1;
    else if (l === 115) st = attrNumber(xml, k);
    else if (l === 116) t = cellType(xml, k);
  }
  // The address: in place when written plainly, else as text (an entity in it: the full read decides).
  let col: number;
  let r: string | undefined;
  // Where the address is written (ATTR is overwritten by the tags inside the cell).
  const rFrom = rk < 0 ? 0 : ATTR[4 * rk + 2];
  const rTo = rk < 0 ? 0 : ATTR[4 * rk + 3];
  if (rk < 0) col = sink.col + 1;
  else if (attrSpecial & (1 << rk)) {
    r = attrValue(xml, rk);
    col = columnOf(r, sink.row);
  } else col = columnAt(xml, rFrom, rTo, sink.row);
  c.openWith(r ?? "", st, t);
  i = tagEnd;
  if (!tagEmpty) {
    for (;;) {
      i = skipSpace(xml, i);
      // The child told by its first characters (a string compared per child and cell was a tenth of it).
      const n1 = xml.charCodeAt(i + 1);
      const n2 = xml.charCodeAt(i + 2);
      if (xml.charCodeAt(i) !== 60) throw new Rescan("cell content");
      if (n1 === 47 && n2 === 99 && xml.charCodeAt(i + 3) === 62) {
        i += 4;
        break;
      }
      if (n1 === 118 && (n2 === 62 || n2 === 47)) {
        c.sawValue = true;
        if (n2 === 47) {
          if (xml.charCodeAt(i + 3) !== 62) throw new Rescan("<v");
          i += 4;
          continue;
        }
        const v = textUntil(xml, i + 3, "v");
        if (v) c.value = c.value ? (c.value as string) + v : v;
        i = textEnd;
      } else if (n1 === 102 && (n2 === 62 || n2 === 47 || isSpace(n2))) {
        for (let k = 0, n = readAttrs(xml, i + 2); k < n; k++) {
          const name = attrName(xml, k);
          if (name === "si") c.si = attrValue(xml, k);
          else if (name === "t") c.shareType = attrValue(xml, k);
          else if (name === "ref") c.ref = attrValue(xml, k);
        }
        i = tagEnd;
        if (!tagEmpty) {
          const f = textUntil(xml, i, "f");
          if (f) c.formula = c.formula ? c.formula + f : f;
          i = textEnd;
        }
      } else if (n1 === 105 && n2 === 115 && xml.charCodeAt(i + 3) === 62) {
        const is = i;
        i = skipSpace(xml, i + 4);
        if (xml.startsWith("<r>", i) || xml.startsWith("<rPh", i)) {
          // Rich text runs (or phonetic ones): this one string read by saxes and exceljs' xforms.
          const end = xml.indexOf("</is>", i);
          if (end < 0) throw new Rescan("<is> content");
          c.value = inlineRichText(sink.ctx, xml.slice(is, end + 5)) ?? undefined;
          i = end + 5;
          continue;
        }
        const t2 = xml.charCodeAt(i + 2);
        if (
          xml.charCodeAt(i) === 60 &&
          xml.charCodeAt(i + 1) === 116 &&
          (t2 === 62 || isSpace(t2))
        ) {
          readAttrs(xml, i + 2);
          if (tagEmpty) throw new Rescan("<t/>");
          const v = textUntil(xml, tagEnd, "t");
          if (v) c.value = sink.ownText(c.value ? (c.value as string) + v : v);
          i = skipSpace(xml, textEnd);
        }
        if (!xml.startsWith("</is>", i)) throw new Rescan("<is> content");
        i += 5;
      } else throw new Rescan("cell content");
    }
  }
  if (c.formula !== undefined || c.shareType !== undefined || col === 0)
    c.address = r ?? (rk < 0 ? sink.address(undefined) : xml.slice(rFrom, rTo));
  sink.closeCellAt(col);
  return i;
}

/**
 * Scan the complete rows in `xml` (the content of `<sheetData>`, or a piece of it ending between rows);
 * returns how far it got: the rest is an incomplete row, to be scanned with the next piece.
 */
export function scanRows(xml: string, sink: CellSink): number {
  // Rows starting before the last end of a row in this piece are complete (rows do not nest): one search
  // per piece, not one per row over the whole row.
  const lastEnd = xml.lastIndexOf("</row>");
  let i = 0;
  for (;;) {
    i = skipSpace(xml, i);
    if (i >= xml.length) return i;
    const after = xml.charCodeAt(i + 4);
    if (!xml.startsWith("<row", i) || !(after === 62 || after === 47 || isSpace(after))) {
      // The piece may end inside a row's tag or inside the end of the rows: wait for the next one.
      const rest = xml.slice(i);
      if ("<row".startsWith(rest) || "</sheetData>".startsWith(rest)) return i;
      throw new Rescan("not a row");
    }
    // Only a row whose end is in this piece.
    if (xml.indexOf(">", i) < 0) return i;
    let r: number | undefined;
    for (let k = 0, n = readAttrs(xml, i + 4); k < n; k++)
      if (attrLetter(xml, k) === 114) r = attrNumber(xml, k);
    if (!tagEmpty && lastEnd < i) return i;
    sink.openRow(r);
    let j = tagEnd;
    const empty = tagEmpty;
    if (!empty) {
      for (;;) {
        j = skipSpace(xml, j);
        const c2 = xml.charCodeAt(j + 2);
        if (xml.charCodeAt(j) === 60 && xml.charCodeAt(j + 1) === 99) {
          if (!(c2 === 62 || c2 === 47 || isSpace(c2))) throw new Rescan("row content");
          j = scanCell(xml, j, sink);
          continue;
        }
        if (xml.startsWith("</row>", j)) {
          j += 6;
          break;
        }
        throw new Rescan("row content");
      }
    }
    i = j;
  }
}

/**
 * A worksheet part fed in pieces: the rows scanned as they come, the parts before and after them (the
 * sheet's properties, merges, hyperlinks, table parts) parsed with saxes at the end. Throws Rescan.
 */
export function sheetScanner(ctx: CellContext): { write(chunk: string): void; end(): SheetCells } {
  const sink = new CellSink(ctx);
  let phase: "head" | "rows" | "tail" = "head";
  let buf = "";
  let head = "";
  let tail = "";
  return {
    write(chunk: string) {
      buf += chunk;
      if (phase === "head") {
        const k = buf.indexOf("<sheetData");
        const gt = k < 0 ? -1 : buf.indexOf(">", k);
        if (gt < 0) {
          if (buf.length > 1 << 22) throw new Rescan("no sheetData");
          return;
        }
        head = buf.slice(0, gt + 1);
        phase = buf[gt - 1] === "/" ? "tail" : "rows";
        buf = buf.slice(gt + 1);
      }
      if (phase === "rows") {
        const end = buf.indexOf("</sheetData>");
        const piece = end < 0 ? buf : buf.slice(0, end);
        const done = scanRows(piece, sink);
        if (end < 0) {
          buf = buf.slice(done);
          return;
        }
        if (done !== piece.length) throw new Rescan("rows");
        buf = buf.slice(end);
        phase = "tail";
      }
      tail += buf;
      buf = "";
    },
    end() {
      if (phase !== "tail") throw new Rescan("no end of the rows");
      const p = sheetParser(ctx, sink);
      p.write(head);
      p.write(tail);
      return p.end();
    },
  };
}
