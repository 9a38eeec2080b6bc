/**
 * The shared strings part scanned directly, for speed: parsed through saxes and exceljs' xforms it was the
 * largest single cost of reading an entity workbook (600 KB of strings) and left the most garbage. The
 * scanner takes the one form spreadsheet writers give plain strings, and nothing else: an XML declaration,
 * `<sst ..>` holding `<si><t ..>text</t></si>` (or `<t/>`), text with the five XML entities and character
 * references; an item with rich text or phonetic runs is read alone by exceljs' xform (`richItem`). Anything
 * else (comments, other entities, carriage returns) throws `Rescan`: the caller then parses the whole part
 * with exceljs' SharedStringsXform, as before. Each
 * value is what exceljs' TextXform makes of the text: `_xHHHH_` escapes turned into their characters.
 */
import SharedStringsXform from "exceljs/lib/xlsx/xform/strings/shared-strings-xform";
import { SaxesParser } from "saxes";
import { lastTag, lastTextEnd, readAttrs, Rescan, skipSpace, textUntil } from "./rows";

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

/** The `<si>` items complete in `xml` from `i`, added to `out`; returns where the unscanned rest begins. */
function scanItems(xml: string, from: number, out: unknown[]): number {
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
      out.push(richItem(xml.slice(i, close + 5)));
      i = close + 5;
      continue;
    }
    readAttrs(xml, j + 2);
    const tag = lastTag();
    if (tag.empty) {
      out.push("");
      j = tag.end;
    } else {
      out.push(textValue(textUntil(xml, tag.end, "t")));
      j = lastTextEnd();
    }
    j = skipSpace(xml, j);
    // A plain text followed by phonetic runs: the item as exceljs reads it.
    if (j !== close) out[out.length - 1] = richItem(xml.slice(i, close + 5));
    i = close + 5;
  }
}

/**
 * The shared strings fed in pieces; `end()` returns them in order. The declaration and the `<sst>` tags
 * around the items go through saxes, so that a part that is not well-formed there is refused as before.
 */
export function stringsScanner(): { write(chunk: string): void; end(): unknown[] } {
  const values: unknown[] = [];
  let phase: "head" | "items" | "tail" = "head";
  let buf = "";
  let head = "";
  let selfClosed = false;
  return {
    write(chunk: string) {
      buf += chunk;
      if (phase === "head") {
        const k = buf.indexOf("<sst");
        if (k < 0) {
          if (buf.length > 4096) throw new Rescan("no <sst>");
          return;
        }
        if (!/^\uFEFF?(<\?xml[^<>]*\?>)?\s*$/.test(buf.slice(0, k))) throw new Rescan("prolog");
        if (buf.indexOf(">", k) < 0) return;
        readAttrs(buf, k + 4);
        const tag = lastTag();
        head = buf.slice(0, tag.end);
        selfClosed = tag.empty;
        phase = tag.empty ? "tail" : "items";
        buf = buf.slice(tag.end);
      }
      if (phase === "items") {
        buf = buf.slice(scanItems(buf, 0, values));
        if (buf.startsWith("</sst>")) phase = "tail";
      }
    },
    end() {
      if (phase !== "tail" || (!selfClosed && !buf.startsWith("</sst>")))
        throw new Rescan("no end of the strings");
      // What is around the items, as saxes reads it: a declaration, the root, nothing after it.
      const parser = new SaxesParser();
      let error: Error | undefined;
      parser.on("error", (e) => (error ??= e));
      parser.write(head + buf).close();
      if (error) throw new Rescan("not well-formed");
      return values;
    },
  };
}
