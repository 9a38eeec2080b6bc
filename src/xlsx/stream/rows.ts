/**
 * The rows of a worksheet (`<sheetData>`) scanned directly, for speed; the rest of the part goes through
 * saxes (sheet.ts). Measured on the 100,000-row workbook, the general XML parsers (saxes, htmlparser2,
 * ltx, sax-wasm) all spend about the same time per megabyte, most of it building a node and an attribute
 * object per element, and together with the garbage they leave that was most of `validate`'s time.
 *
 * The scanner takes the one shape spreadsheet writers give cells, and nothing else:
 * `<row r=..>` holding `<c r=.. s=.. t=..>` with `<f ..>text</f>`, `<v>text</v>` and `<is><t>text</t></is>`
 * children (or self-closed), text with the five XML entities and character references. Anything else in
 * the rows (rich text runs, comments, CDATA, prefixed names, other entities, carriage returns, control
 * characters) throws `Rescan`: the whole part is then read with saxes, as before. The cell values come from
 * the same CellSink as saxes feeds, so they follow exceljs the same way.
 */
import { CellSink, sheetParser, type CellContext, type SheetCells } from "./sheet";

/** The rows hold something the scanner does not take on: read the part with saxes instead. */
export class Rescan extends Error {}

// eslint-disable-next-line no-control-regex -- the characters XML 1.0 forbids, which saxes refuses
const SPECIAL = /[&\r\x00-\x08\x0B\x0C\x0E-\x1F]/;
// eslint-disable-next-line no-control-regex -- as above
const CONTROL = /[\r\x00-\x08\x0B\x0C\x0E-\x1F]/;
const ENTITY = /&(?:(lt|gt|amp|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));/g;
const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** Text as saxes delivers it: the five entities and character references replaced. */
export function decode(s: string): string {
  if (!SPECIAL.test(s)) return s;
  // saxes turns a carriage return into a line feed and refuses control characters: its business.
  if (CONTROL.test(s)) throw new Rescan("control character");
  // Any other "&" is an entity saxes refuses (or one a DTD would define).
  if (s.replace(ENTITY, "").includes("&")) throw new Rescan("entity");
  return s.replace(ENTITY, (_m, name: string, dec: string, hex: string) => {
    if (name) return NAMED[name];
    const code = parseInt(dec ?? hex, dec ? 10 : 16);
    if (code < 0x20 && code !== 9 && code !== 10) throw new Rescan("character reference");
    return String.fromCodePoint(code);
  });
}

/** Where the last tag read by `attrs` ended, and whether it closed itself (`/>`). */
let tagEnd = 0;
let tagEmpty = false;
/** The end and self-closing of the last tag `attrs` read. */
export const lastTag = () => ({ end: tagEnd, empty: tagEmpty });

/**
 * Walk a tag's attributes from `start` (just past its name) to its `>`, calling `on` with the name and
 * the value's bounds of each (no object per attribute: this runs for every cell).
 */
export function attrs(
  xml: string,
  start: number,
  on: (nameStart: number, nameEnd: number, valueStart: number, valueEnd: number) => void
): void {
  let i = start;
  for (;;) {
    let ch = xml.charCodeAt(i);
    while (ch === 32 || ch === 9 || ch === 10) ch = xml.charCodeAt(++i);
    if (ch === 62) {
      tagEnd = i + 1;
      tagEmpty = false;
      return;
    }
    if (ch === 47 && xml.charCodeAt(i + 1) === 62) {
      tagEnd = i + 2;
      tagEmpty = true;
      return;
    }
    const eq = xml.indexOf("=", i);
    const q = xml.charCodeAt(eq + 1);
    if (eq < 0 || (q !== 34 && q !== 39)) throw new Rescan("attribute");
    const close = xml.indexOf(q === 34 ? '"' : "'", eq + 2);
    if (close < 0) throw new Rescan("attribute");
    for (let k = i; k < eq; k++) {
      const n = xml.charCodeAt(k);
      if (n === 32 || n === 9 || n === 10 || n === 60 || n === 62 || n === 47)
        throw new Rescan("attribute name");
    }
    for (let k = eq + 2; k < close; k++) {
      const n = xml.charCodeAt(k);
      if (n === 60 || n === 9 || n === 10) throw new Rescan("attribute value");
    }
    on(i, eq, eq + 2, close);
    i = close + 1;
  }
}

/** An attribute's value, as saxes gives it. */
const value = (xml: string, from: number, to: number) => decode(xml.slice(from, to));

/** A single-letter attribute name's letter code, else 0. */
const letter = (xml: string, from: number, to: number) =>
  to === from + 1 ? xml.charCodeAt(from) : 0;

/** The text up to the closing tag `</name>` from `start`; returns it and the position after the tag. */
export function textUntil(xml: string, start: number, name: string): { text: string; end: number } {
  const lt = xml.indexOf("<", start);
  if (lt < 0 || !xml.startsWith(`</${name}>`, lt)) throw new Rescan(`<${name}> content`);
  return { text: decode(xml.slice(start, lt)), end: lt + name.length + 3 };
}

export const skipSpace = (xml: string, i: number) => {
  let ch = xml.charCodeAt(i);
  while (ch === 32 || ch === 9 || ch === 10) ch = xml.charCodeAt(++i);
  return i;
};

/**
 * One `<c>` from `i` (at its "<"); returns the position after it. One function on purpose (63
 * lines): it runs once per cell of every sheet, so it reads the attributes in one loop, without a
 * helper call per attribute.
 */
function scanCell(xml: string, i: number, sink: CellSink): number {
  const c = sink.c;
  let r: string | undefined;
  let st: string | undefined;
  let t: string | undefined;
  attrs(xml, i + 2, (ns, ne, vs, ve) => {
    const l = letter(xml, ns, ne);
    if (l === 114) r = value(xml, vs, ve);
    else if (l === 115) st = value(xml, vs, ve);
    else if (l === 116) t = value(xml, vs, ve);
    else value(xml, vs, ve);
  });
  if (!r) throw new Rescan("cell without r");
  c.openWith(r, st, t);
  i = tagEnd;
  if (!tagEmpty) {
    for (;;) {
      i = skipSpace(xml, i);
      if (xml.startsWith("</c>", i)) {
        i += 4;
        break;
      }
      if (xml.startsWith("<v", i) && (xml[i + 2] === ">" || xml[i + 2] === "/")) {
        c.sawValue = true;
        if (xml[i + 2] === "/") {
          if (xml[i + 3] !== ">") throw new Rescan("<v");
          i += 4;
          continue;
        }
        const t = textUntil(xml, i + 3, "v");
        if (t.text) c.value = c.value ? (c.value as string) + t.text : t.text;
        i = t.end;
      } else if (xml.startsWith("<f", i) && /[\s>/]/.test(xml[i + 2])) {
        attrs(xml, i + 2, (ns, ne, vs, ve) => {
          const name = xml.slice(ns, ne);
          const v = value(xml, vs, ve);
          if (name === "si") c.si = v;
          else if (name === "t") c.shareType = v;
          else if (name === "ref") c.ref = v;
        });
        i = tagEnd;
        if (!tagEmpty) {
          const t = textUntil(xml, i, "f");
          if (t.text) c.formula = c.formula ? c.formula + t.text : t.text;
          i = t.end;
        }
      } else if (xml.startsWith("<is>", i)) {
        i = skipSpace(xml, i + 4);
        if (xml.startsWith("<t", i) && /[\s>]/.test(xml[i + 2])) {
          attrs(xml, i + 2, (_ns, _ne, vs, ve) => void value(xml, vs, ve));
          if (tagEmpty) throw new Rescan("<t/>");
          const t = textUntil(xml, tagEnd, "t");
          if (t.text) c.value = c.value ? (c.value as string) + t.text : t.text;
          i = skipSpace(xml, t.end);
        }
        if (!xml.startsWith("</is>", i)) throw new Rescan("<is> content");
        i += 5;
      } else throw new Rescan("cell content");
    }
  }
  sink.closeCell();
  return i;
}

/**
 * Scan the complete rows in `xml` (the content of `<sheetData>`, or a piece of it ending between rows);
 * returns how far it got: the rest is an incomplete row, to be scanned with the next piece.
 */
export function scanRows(xml: string, sink: CellSink): number {
  let i = 0;
  for (;;) {
    i = skipSpace(xml, i);
    if (i >= xml.length) return i;
    if (!xml.startsWith("<row", i) || !/[\s>/]/.test(xml[i + 4] ?? "")) {
      // The piece may end inside a row's tag or inside the end of the rows: wait for the next one.
      const rest = xml.slice(i);
      if ("<row".startsWith(rest) || "</sheetData>".startsWith(rest)) return i;
      throw new Rescan("not a row");
    }
    // Only a row whose end is in this piece.
    const rowEnd = xml.indexOf("</row>", i);
    const selfClose = xml.indexOf(">", i);
    if (selfClose < 0) return i;
    let r: string | undefined;
    attrs(xml, i + 4, (ns, ne, vs, ve) => {
      if (letter(xml, ns, ne) === 114) r = value(xml, vs, ve);
    });
    if (!tagEmpty && rowEnd < 0) return i;
    if (!r) throw new Rescan("row without r");
    sink.row = parseInt(r, 10);
    let j = tagEnd;
    const empty = tagEmpty;
    if (!empty) {
      for (;;) {
        j = skipSpace(xml, j);
        if (xml.startsWith("</row>", j)) {
          j += 6;
          break;
        }
        if (!xml.startsWith("<c", j) || !/[\s>/]/.test(xml[j + 2])) throw new Rescan("row content");
        j = scanCell(xml, j, sink);
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
