/**
 * Reading the charts of a saved workbook back from its package, by the relationships (sheet → drawing →
 * chart), as a reader of the file would: kind, title, series with their references and cached values,
 * categories, colours.
 */
import JSZip from "jszip";
import { DOMParser, type Element } from "@xmldom/xmldom";

const C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export interface ChartRead {
  part: string;
  kind: "bar" | "col" | "pie";
  title: string;
  series: {
    name: string;
    nameRef: string;
    catRef: string;
    valRef: string;
    values: (number | null)[];
    colour: string | null;
  }[];
  categories: string[];
  /** Pie point colours, by point index. */
  pointColours: string[];
}

const children = (e: Element, ns: string, name: string) =>
  Array.from(e.getElementsByTagNameNS(ns, name) as unknown as Element[]);

function rels(xml: string): Map<string, string> {
  const doc = new DOMParser().parseFromString(xml, "text/xml");
  const m = new Map<string, string>();
  for (const r of Array.from(doc.getElementsByTagName("Relationship") as unknown as Element[]))
    m.set(r.getAttribute("Id")!, r.getAttribute("Target")!);
  return m;
}

function resolve(base: string, target: string): string {
  const parts = base.split("/").slice(0, -1);
  for (const p of target.split("/")) {
    if (p === "..") parts.pop();
    else parts.push(p);
  }
  return parts.join("/");
}

const text = (e: Element | undefined) => (e ? (e.textContent ?? "") : "");

/** The charts on sheet `sheet` of the package. */
export async function chartsOf(pkg: Uint8Array, sheet: string): Promise<ChartRead[]> {
  const zip = await JSZip.loadAsync(pkg);
  const read = async (p: string) => {
    const f = zip.file(p);
    if (!f) throw new Error(`no part ${p}`);
    return f.async("string");
  };
  const wb = new DOMParser().parseFromString(await read("xl/workbook.xml"), "text/xml");
  const wbRels = rels(await read("xl/_rels/workbook.xml.rels"));
  const s = Array.from(wb.getElementsByTagName("sheet") as unknown as Element[]).find(
    (x) => x.getAttribute("name") === sheet
  );
  if (!s) throw new Error(`no sheet ${sheet}`);
  const sheetPath = resolve("xl/workbook.xml", wbRels.get(s.getAttributeNS(R, "id")!)!);
  const sheetXml = new DOMParser().parseFromString(await read(sheetPath), "text/xml");
  const drawing = sheetXml.getElementsByTagName("drawing")[0] as unknown as Element | undefined;
  if (!drawing) return [];
  const relsOf = (p: string) => p.replace(/([^/]+)$/, "_rels/$1.rels");
  const drawingPath = resolve(
    sheetPath,
    rels(await read(relsOf(sheetPath))).get(drawing.getAttributeNS(R, "id")!)!
  );
  const dRels = rels(await read(relsOf(drawingPath)));
  const dXml = new DOMParser().parseFromString(await read(drawingPath), "text/xml");
  const out: ChartRead[] = [];
  for (const c of children(dXml.documentElement as unknown as Element, C, "chart")) {
    const part = resolve(drawingPath, dRels.get(c.getAttributeNS(R, "id")!)!);
    const doc = new DOMParser().parseFromString(await read(part), "text/xml")
      .documentElement as unknown as Element;
    const pie = children(doc, C, "pieChart").length > 0;
    const barDir = children(doc, C, "barDir")[0]?.getAttribute("val");
    const colourOf = (e: Element) => {
      const sp = Array.from(e.childNodes as unknown as Element[]).find(
        (n) => n.localName === "spPr"
      );
      return sp ? (children(sp, A, "srgbClr")[0]?.getAttribute("val") ?? null) : null;
    };
    const series = children(doc, C, "ser").map((ser) => {
      const f = (tag: string) => text(children(children(ser, C, tag)[0], C, "f")[0]);
      const vals = children(ser, C, "val")[0];
      const count = Number(children(vals, C, "ptCount")[0].getAttribute("val"));
      const values: (number | null)[] = Array(count).fill(null);
      for (const pt of children(vals, C, "pt"))
        values[Number(pt.getAttribute("idx"))] = Number(text(children(pt, C, "v")[0]));
      return {
        name: text(children(children(ser, C, "tx")[0], C, "v")[0]),
        nameRef: f("tx"),
        catRef: f("cat"),
        valRef: f("val"),
        values,
        colour: colourOf(ser),
      };
    });
    const cat = children(children(doc, C, "ser")[0], C, "cat")[0];
    out.push({
      part,
      kind: pie ? "pie" : barDir === "bar" ? "bar" : "col",
      title: children(children(doc, C, "title")[0], A, "t")
        .map((t) => text(t))
        .join(""),
      series,
      categories: children(cat, C, "pt").map((pt) => text(children(pt, C, "v")[0])),
      pointColours: children(doc, C, "dPt").map(
        (d) => children(d, A, "srgbClr")[0]?.getAttribute("val") ?? ""
      ),
    });
  }
  return out;
}
