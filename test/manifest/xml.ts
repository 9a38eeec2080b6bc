/** Reading the add-in manifest in tests (needs a DOMParser: use the jsdom test environment). */
export function parseXml(text: string): Document {
  const doc = new DOMParser().parseFromString(text, "application/xml");
  const err = doc.getElementsByTagName("parsererror")[0];
  if (err) throw new Error(`manifest is not well-formed XML: ${err.textContent}`);
  return doc;
}

export function all(doc: Document | Element, localName: string): Element[] {
  return Array.from(doc.getElementsByTagNameNS("*", localName));
}

export function one(doc: Document | Element, localName: string): Element {
  const els = all(doc, localName);
  if (els.length !== 1) throw new Error(`expected one <${localName}>, found ${els.length}`);
  return els[0];
}

/** Every resource defined under <Resources>: id → {kind, default, overrides}. */
export function resources(
  doc: Document
): Map<string, { kind: string; value: string; overrides: Map<string, string> }> {
  const res = one(doc, "Resources");
  const out = new Map<string, { kind: string; value: string; overrides: Map<string, string> }>();
  for (const kind of ["Image", "Url", "String"])
    for (const el of all(res, kind)) {
      const id = el.getAttribute("id")!;
      if (out.has(id)) throw new Error(`resource ${id} defined twice`);
      const overrides = new Map(
        all(el, "Override").map((o) => [o.getAttribute("Locale")!, o.getAttribute("Value")!])
      );
      out.set(id, { kind, value: el.getAttribute("DefaultValue")!, overrides });
    }
  return out;
}

/** Every resid attribute in the manifest, with the element that carries it. */
export function resids(doc: Document): { resid: string; element: string; parent: string }[] {
  return Array.from(doc.getElementsByTagName("*"))
    .filter((e) => e.hasAttribute("resid"))
    .map((e) => ({
      resid: e.getAttribute("resid")!,
      element: e.localName,
      parent: e.parentElement?.localName ?? "",
    }));
}

/** Every URL in the manifest: attribute values and text content that start with https://. */
export function urls(doc: Document): string[] {
  const out: string[] = [];
  for (const e of Array.from(doc.getElementsByTagName("*"))) {
    for (const a of Array.from(e.attributes))
      if (/^https?:\/\//.test(a.value) && !a.name.startsWith("xmlns")) out.push(a.value);
    if (e.children.length === 0 && /^https?:\/\//.test((e.textContent ?? "").trim()))
      out.push(e.textContent!.trim());
  }
  return out;
}

/** The one direct child of the root <OfficeApp> with this name (not the VersionOverrides namesakes). */
export function top(doc: Document, localName: string): Element {
  const els = Array.from(doc.documentElement.children).filter((e) => e.localName === localName);
  if (els.length !== 1)
    throw new Error(`expected one top-level <${localName}>, found ${els.length}`);
  return els[0];
}
