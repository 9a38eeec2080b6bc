/**
 * The shared strings part scanned directly, for speed: parsed through saxes and exceljs' xforms it was the
 * largest single cost of reading an entity workbook (600 KB of strings) and left the most garbage. The
 * scanner takes the one form spreadsheet writers give plain strings, and nothing else: an XML declaration,
 * `<sst ..>` holding `<si><t ..>text</t></si>` (or `<t/>`), text with the five XML entities and character
 * references; an item with rich text or phonetic runs is read alone by exceljs' xform (`richItem`). Anything
 * else (comments, other entities, carriage returns) throws `Rescan`: the caller then parses the whole part
 * with exceljs' SharedStringsXform, as before. Each
 * value is what exceljs' TextXform makes of the text: `_xHHHH_` escapes turned into their characters.
 *
 * The part is scanned as bytes, each byte one character (Latin-1): the markup is ASCII, so positions are
 * the same in both, and a text of ASCII only is a slice of that one-byte string. A text with other
 * characters is decoded from its own UTF-8 bytes. Decoded whole, the part was held two bytes a character
 * as soon as it had one curly quote or dash (V8 chooses per string, and a slice shares its parent's
 * form), and every text of the file kept that copy alive: twice the memory, for 50 workbooks 30 MB more at
 * the top of a merge.
 */
import SharedStringsXform from "exceljs/lib/xlsx/xform/strings/shared-strings-xform";
import { SaxesParser } from "saxes";
import { decode, lastTag, lastTextEnd, readAttrs, Rescan, skipSpace, textUntil } from "./rows";

/** A byte that is not ASCII, read as a Latin-1 character: part of a character of several UTF-8 bytes. */
const NOT_ASCII = /[\x80-\xff]/;
/** UTF-8's byte order mark. */
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

const ESCAPE = /_x([0-9A-F]{4})_/g;

/** The value exceljs gives a `<t>`'s text. */
function textValue(text: string): string {
  return text.includes("_x")
    ? text.replace(ESCAPE, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : text;
}

/**
 * One `<si>` item that is not a plain text (rich text runs, phonetic runs), given whole: read as exceljs
 * reads it, by saxes and exceljs' SharedStringsXform, this item alone. LibreOffice writes a run per
 * change of font inside a cell; such items are few, and the plain ones around them stay on the scan.
 */
function richItem(item: string): unknown {
  const xform = new SharedStringsXform();
  const parser = new SaxesParser();
  let error: Error | undefined;
  parser.on("error", (e) => (error ??= e));
  parser.on("opentag", (node) => xform.parseOpen(node));
  parser.on("text", (text) => xform.parseText(text));
  parser.on("closetag", (node) => xform.parseClose(node.name));
  parser.write(`<sst>${item}</sst>`).close();
  const values = (xform.model as { values: unknown[] }).values;
  if (error || values.length !== 1) throw new Rescan("<si> content");
  return values[0];
}

/**
 * The `<si>` items complete in `xml` from `i`, added to `out`; returns where the unscanned rest begins.
 * `xml` is `bytes` read one byte a character.
 */
function scanItems(xml: string, bytes: Buffer, from: number, out: unknown[]): number {
  let i = from;
  for (;;) {
    i = skipSpace(xml, i);
    if (i >= xml.length || xml.startsWith("</sst>", i)) return i;
    const close = xml.indexOf("</si>", i);
    if (close < 0) {
      // The piece ends inside an item or the closing tag: wait for the next one.
      const rest = xml.slice(i, i + 6);
      if (xml.startsWith("<si>", i) || "<si>".startsWith(rest) || "</sst>".startsWith(rest))
        return i;
      throw new Rescan("not <si>");
    }
    if (!xml.startsWith("<si>", i)) throw new Rescan("not <si>");
    let j = skipSpace(xml, i + 4);
    if (!xml.startsWith("<t", j) || !/[\s>/]/.test(xml[j + 2])) {
      out.push(richItem(bytes.toString("utf8", i, close + 5)));
      i = close + 5;
      continue;
    }
    readAttrs(xml, j + 2);
    const tag = lastTag();
    if (tag.empty) {
      out.push("");
      j = tag.end;
    } else {
      let text = textUntil(xml, tag.end, "t");
      j = lastTextEnd();
      // Not ASCII: the text again, from its UTF-8 bytes (up to its `</t>`).
      if (NOT_ASCII.test(text)) text = decode(bytes.toString("utf8", tag.end, j - 4));
      out.push(textValue(text));
    }
    j = skipSpace(xml, j);
    // A plain text followed by phonetic runs: the item as exceljs reads it.
    if (j !== close) out[out.length - 1] = richItem(bytes.toString("utf8", i, close + 5));
    i = close + 5;
  }
}

/**
 * The shared strings fed in pieces of the part's bytes; `end()` returns them in order. The declaration and
 * the `<sst>` tags around the items go through saxes, so that a part that is not well-formed there is
 * refused as before.
 */
export function stringsScanner(): { write(chunk: Uint8Array): void; end(): unknown[] } {
  const values: unknown[] = [];
  let phase: "bom" | "head" | "items" | "tail" = "bom";
  // The bytes not scanned yet: the start of an item cut by the end of a piece, or the part's end.
  let rest = Buffer.alloc(0);
  let head = "";
  let selfClosed = false;
  return {
    write(chunk: Uint8Array) {
      const piece = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      let bytes = rest.length ? Buffer.concat([rest, piece]) : piece;
      if (phase === "bom") {
        // A byte order mark starts the text, as TextDecoder takes it; a piece may cut it.
        if (bytes.length < BOM.length && BOM.subarray(0, bytes.length).equals(bytes)) {
          rest = Buffer.from(bytes);
          return;
        }
        if (bytes.subarray(0, BOM.length).equals(BOM)) bytes = bytes.subarray(BOM.length);
        phase = "head";
      }
      let from = 0;
      const xml = bytes.toString("latin1");
      if (phase === "head") {
        const k = xml.indexOf("<sst");
        if (k < 0 || xml.indexOf(">", k) < 0) {
          if (bytes.length > 4096) throw new Rescan("no <sst>");
          rest = Buffer.from(bytes);
          return;
        }
        if (!/^(<\?xml[^<>]*\?>)?\s*$/.test(xml.slice(0, k))) throw new Rescan("prolog");
        readAttrs(xml, k + 4);
        const tag = lastTag();
        head = bytes.toString("utf8", 0, tag.end);
        selfClosed = tag.empty;
        phase = tag.empty ? "tail" : "items";
        from = tag.end;
      }
      if (phase === "items") {
        from = scanItems(xml, bytes, from, values);
        if (xml.startsWith("</sst>", from)) phase = "tail";
      }
      // Copied: a slice would keep the whole piece.
      rest = Buffer.from(bytes.subarray(from));
    },
    end() {
      const tail = rest.toString("utf8");
      if (phase !== "tail" || (!selfClosed && !tail.startsWith("</sst>")))
        throw new Rescan("no end of the strings");
      // What is around the items, as saxes reads it: a declaration, the root, nothing after it.
      const parser = new SaxesParser();
      let error: Error | undefined;
      parser.on("error", (e) => (error ??= e));
      parser.write(head + tail).close();
      if (error) throw new Rescan("not well-formed");
      return values;
    },
  };
}
