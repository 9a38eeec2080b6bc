/**
 * Known causes of Excel's "We found a problem with some content" that the schemas cannot express:
 * the package's own bookkeeping (relationships, content types), tables whose header cells differ from
 * their column names, overlapping validation or conditional-format ranges, formulas as a Dutch user
 * sees them, notes without their VML shape, a hidden sheet shown as active, internal hyperlinks written
 * as external ones, and indexes that point past the styles.
 */
import type { Element } from "@xmldom/xmldom";
import { formulaProblems } from "./formulas";
import { children, descendants, NS, REL, type OoxmlPackage } from "./package";
import { cellAddress, columnNumber, overlappingGroups, parseRef, parseSqref } from "./ranges";

export interface Trigger {
  check: string;
  part: string;
  detail: string;
}

type Sheet = { name: string; state: string; part: string; index: number };

export function repairTriggers(pkg: OoxmlPackage): Trigger[] {
  const out: Trigger[] = [];
  const add = (check: string, part: string, detail: string) => out.push({ check, part, detail });
  checkRelationships(pkg, add);
  checkContentTypes(pkg, add);
  let sheets: Sheet[];
  try {
    sheets = pkg.sheets().filter((s): s is Sheet => s.part !== null && pkg.has(s.part));
  } catch (e) {
    add("workbook", "xl/workbook.xml", (e as Error).message);
    return out;
  }
  checkWorkbook(pkg, sheets, add);
  const shared = sharedStrings(pkg);
  const styles = styleCounts(pkg);
  const tableNames = new Map<string, string>();
  for (const s of sheets) {
    const ws = pkg.xml(s.part).documentElement!;
    const cells = checkCells(ws, s.part, styles, add);
    checkTables(pkg, s, cells, shared, tableNames, add);
    checkValidations(ws, s.part, add);
    checkConditionalFormats(ws, s.part, styles, add);
    checkFormulas(ws, s.part, add);
    checkNotes(pkg, s, ws, add);
    checkHyperlinks(pkg, s, ws, add);
  }
  return out;
}

type Add = (check: string, part: string, detail: string) => void;

function relsSources(pkg: OoxmlPackage): string[] {
  return pkg
    .names()
    .filter((n) => /(^|\/)_rels\/[^/]+\.rels$/.test(n))
    .map((n) => n.replace(/(^|\/)_rels\/([^/]+)\.rels$/, (_, pre, f) => `${pre}${f}`))
    .map((s) => (s === ".rels" ? "" : s.replace(/^\/$/, "")));
}

function checkRelationships(pkg: OoxmlPackage, add: Add) {
  for (const source of relsSources(pkg)) {
    for (const r of pkg.rels(source)) {
      if (r.external || !r.part) continue;
      if (!pkg.has(r.part))
        add("relationship-target", source || "_rels/.rels", `${r.id} → ${r.target}: no such part`);
    }
  }
}

function checkContentTypes(pkg: OoxmlPackage, add: Add) {
  const ct = pkg.xml("[Content_Types].xml").documentElement!;
  const defaults = new Set(
    children(ct, NS.ct, "Default").map((d) => (d.getAttribute("Extension") ?? "").toLowerCase())
  );
  const overrides = new Set<string>();
  for (const o of children(ct, NS.ct, "Override")) {
    const name = (o.getAttribute("PartName") ?? "").replace(/^\//, "");
    overrides.add(name.toLowerCase());
    if (!pkg.names().some((n) => n.toLowerCase() === name.toLowerCase()))
      add("content-type", "[Content_Types].xml", `Override for /${name}: no such part`);
  }
  for (const part of pkg.names()) {
    if (part === "[Content_Types].xml") continue;
    const ext = part.includes(".") ? part.slice(part.lastIndexOf(".") + 1).toLowerCase() : "";
    if (!overrides.has(part.toLowerCase()) && !defaults.has(ext))
      add("content-type", "[Content_Types].xml", `no content type for /${part}`);
  }
}

function checkWorkbook(pkg: OoxmlPackage, sheets: Sheet[], add: Add) {
  const wbPart = pkg.workbookPart();
  const wb = pkg.xml(wbPart).documentElement!;
  const all = pkg.sheets();
  const seen = new Set<string>();
  for (const s of all) {
    if (!s.part || !pkg.has(s.part)) add("workbook", wbPart, `sheet '${s.name}' has no part`);
    if (s.name.length > 31 || /[[\]:*?/\\]/.test(s.name) || /^'|'$/.test(s.name) || !s.name)
      add("sheet-name", wbPart, `invalid sheet name '${s.name}'`);
    if (seen.has(s.name.toLowerCase()))
      add("sheet-name", wbPart, `duplicate sheet name '${s.name}'`);
    seen.add(s.name.toLowerCase());
  }
  if (all.every((s) => s.state !== "visible")) add("active-sheet", wbPart, "no visible sheet");
  for (const v of descendants(wb, NS.main, "workbookView")) {
    for (const attr of ["activeTab", "firstSheet"]) {
      const i = Number(v.getAttribute(attr) ?? 0);
      const s = all[i];
      if (!s) add("active-sheet", wbPart, `${attr}=${i} points past the ${all.length} sheets`);
      else if (s.state !== "visible")
        add("active-sheet", wbPart, `${attr}=${i} is the ${s.state} sheet '${s.name}'`);
    }
  }
  for (const s of sheets) {
    const selected = descendants(pkg.xml(s.part).documentElement!, NS.main, "sheetView").some(
      (v) => v.getAttribute("tabSelected") === "1" || v.getAttribute("tabSelected") === "true"
    );
    if (selected && s.state !== "visible")
      add("active-sheet", s.part, `the ${s.state} sheet '${s.name}' is selected`);
  }
  const names = new Set<string>();
  for (const d of descendants(wb, NS.main, "definedName")) {
    const key = `${d.getAttribute("localSheetId") ?? ""}|${(d.getAttribute("name") ?? "").toLowerCase()}`;
    if (names.has(key))
      add("defined-name", wbPart, `duplicate defined name ${d.getAttribute("name")}`);
    names.add(key);
    for (const p of formulaProblems(d.textContent ?? ""))
      add("formula", wbPart, `defined name ${d.getAttribute("name")}: ${p}`);
  }
}

function sharedStrings(pkg: OoxmlPackage): string[] {
  const wb = pkg.workbookPart();
  const rel = pkg.rels(wb).find((r) => r.type === REL.sharedStrings);
  if (!rel?.part || !pkg.has(rel.part)) return [];
  return children(pkg.xml(rel.part).documentElement!, NS.main, "si").map(textOf);
}

/** The text of a string item: its `<t>`, or its rich text runs' `<t>` joined (phonetic runs left out). */
function textOf(si: Element): string {
  const t = children(si, NS.main, "t");
  if (t.length) return t[0].textContent ?? "";
  return children(si, NS.main, "r")
    .map((r) => children(r, NS.main, "t")[0]?.textContent ?? "")
    .join("");
}

function styleCounts(pkg: OoxmlPackage): { xfs: number; dxfs: number } {
  const rel = pkg.rels(pkg.workbookPart()).find((r) => r.type === REL.styles);
  if (!rel?.part || !pkg.has(rel.part)) return { xfs: 1, dxfs: 0 };
  const root = pkg.xml(rel.part).documentElement!;
  const count = (name: string, item: string) => {
    const el = children(root, NS.main, name)[0];
    return el ? children(el, NS.main, item).length : 0;
  };
  return { xfs: Math.max(1, count("cellXfs", "xf")), dxfs: count("dxfs", "dxf") };
}

type CellMap = Map<string, Element>;

function checkCells(ws: Element, part: string, styles: { xfs: number }, add: Add): CellMap {
  const cells: CellMap = new Map();
  let lastRow = 0;
  for (const row of descendants(ws, NS.main, "row")) {
    const r = Number(row.getAttribute("r") ?? lastRow + 1);
    if (r <= lastRow) add("cell-order", part, `row ${r} after row ${lastRow}`);
    lastRow = r;
    let lastCol = 0;
    for (const c of children(row, NS.main, "c")) {
      const ref = c.getAttribute("r");
      const m = ref ? /^([A-Z]+)(\d+)$/.exec(ref) : null;
      const col = m ? columnNumber(m[1]) : lastCol + 1;
      if (m && Number(m[2]) !== r) add("cell-order", part, `cell ${ref} in row ${r}`);
      if (col <= lastCol) add("cell-order", part, `cell ${ref} after column ${lastCol}`);
      lastCol = col;
      const s = Number(c.getAttribute("s") ?? 0);
      if (s >= styles.xfs) add("style-index", part, `cell ${ref} uses style ${s} of ${styles.xfs}`);
      cells.set(cellAddress(r, col), c);
    }
  }
  return cells;
}

function cellText(c: Element | undefined, shared: string[]): string | null {
  if (!c) return null;
  const t = c.getAttribute("t");
  if (t === "inlineStr") {
    const is = children(c, NS.main, "is")[0];
    return is ? textOf(is) : "";
  }
  const v = children(c, NS.main, "v")[0]?.textContent ?? null;
  if (t === "s") return v === null ? null : (shared[Number(v)] ?? null);
  if (t === "str") return v;
  return null;
}

function checkTables(
  pkg: OoxmlPackage,
  s: Sheet,
  cells: CellMap,
  shared: string[],
  names: Map<string, string>,
  add: Add
) {
  const rects: { name: string; rect: NonNullable<ReturnType<typeof parseRef>> }[] = [];
  for (const rel of pkg.rels(s.part).filter((r) => r.type === REL.table)) {
    if (!rel.part || !pkg.has(rel.part)) continue;
    const t = pkg.xml(rel.part).documentElement!;
    const name = t.getAttribute("displayName") ?? t.getAttribute("name") ?? "";
    const key = name.toLowerCase();
    if (names.has(key)) add("table", rel.part, `table name ${name} also used by ${names.get(key)}`);
    names.set(key, rel.part);
    const rect = parseRef(t.getAttribute("ref") ?? "");
    if (!rect) {
      add("table", rel.part, `unreadable ref ${t.getAttribute("ref")}`);
      continue;
    }
    for (const o of rects)
      if (
        o.rect.left <= rect.right &&
        rect.left <= o.rect.right &&
        o.rect.top <= rect.bottom &&
        rect.top <= o.rect.bottom
      )
        add("table", rel.part, `${name} overlaps ${o.name} on '${s.name}'`);
    rects.push({ name, rect });
    const cols = descendants(t, NS.main, "tableColumn");
    if (cols.length !== rect.right - rect.left + 1)
      add("table", rel.part, `${cols.length} columns for a ref ${rect.right - rect.left + 1} wide`);
    if (t.getAttribute("headerRowCount") === "0") continue;
    cols.forEach((col, i) => {
      const at = rel.part!;
      const addr = cellAddress(rect.top, rect.left + i);
      const header = cellText(cells.get(addr), shared);
      const want = col.getAttribute("name");
      if (header !== want)
        add(
          "table-header",
          at,
          `${name}: header cell '${s.name}'!${addr} is ${header === null ? "not a text" : JSON.stringify(header)}, column name ${JSON.stringify(want)}`
        );
    });
  }
}

function checkValidations(ws: Element, part: string, add: Add) {
  const dvs = [
    ...descendants(ws, NS.main, "dataValidation").map((d) => ({
      el: d,
      sqref: d.getAttribute("sqref") ?? "",
    })),
    ...descendants(ws, NS.x14, "dataValidation").map((d) => ({
      el: d,
      sqref: descendants(d, NS.xm, "sqref")[0]?.textContent ?? "",
    })),
  ];
  for (const [i, j, where] of overlappingGroups(dvs.map((d) => parseSqref(d.sqref))))
    add(
      "validation-overlap",
      part,
      `validations '${dvs[i].sqref}' and '${dvs[j].sqref}' overlap (${where})`
    );
  for (const { el, sqref } of dvs) {
    const limits: [string, number][] = [
      ["promptTitle", 32],
      ["errorTitle", 32],
      ["prompt", 255],
      ["error", 255],
    ];
    for (const [attr, max] of limits) {
      const v = el.getAttribute(attr);
      if (v && v.length > max)
        add("validation", part, `${sqref}: ${attr} has ${v.length} characters (max ${max})`);
    }
    for (const f of [
      ...descendants(el, NS.main, "formula1"),
      ...descendants(el, NS.main, "formula2"),
    ]) {
      const text = f.textContent ?? "";
      if (text.length > 255)
        add("validation", part, `${sqref}: formula of ${text.length} characters`);
      for (const p of formulaProblems(text)) add("formula", part, `validation ${sqref}: ${p}`);
    }
  }
}

function checkConditionalFormats(ws: Element, part: string, styles: { dxfs: number }, add: Add) {
  const cfs = children(ws, NS.main, "conditionalFormatting");
  for (const [i, j, where] of overlappingGroups(
    cfs.map((c) => parseSqref(c.getAttribute("sqref") ?? ""))
  ))
    add(
      "cf-overlap",
      part,
      `conditional formats '${cfs[i].getAttribute("sqref")}' and '${cfs[j].getAttribute("sqref")}' overlap (${where})`
    );
  for (const rule of descendants(ws, NS.main, "cfRule")) {
    const dxf = rule.getAttribute("dxfId");
    if (dxf !== null && Number(dxf) >= styles.dxfs)
      add("style-index", part, `conditional format uses dxfId ${dxf} of ${styles.dxfs}`);
    for (const f of children(rule, NS.main, "formula"))
      for (const p of formulaProblems(f.textContent ?? ""))
        add("formula", part, `conditional format: ${p}`);
  }
}

function checkFormulas(ws: Element, part: string, add: Add) {
  for (const f of descendants(ws, NS.main, "f")) {
    const text = f.textContent ?? "";
    if (!text) continue;
    const cell = (f.parentNode as Element | null)?.getAttribute("r") ?? "?";
    for (const p of formulaProblems(text)) add("formula", part, `${cell}: ${p}`);
  }
}

function checkNotes(pkg: OoxmlPackage, s: Sheet, ws: Element, add: Add) {
  const rels = pkg.rels(s.part);
  const comments = rels.find((r) => r.type === REL.comments);
  if (!comments?.part || !pkg.has(comments.part)) return;
  const legacy = children(ws, NS.main, "legacyDrawing")[0];
  const vmlRel = legacy && rels.find((r) => r.id === legacy.getAttributeNS(NS.r, "id"));
  if (!vmlRel || vmlRel.type !== REL.vmlDrawing || !vmlRel.part || !pkg.has(vmlRel.part)) {
    add("note-vml", s.part, `notes of '${s.name}' without a <legacyDrawing> to their VML part`);
    return;
  }
  const shapes = new Set<string>();
  const vml = pkg.xml(vmlRel.part).documentElement!;
  for (const data of descendants(vml, NS.vmlExcel, "ClientData")) {
    if (data.getAttribute("ObjectType") !== "Note") continue;
    const row = children(data, NS.vmlExcel, "Row")[0]?.textContent?.trim();
    const col = children(data, NS.vmlExcel, "Column")[0]?.textContent?.trim();
    if (row && col) shapes.add(cellAddress(Number(row) + 1, Number(col) + 1));
  }
  for (const c of descendants(pkg.xml(comments.part).documentElement!, NS.main, "comment")) {
    const ref = c.getAttribute("ref") ?? "";
    if (!shapes.has(ref))
      add("note-vml", comments.part, `note on ${ref} has no shape in ${vmlRel.part}`);
  }
}

function checkHyperlinks(pkg: OoxmlPackage, s: Sheet, ws: Element, add: Add) {
  const rels = pkg.rels(s.part);
  for (const h of descendants(ws, NS.main, "hyperlink")) {
    const ref = h.getAttribute("ref");
    const location = h.getAttribute("location");
    if (location?.startsWith("#"))
      add("hyperlink", s.part, `${ref}: location ${location} starts with '#'`);
    const id = h.getAttributeNS(NS.r, "id");
    if (!id) continue;
    const rel = rels.find((r) => r.id === id);
    if (!rel) add("hyperlink", s.part, `${ref}: relationship ${id} missing`);
    else if (!rel.external) add("hyperlink", s.part, `${ref}: relationship ${id} is not external`);
    else if (rel.target.startsWith("#"))
      add(
        "hyperlink",
        s.part,
        `${ref}: a place in the workbook (${rel.target}) written as an external link`
      );
  }
}
