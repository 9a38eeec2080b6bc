/**
 * Markup compatibility (ECMA-376 Part 3), applied before schema validation as a reader that knows only
 * the Transitional schemas must: elements and attributes of namespaces listed in `mc:Ignorable` go away,
 * `mc:AlternateContent` is replaced by its first understood `mc:Choice` (else its `mc:Fallback`), and the
 * `mc:*` attributes themselves are removed. A namespace that is neither understood nor ignorable stays,
 * so that the schema reports it.
 */
import type { Document, Element } from "@xmldom/xmldom";
import { elementChildren, NS } from "./package";

/** Namespaces the bundled schemas define (a reader of the Transitional standard understands these). */
export const UNDERSTOOD = new Set([
  "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  "http://schemas.openxmlformats.org/drawingml/2006/main",
  "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
  "http://schemas.openxmlformats.org/drawingml/2006/chart",
  "http://schemas.openxmlformats.org/package/2006/content-types",
  "http://schemas.openxmlformats.org/package/2006/relationships",
  "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
  "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties",
  "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes",
  "urn:schemas-microsoft-com:vml",
  "urn:schemas-microsoft-com:office:office",
  "urn:schemas-microsoft-com:office:excel",
  "http://www.w3.org/XML/1998/namespace",
  NS.mc,
]);

export interface MceResult {
  /** Elements and attributes removed because their namespace is ignorable. */
  ignored: number;
  /** AlternateContent blocks resolved. */
  alternates: number;
}

/** Apply markup compatibility to the document in place. */
export function applyMarkupCompatibility(doc: Document): MceResult {
  const result: MceResult = { ignored: 0, alternates: 0 };
  const root = doc.documentElement;
  if (root) visit(root, new Set(), result);
  return result;
}

function ignorableOf(el: Element, inherited: Set<string>): Set<string> {
  const list = el.getAttributeNS(NS.mc, "Ignorable");
  if (!list) return inherited;
  const out = new Set(inherited);
  for (const prefix of list.trim().split(/\s+/)) {
    const ns = el.lookupNamespaceURI(prefix);
    if (ns && !UNDERSTOOD.has(ns)) out.add(ns);
  }
  return out;
}

function visit(el: Element, inherited: Set<string>, result: MceResult) {
  const ignorable = ignorableOf(el, inherited);
  // Attributes: the mc:* ones and those of ignorable namespaces.
  for (const a of Array.from(el.attributes)) {
    const ns = a.namespaceURI;
    if (ns === NS.mc || (ns && ignorable.has(ns))) {
      el.removeAttributeNode(a);
      if (ns !== NS.mc) result.ignored++;
    }
  }
  for (const child of elementChildren(el)) {
    const ns = child.namespaceURI ?? "";
    if (ns === NS.mc && child.localName === "AlternateContent") {
      result.alternates++;
      const chosen = chooseAlternative(child);
      const parent = child.parentNode!;
      for (const c of chosen ? elementChildren(chosen) : []) {
        parent.insertBefore(c, child);
        visit(c, ignorable, result);
      }
      parent.removeChild(child);
      continue;
    }
    if (ignorable.has(ns)) {
      el.removeChild(child);
      result.ignored++;
      continue;
    }
    visit(child, ignorable, result);
  }
}

function chooseAlternative(ac: Element): Element | null {
  for (const c of elementChildren(ac)) {
    if (c.namespaceURI !== NS.mc) continue;
    if (c.localName === "Fallback") return c;
    if (c.localName !== "Choice") continue;
    const requires = (c.getAttribute("Requires") ?? "").trim().split(/\s+/).filter(Boolean);
    if (requires.every((p) => UNDERSTOOD.has(c.lookupNamespaceURI(p) ?? ""))) return c;
  }
  return null;
}
