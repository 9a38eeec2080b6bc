/**
 * The scanner's text decoding (src/xlsx/stream/rows.ts) against saxes, the parser it stands in for: any
 * text either decodes as saxes reads it or is handed to saxes (Rescan); texts of plain characters and the
 * entities spreadsheet writers use are never handed over.
 */
import fc from "fast-check";
import { SaxesParser } from "saxes";
import { decode, Rescan } from "../../src/xlsx/stream/rows";

/** What saxes reads as the text of `<t>…</t>`, or an error. */
function saxesText(s: string): string | Error {
  const p = new SaxesParser();
  let text = "";
  let error: Error | null = null;
  p.on("text", (t) => (text += t));
  p.on("error", (e) => (error ??= e));
  try {
    p.write(`<t>${s}</t>`).close();
  } catch (e) {
    error ??= e as Error;
  }
  return error ?? text;
}

const piece = fc.oneof(
  fc.constantFrom(
    "&lt;",
    "&gt;",
    "&amp;",
    "&quot;",
    "&apos;",
    "&#65;",
    "&#x41;",
    "&#xe9;",
    "&#233;"
  ),
  fc.constantFrom(
    "&",
    ";",
    "#",
    "x",
    "X",
    "&#",
    "&#x",
    "&lt",
    "&foo;",
    "&#0;",
    "&#9;",
    "&#10;",
    "&#x1F;"
  ),
  fc.constantFrom("\r", "\u0001", "\t", "\n", " ", "é", "IF(A2>=0", ">"),
  fc.string({ maxLength: 6 }).map((s) => s.replace(/</g, ""))
);

it("decodes a text as saxes does, or hands it to saxes", () => {
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
      const s = parts.join("");
      const expected = saxesText(s);
      let got: string | Error;
      try {
        got = decode(s);
      } catch (e) {
        if (e instanceof Rescan || e instanceof RangeError) return;
        throw e;
      }
      expect(got).toBe(expected);
    }),
    { numRuns: 3000, seed: 20261130 }
  );
});

it("never hands over plain text with the entities writers use", () => {
  const formula = "IF(AND(ISNUMBER(E2),ISNUMBER(C2),C2&lt;&gt;0),E2/C2,&quot;&quot;)";
  expect(decode(formula)).toBe('IF(AND(ISNUMBER(E2),ISNUMBER(C2),C2<>0),E2/C2,"")');
  expect(decode("Tom &amp; Jerry&apos;s &#233;t&#xE9;")).toBe("Tom & Jerry's été");
  expect(decode("geen entiteit")).toBe("geen entiteit");
  for (const bad of ["a & b", "&nbsp;", "&#;", "&#x;", "&#X41;", "x\r\ny", "&#1;"])
    expect(() => decode(bad)).toThrow(Rescan);
});
