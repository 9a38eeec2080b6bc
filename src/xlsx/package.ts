/**
 * Reading what other programs write. exceljs finds the parts of a workbook by fixed names
 * (`xl/worksheets/sheet1.xml`, `xl/comments1.xml`, `xl/tables/table1.xml`, `xl/drawings/vmlDrawing1.vml`)
 * and by relative relationship targets. The standard (ECMA-376 Part 2, OPC) lets a writer name parts
 * freely and point at them with absolute targets: openpyxl writes `/xl/comments/comment1.xml`, other
 * writers `xl/worksheets/sheet.xml`. Such a package is valid, and Excel opens it; exceljs throws or drops
 * the notes. `normalisePackage` renames the parts exceljs looks for into its layout and rewrites the
 * relationships and content types to match; a package already in that layout is returned as it is.
 * It also tells a damaged package (no zip, XML that is not well-formed) from a valid one in a format
 * vv-monitor does not read (Strict Open XML, .xlsb, OpenDocument).
 */
import { DOMParser, XMLSerializer, type Document, type Element } from "@xmldom/xmldom";
import type JSZip from "jszip";
import { zipKind } from "./file-types";
import type { ReadErrorKind } from "./errors";

const RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
const STRICT_MAIN = "http://purl.oclc.org/ooxml/spreadsheetml/main";

/** Why a package cannot be read: a damaged one, or a format vv-monitor does not read (named). */
export class PackageError extends Error {
  constructor(
    readonly kind: ReadErrorKind,
    readonly detail?: string
  ) {
    super(detail ?? kind);
  }
}

/** Where exceljs looks for a part with this relationship type: a name pattern `{n}` numbered from 1. */
const LAYOUT: Record<string, { pattern: string; canonical: RegExp }> = {
  [R + "worksheet"]: {
    pattern: "xl/worksheets/sheet{n}.xml",
    canonical: /^xl\/worksheets\/sheet\d+\.xml$/,
  },
  [R + "styles"]: { pattern: "xl/styles.xml", canonical: /^xl\/styles\.xml$/ },
  [R + "sharedStrings"]: { pattern: "xl/sharedStrings.xml", canonical: /^xl\/sharedStrings\.xml$/ },
  [R + "theme"]: { pattern: "xl/theme/theme{n}.xml", canonical: /^xl\/theme\/theme\d+\.xml$/ },
  [R + "comments"]: { pattern: "xl/comments{n}.xml", canonical: /^xl\/comments\d+\.xml$/ },
  [R + "vmlDrawing"]: {
    pattern: "xl/drawings/vmlDrawing{n}.vml",
    canonical: /^xl\/drawings\/vmlDrawing\d+\.vml$/,
  },
  [R + "table"]: { pattern: "xl/tables/table{n}.xml", canonical: /^xl\/tables\/table\d+\.xml$/ },
  [R + "drawing"]: {
    pattern: "xl/drawings/drawing{n}.xml",
    canonical: /^xl\/drawings\/drawing\d+\.xml$/,
  },
};
const WORKBOOK = "xl/workbook.xml";

interface Rel {
  el: Element;
  type: string;
  /** The part the target resolves to; null for external targets. */
  part: string | null;
}

function parseXml(name: string, text: string): Document {
  try {
    return new DOMParser({
      onError: (level, msg) => {
        if (level !== "warning") throw new Error(msg);
      },
    }).parseFromString(text, "text/xml");
  } catch {
    throw new PackageError("corrupt", name);
  }
}

/** The relationships part of a part: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`. */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship target resolved against its source part's folder; absolute when it starts with "/". */
export function resolveTarget(source: string, target: string): string {
  const dir = source.includes("/") ? source.slice(0, source.lastIndexOf("/")) : "";
  const path = target.startsWith("/") ? target.slice(1) : (dir ? dir + "/" : "") + target;
  const out: string[] = [];
  for (const seg of path.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") out.pop();
    else out.push(seg);
  }
  return out.join("/");
}

/** The relative target from a source part to a part: `xl/worksheets/sheet1.xml` → `../comments1.xml`. */
export function relativeTarget(source: string, part: string): string {
  const from = source.split("/").slice(0, -1);
  const to = part.split("/");
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => ".."), ...to.slice(i)].join("/");
}

/**
 * The parts of a zip by their names as stored: JSZip's (`jszipParts`), or the streaming read's
 * (`ZipParts.storedParts`, which has opened the zip already). `text` throws when the part cannot be
 * inflated.
 */
export interface StoredParts {
  has(name: string): boolean;
  text(name: string): Promise<string>;
}

function jszipParts(zip: JSZip): StoredParts {
  return {
    has: (name) => !!zip.file(name),
    text: (name) => zip.file(name)!.async("string"),
  };
}

class Package {
  readonly docs = new Map<string, Document>();
  constructor(readonly parts: StoredParts) {}

  has(name: string): boolean {
    return this.parts.has(name);
  }

  async xml(name: string): Promise<Document | null> {
    const cached = this.docs.get(name);
    if (cached) return cached;
    if (!this.parts.has(name)) return null;
    let text: string;
    try {
      text = await this.parts.text(name);
    } catch {
      throw new PackageError("corrupt", name);
    }
    const doc = parseXml(name, text);
    this.docs.set(name, doc);
    return doc;
  }

  async rels(source: string): Promise<Rel[]> {
    const doc = await this.xml(relsPartOf(source));
    if (!doc) return [];
    return Array.from(doc.getElementsByTagNameNS(RELS_NS, "Relationship")).map((el) => ({
      el,
      type: el.getAttribute("Type") ?? "",
      part:
        el.getAttribute("TargetMode") === "External"
          ? null
          : resolveTarget(source, el.getAttribute("Target") ?? ""),
    }));
  }
}

/**
 * JSZip, loaded on first use: the streaming read plans on its own zip (`partsPlan`), and loading JSZip
 * took 40 ms of every command's start and of every reading thread's.
 */
function jszip(): typeof JSZip {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require("jszip") as typeof JSZip;
}

async function openZip(bytes: Uint8Array): Promise<JSZip> {
  try {
    return await jszip().loadAsync(bytes);
  } catch {
    throw new PackageError("corrupt");
  }
}

/** Name the formats that are zips but not a workbook vv-monitor reads. */
async function checkFormat(pkg: Package, workbook: string | null) {
  const mime = pkg.has("mimetype") ? await pkg.parts.text("mimetype") : null;
  // Another kind of zip (OpenDocument, Word, PowerPoint, any zip): named, with its own advice.
  if (mime || !workbook || !pkg.has(workbook))
    throw new PackageError(zipKind((n) => pkg.has(n), mime));
  if (workbook.endsWith(".bin")) throw new PackageError("xlsb");
  const root = (await pkg.xml(workbook))!.documentElement;
  if (root?.namespaceURI === STRICT_MAIN) throw new PackageError("strict");
}

/**
 * How a package becomes exceljs' layout: parts renamed, and the parts written anew (relationships and
 * content types, as text, under their new names) in place of `replaced` (their old names).
 */
export interface PackagePlan {
  rename: ReadonlyMap<string, string>;
  written: ReadonlyMap<string, string>;
  replaced: ReadonlySet<string>;
}

/** Rename the parts exceljs looks for into its layout; the same bytes when nothing needs to move. */
export async function normalisePackage(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await openZip(bytes);
  const plan = await partsPlan(jszipParts(zip));
  return plan ? rewrite(zip, plan) : bytes;
}

/**
 * The plan of `normalisePackage` without the new package: null when nothing needs to move. The streaming
 * read (src/xlsx/stream) reads the parts from the bytes as they are, through the plan: building the new
 * package inflated and deflated every part in JavaScript, which was half the time to validate a workbook
 * openpyxl wrote (its targets are absolute).
 */
export async function packagePlan(bytes: Uint8Array): Promise<PackagePlan | null> {
  return partsPlan(jszipParts(await openZip(bytes)));
}

/** The plan of a package whose zip is open already: `packagePlan` without opening it again. */
export async function partsPlan(parts: StoredParts): Promise<PackagePlan | null> {
  const pkg = new Package(parts);
  const rootRel = (await pkg.rels("")).find((r) => r.type === R + "officeDocument");
  await checkFormat(pkg, rootRel?.part ?? null);
  const workbook = rootRel!.part!;
  const rename = new Map<string, string>();
  if (workbook !== WORKBOOK) rename.set(workbook, WORKBOOK);
  // Parts whose relationships point at parts exceljs finds by name: the package, the workbook, then
  // its sheets and drawings.
  const sources: string[] = ["", workbook];
  const relsBySource = new Map<string, Rel[]>();
  const found: { part: string; pattern: string; canonical: RegExp }[] = [];
  for (let i = 0; i < sources.length; i++) {
    const rels = await pkg.rels(sources[i]);
    relsBySource.set(sources[i], rels);
    for (const r of rels) {
      const layout = LAYOUT[r.type];
      if (!layout || !r.part || !pkg.has(r.part) || found.some((f) => f.part === r.part)) continue;
      if (r.type === R + "worksheet" || r.type === R + "drawing") sources.push(r.part);
      found.push({ part: r.part, ...layout });
    }
  }
  // Parts already named as exceljs expects keep their names; the others get the next free number.
  const taken = new Set(found.filter((f) => f.canonical.test(f.part)).map((f) => f.part));
  for (const f of found) {
    if (taken.has(f.part) && f.canonical.test(f.part)) continue;
    let name = f.pattern.replace("{n}", "1");
    // A second styles or shared strings part: exceljs reads one; the first keeps the name.
    if (taken.has(name) && !f.pattern.includes("{n}")) continue;
    for (let n = 2; taken.has(name); n++) name = f.pattern.replace("{n}", String(n));
    taken.add(name);
    rename.set(f.part, name);
  }
  // exceljs matches relationship targets as text: each must be the plain relative form.
  const newName = (part: string) => rename.get(part) ?? part;
  const textual = [...relsBySource].every(([source, rels]) =>
    rels.every(
      (r) =>
        !r.part || r.el.getAttribute("Target") === relativeTarget(newName(source), newName(r.part))
    )
  );
  if (rename.size === 0 && textual) return null;
  return planWrites(pkg, rename, relsBySource);
}

/** The relationships and content types rewritten for the new names. */
async function planWrites(
  pkg: Package,
  rename: Map<string, string>,
  relsBySource: Map<string, Rel[]>
): Promise<PackagePlan> {
  const newName = (part: string) => rename.get(part) ?? part;
  const written = new Map<string, string>();
  for (const [source, rels] of relsBySource) {
    if (!rels.length) continue;
    const from = newName(source);
    for (const r of rels)
      if (r.part) r.el.setAttribute("Target", relativeTarget(from, newName(r.part)));
    const doc = (await pkg.xml(relsPartOf(source)))!;
    written.set(relsPartOf(from), new XMLSerializer().serializeToString(doc));
  }
  const ct = await pkg.xml("[Content_Types].xml");
  if (ct) {
    for (const o of Array.from(ct.getElementsByTagNameNS(CT_NS, "Override"))) {
      const name = (o.getAttribute("PartName") ?? "").replace(/^\//, "");
      if (rename.has(name)) o.setAttribute("PartName", "/" + rename.get(name)!);
    }
    written.set("[Content_Types].xml", new XMLSerializer().serializeToString(ct));
  }
  return { rename, written, replaced: new Set([...relsBySource.keys()].map(relsPartOf)) };
}

/**
 * The name a part of the original package has in the new one, the parts taken in the package's order
 * (`taken`: the names given so far, the written ones first); null when the part is left out (replaced by
 * a written part, or its name taken before it).
 */
export function plannedName(plan: PackagePlan, name: string, taken: Set<string>): string | null {
  if (plan.replaced.has(name) || taken.has(name)) return null;
  const target = plan.rename.get(name) ?? name;
  if (target !== name && taken.has(target)) return null;
  taken.add(target);
  return target;
}

async function rewrite(zip: JSZip, plan: PackagePlan): Promise<Uint8Array> {
  const out = new (jszip())();
  const written = new Map<string, string | Uint8Array>(plan.written);
  const taken = new Set(plan.written.keys());
  for (const f of Object.values(zip.files)) {
    if (f.dir) continue;
    const target = plannedName(plan, f.name, taken);
    if (target !== null) written.set(target, await f.async("uint8array"));
  }
  for (const [name, data] of written) out.file(name, data);
  // Bytes, not a Node Buffer: the task pane reads workbooks with this too (in the browser).
  return out.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** The first XML part that is not well-formed (or cannot be inflated), or null when every part is sound. */
export async function damagedPart(bytes: Uint8Array): Promise<string | null> {
  const zip = await openZip(bytes);
  for (const f of Object.values(zip.files)) {
    if (f.dir || !/\.(xml|rels|vml)$/i.test(f.name)) continue;
    try {
      parseXml(f.name, await f.async("string"));
    } catch {
      return f.name;
    }
  }
  return null;
}
