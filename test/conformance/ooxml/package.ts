/**
 * An .xlsx package as the conformance checks see it: its parts by name, XML parts parsed (xmldom), and
 * the relationships resolved to part names the way OPC (ECMA-376 Part 2) defines them.
 */
import { DOMParser, type Document, type Element } from "@xmldom/xmldom";
import JSZip from "jszip";

export const NS = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  rels: "http://schemas.openxmlformats.org/package/2006/relationships",
  ct: "http://schemas.openxmlformats.org/package/2006/content-types",
  mc: "http://schemas.openxmlformats.org/markup-compatibility/2006",
  x14: "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main",
  xm: "http://schemas.microsoft.com/office/excel/2006/main",
  vmlExcel: "urn:schemas-microsoft-com:office:excel",
  vml: "urn:schemas-microsoft-com:vml",
} as const;

export const REL = {
  officeDocument:
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
  worksheet: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
  sharedStrings:
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings",
  styles: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
  table: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/table",
  comments: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments",
  vmlDrawing: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing",
  hyperlink: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink",
} as const;

export interface Relationship {
  id: string;
  type: string;
  /** The target as written. */
  target: string;
  external: boolean;
  /** For internal targets: the part name it resolves to, without a leading slash ("xl/theme/theme1.xml"). */
  part: string | null;
}

export class OoxmlPackage {
  private docs = new Map<string, Document | Error>();

  private constructor(readonly parts: ReadonlyMap<string, Buffer>) {}

  static async load(bytes: Buffer): Promise<OoxmlPackage> {
    const zip = await JSZip.loadAsync(bytes);
    const parts = new Map<string, Buffer>();
    for (const f of Object.values(zip.files)) {
      if (f.dir) continue;
      parts.set(f.name, await f.async("nodebuffer"));
    }
    return new OoxmlPackage(parts);
  }

  /** Part names (as stored in the zip, no leading slash), folders left out. */
  names(): string[] {
    return [...this.parts.keys()];
  }

  has(part: string): boolean {
    return this.parts.has(part);
  }

  text(part: string): string {
    const b = this.parts.get(part);
    if (!b) throw new Error(`no part ${part}`);
    return b.toString("utf8");
  }

  /** The part parsed as XML; throws with the parser's message when it is not well-formed. */
  xml(part: string): Document {
    let d = this.docs.get(part);
    if (!d) {
      try {
        d = new DOMParser({
          onError: (level, msg) => {
            if (level !== "warning") throw new Error(msg);
          },
        }).parseFromString(this.text(part), "text/xml");
      } catch (e) {
        d = e instanceof Error ? e : new Error(String(e));
      }
      this.docs.set(part, d);
    }
    if (d instanceof Error) throw d;
    return d;
  }

  /** The relationships of a part (`xl/workbook.xml` → `xl/_rels/workbook.xml.rels`); [] without a rels part. */
  rels(source: string): Relationship[] {
    const slash = source.lastIndexOf("/");
    const dir = slash < 0 ? "" : source.slice(0, slash);
    const relsPart =
      source === ""
        ? "_rels/.rels"
        : `${dir ? dir + "/" : ""}_rels/${source.slice(slash + 1)}.rels`;
    if (!this.has(relsPart)) return [];
    return children(this.xml(relsPart).documentElement!, NS.rels, "Relationship").map((e) => {
      const target = e.getAttribute("Target") ?? "";
      const external = e.getAttribute("TargetMode") === "External";
      return {
        id: e.getAttribute("Id") ?? "",
        type: e.getAttribute("Type") ?? "",
        target,
        external,
        part: external ? null : resolvePart(dir, target),
      };
    });
  }

  /** The workbook part named by the package relationships. */
  workbookPart(): string {
    const rel = this.rels("").find((r) => r.type === REL.officeDocument);
    if (!rel?.part) throw new Error("no officeDocument relationship in _rels/.rels");
    return rel.part;
  }

  /** The sheets in workbook order: name, state and part. */
  sheets(): { name: string; state: string; part: string | null; index: number }[] {
    const wb = this.workbookPart();
    const rels = this.rels(wb);
    return descendants(this.xml(wb).documentElement!, NS.main, "sheet").map((s, index) => {
      const id = s.getAttributeNS(NS.r, "id");
      return {
        name: s.getAttribute("name") ?? "",
        state: s.getAttribute("state") ?? "visible",
        part: rels.find((r) => r.id === id)?.part ?? null,
        index,
      };
    });
  }
}

/** Resolve a relationship target against the source part's folder (OPC: absolute when it starts with "/"). */
export function resolvePart(dir: string, target: string): string {
  const path = target.startsWith("/") ? target.slice(1) : (dir ? dir + "/" : "") + target;
  const out: string[] = [];
  for (const seg of path.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") out.pop();
    else out.push(decodeURIComponent(seg));
  }
  return out.join("/");
}

export function children(el: Element, ns: string, local: string): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling)
    if (
      n.nodeType === 1 &&
      (n as Element).namespaceURI === ns &&
      (n as Element).localName === local
    )
      out.push(n as Element);
  return out;
}

export function descendants(el: Element, ns: string, local: string): Element[] {
  return Array.from(el.getElementsByTagNameNS(ns, local));
}

export function elementChildren(el: Element): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) out.push(n as Element);
  return out;
}
