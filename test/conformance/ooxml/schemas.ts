/**
 * Validation of every XML part of a package against the ECMA-376 Transitional schemas with xmllint
 * (libxml2-utils). The schema is chosen by the part's root namespace; markup compatibility is applied
 * first (see mce.ts); the schemas' one known false alarm (`xml:space` on `<t>`, which Excel writes and
 * sml.xsd does not declare) is neutralised before validation and counted.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { XMLSerializer, type Document, type Element } from "@xmldom/xmldom";
import { applyMarkupCompatibility } from "./mce";
import { descendants, elementChildren, NS, type OoxmlPackage } from "./package";

export const SCHEMA_DIR = join(__dirname, "../../fixtures/ooxml-schemas");
const ISO = (f: string) => join(SCHEMA_DIR, "ISO-IEC29500-4_2016", f);

const BY_NAMESPACE: Record<string, string> = {
  [NS.main]: ISO("sml.xsd"),
  "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing": ISO(
    "dml-spreadsheetDrawing.xsd"
  ),
  "http://schemas.openxmlformats.org/drawingml/2006/main": ISO("dml-main.xsd"),
  "http://schemas.openxmlformats.org/drawingml/2006/chart": ISO("dml-chart.xsd"),
  [NS.ct]: join(SCHEMA_DIR, "opc/opc-contentTypes.xsd"),
  [NS.rels]: join(SCHEMA_DIR, "opc/opc-relationships.xsd"),
  "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties": ISO(
    "shared-documentPropertiesExtended.xsd"
  ),
  "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties": ISO(
    "shared-documentPropertiesCustom.xsd"
  ),
};
const VML_SCHEMA = join(SCHEMA_DIR, "wrappers/vml.xsd");
/** Parts whose schema imports others that are not bundled: reported as skipped, with why. */
const SKIPPED: Record<string, string> = {
  "http://schemas.openxmlformats.org/package/2006/metadata/core-properties":
    "imports the Dublin Core schemas, which are not bundled",
};

export interface PartResult {
  part: string;
  /** The schema file (relative to the schema folder), or null when the part was not validated. */
  schema: string | null;
  status: "valid" | "invalid" | "skipped" | "no-schema" | "not-xml";
  errors: string[];
  /** Why a part was skipped or has no schema. */
  note?: string;
  /** `xml:space` attributes on `<t>` removed before validation (the schemas' known gap). */
  normalised?: number;
}

interface Job {
  part: string;
  file: string;
  schema: string;
}

const isXmlPart = (name: string) => /\.(xml|rels|vml)$/i.test(name);

/** Validate every XML part of the package; one xmllint run per schema. */
export function validateParts(pkg: OoxmlPackage): PartResult[] {
  const dir = mkdtempSync(join(tmpdir(), "vv-ooxml-"));
  try {
    const results = new Map<string, PartResult>();
    const jobs: Job[] = [];
    let n = 0;
    for (const part of pkg.names().sort()) {
      if (!isXmlPart(part)) continue;
      let doc: Document;
      try {
        doc = pkg.xml(part);
      } catch (e) {
        results.set(part, {
          part,
          schema: null,
          status: "not-xml",
          errors: [(e as Error).message],
        });
        continue;
      }
      applyMarkupCompatibility(doc);
      const normalised = dropSpaceOnText(doc);
      const root = doc.documentElement!;
      const ns = root.namespaceURI ?? "";
      const write = (node: Element) => {
        const file = join(dir, `${String(n++).padStart(4, "0")}.xml`);
        writeFileSync(file, new XMLSerializer().serializeToString(node));
        return file;
      };
      if (!ns && root.localName === "xml") {
        // A VML part: a bare <xml> root around VML elements; each is validated on its own.
        for (const el of elementChildren(root))
          jobs.push({ part, file: write(el), schema: VML_SCHEMA });
        results.set(part, { part, schema: rel(VML_SCHEMA), status: "valid", errors: [] });
        continue;
      }
      if (SKIPPED[ns]) {
        results.set(part, { part, schema: null, status: "skipped", errors: [], note: SKIPPED[ns] });
        continue;
      }
      const schema = BY_NAMESPACE[ns];
      if (!schema) {
        results.set(part, {
          part,
          schema: null,
          status: "no-schema",
          errors: [],
          note: `root namespace ${ns || "(none)"}`,
        });
        continue;
      }
      jobs.push({ part, file: write(root), schema });
      results.set(part, {
        part,
        schema: rel(schema),
        status: "valid",
        errors: [],
        ...(normalised ? { normalised } : {}),
      });
    }
    for (const [schema, group] of groupBy(jobs, (j) => j.schema)) {
      for (const { file, errors } of runXmllint(
        schema,
        group.map((j) => j.file)
      )) {
        if (!errors.length) continue;
        const r = results.get(group.find((j) => j.file === file)!.part)!;
        r.status = "invalid";
        r.errors.push(...errors);
      }
    }
    return [...results.values()];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const rel = (schema: string) => schema.slice(SCHEMA_DIR.length + 1);

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) m.set(key(it), [...(m.get(key(it)) ?? []), it]);
  return m;
}

/** `<t xml:space="preserve">` is what Excel writes; sml.xsd types `t` as a simple string without attributes. */
function dropSpaceOnText(doc: Document): number {
  let n = 0;
  for (const t of descendants(doc.documentElement!, NS.main, "t")) {
    if (t.hasAttributeNS("http://www.w3.org/XML/1998/namespace", "space")) {
      t.removeAttributeNS("http://www.w3.org/XML/1998/namespace", "space");
      n++;
    }
  }
  return n;
}

/** Run xmllint on files against one schema: the error lines per file (none for a valid file). */
export function runXmllint(schema: string, files: string[]): { file: string; errors: string[] }[] {
  const out: { file: string; errors: string[] }[] = [];
  // Stay well below the command-line limit.
  for (let i = 0; i < files.length; i += 200) {
    const batch = files.slice(i, i + 200);
    const r = spawnSync("xmllint", ["--noout", "--schema", schema, ...batch], {
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    if (r.error)
      throw new Error(`xmllint could not run (install libxml2-utils): ${r.error.message}`);
    const lines = r.stderr.split("\n").filter(Boolean);
    if (lines.some((l) => /Schemas parser error|failed to compile/.test(l)))
      throw new Error(`xmllint could not compile ${schema}:\n${lines.slice(0, 5).join("\n")}`);
    for (const file of batch) {
      const mine = lines.filter((l) => l.startsWith(file + ":"));
      const verdict = lines.find((l) => l.startsWith(file + " "));
      if (!verdict)
        throw new Error(`xmllint said nothing about ${file}:\n${r.stderr.slice(0, 500)}`);
      const failed = verdict.endsWith("fails to validate");
      out.push({
        file,
        errors: failed ? (mine.length ? mine.map((l) => l.slice(file.length + 1)) : [verdict]) : [],
      });
    }
  }
  return out;
}
