/**
 * Native charts in the files we write: exceljs writes no chart, so the package it wrote gets them
 * afterwards. Per sheet with charts: a drawing part (xl/drawings/drawingN.xml) with one frame per chart,
 * a chart part per chart (xl/charts/chartN.xml, chart-xml.ts), their relationships, the `<drawing>` element
 * in the sheet and the content types. The charts' data is read from the sheet as written (`chartData`).
 */
import { DOMParser } from "@xmldom/xmldom";
import JSZip from "jszip";
import type ExcelJS from "./exceljs-lib.cjs";
import { parseRange, splitAddress } from "../workbook/address";
import type { ChartPlan } from "../workbook/port";
import { chartXml, drawingXml, xmlText, type ChartData } from "./chart-xml";

const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const CT_DRAWING = "application/vnd.openxmlformats-officedocument.drawing+xml";
const CT_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";

/** A cell's value as a chart reads it: formulas by their stored result. */
function cellValue(ws: ExcelJS.Worksheet, row: number, col: number): unknown {
  const v = ws.getCell(row + 1, col + 1).value as unknown;
  if (v && typeof v === "object" && !(v instanceof Date) && "result" in v)
    return (v as { result?: unknown }).result ?? null;
  if (v && typeof v === "object" && "richText" in v)
    return (v as { richText: { text: string }[] }).richText.map((t) => t.text).join("");
  return v ?? null;
}

/** The chart's data as the sheet holds it: categories, series names and values. */
export function chartData(ws: ExcelJS.Worksheet, plan: ChartPlan): ChartData {
  const rect = parseRange(splitAddress(plan.range).range);
  const categories: string[] = [];
  for (let r = rect.row + 1; r < rect.row + rect.rows; r++)
    categories.push(String(cellValue(ws, r, rect.column) ?? ""));
  const series: ChartData["series"] = [];
  for (let c = rect.column + 1; c < rect.column + rect.columns; c++) {
    const values: (number | null)[] = [];
    for (let r = rect.row + 1; r < rect.row + rect.rows; r++) {
      const v = cellValue(ws, r, c);
      values.push(typeof v === "number" && Number.isFinite(v) ? v : null);
    }
    series.push({ name: String(cellValue(ws, rect.row, c) ?? ""), column: c, values });
  }
  return { plan, sheet: ws.name, rect, categories, series };
}

/** The charts of one sheet, by the sheet's name. */
export interface SheetCharts {
  sheet: string;
  charts: ChartData[];
}

function freeNumber(zip: JSZip, pattern: (n: number) => string, taken: Set<string>): number {
  let n = 1;
  while (zip.file(pattern(n)) || taken.has(pattern(n))) n++;
  taken.add(pattern(n));
  return n;
}

/** Parse an XML part of the package; a part exceljs wrote that is not there is a defect of ours. */
async function part(zip: JSZip, path: string): Promise<string> {
  const f = zip.file(path);
  if (!f) throw new Error(`the package has no ${path}`);
  return f.async("string");
}

/** The worksheet part of each sheet name, from workbook.xml and its relationships. */
async function sheetParts(zip: JSZip): Promise<Map<string, string>> {
  const parser = new DOMParser();
  const wb = parser.parseFromString(await part(zip, "xl/workbook.xml"), "text/xml");
  const rels = parser.parseFromString(await part(zip, "xl/_rels/workbook.xml.rels"), "text/xml");
  const targets = new Map<string, string>();
  const relList = rels.getElementsByTagNameNS(RELS_NS, "Relationship");
  for (let i = 0; i < relList.length; i++) {
    const r = relList[i];
    const t = r.getAttribute("Target") ?? "";
    targets.set(r.getAttribute("Id") ?? "", t.startsWith("/") ? t.slice(1) : `xl/${t}`);
  }
  const out = new Map<string, string>();
  const sheets = wb.getElementsByTagName("sheet");
  for (let i = 0; i < sheets.length; i++) {
    const s = sheets[i];
    const target = targets.get(s.getAttributeNS(R, "id") ?? "");
    if (target) out.set(s.getAttribute("name") ?? "", target);
  }
  return out;
}

/** Elements that follow `<drawing>` in a worksheet (CT_Worksheet's sequence). */
const AFTER_DRAWING = [
  "<legacyDrawing ",
  "<legacyDrawingHF ",
  "<drawingHF ",
  "<picture ",
  "<oleObjects",
  "<controls",
  "<webPublishItems",
  "<tableParts",
  "<extLst",
  "</worksheet>",
];

function insertDrawing(sheetXml: string, rId: string): string {
  if (sheetXml.includes("<drawing ")) throw new Error("the sheet already has a drawing");
  const at = Math.min(...AFTER_DRAWING.map((tag) => sheetXml.indexOf(tag)).filter((i) => i >= 0));
  const rNs = /xmlns:r="/.test(
    sheetXml.slice(0, sheetXml.indexOf(">", sheetXml.indexOf("<worksheet")))
  );
  const el = rNs ? `<drawing r:id="${rId}"/>` : `<drawing xmlns:r="${R}" r:id="${rId}"/>`;
  return sheetXml.slice(0, at) + el + sheetXml.slice(at);
}

function relsXml(rels: readonly { id: string; type: string; target: string }[]): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${RELS_NS}">` +
    rels
      .map(
        (r) => `<Relationship Id="${r.id}" Type="${R}/${r.type}" Target="${xmlText(r.target)}"/>`
      )
      .join("") +
    `</Relationships>`
  );
}

/** Add a relationship to a .rels part (created when missing); returns its new id. */
async function addRel(zip: JSZip, relsPath: string, type: string, target: string): Promise<string> {
  const f = zip.file(relsPath);
  if (!f) {
    zip.file(relsPath, relsXml([{ id: "rId1", type, target }]));
    return "rId1";
  }
  const xml = await f.async("string");
  let n = 1;
  while (xml.includes(`Id="rId${n}"`)) n++;
  const id = `rId${n}`;
  const rel = `<Relationship Id="${id}" Type="${R}/${type}" Target="${xmlText(target)}"/>`;
  zip.file(relsPath, xml.replace("</Relationships>", `${rel}</Relationships>`));
  return id;
}

/** The package with the charts of every listed sheet added. */
export async function addCharts(
  pkg: Uint8Array,
  sheets: readonly SheetCharts[],
  compression: "DEFLATE" | "STORE" = "DEFLATE"
): Promise<Buffer> {
  const zip = await JSZip.loadAsync(pkg);
  const parts = await sheetParts(zip);
  const taken = new Set<string>();
  const overrides: string[] = [];
  for (const s of sheets) {
    if (!s.charts.length) continue;
    const sheetPath = parts.get(s.sheet);
    if (!sheetPath) throw new Error(`the package has no sheet ${s.sheet}`);
    const d = freeNumber(zip, (n) => `xl/drawings/drawing${n}.xml`, taken);
    const drawingRels: { id: string; type: string; target: string }[] = [];
    s.charts.forEach((c, i) => {
      const n = freeNumber(zip, (k) => `xl/charts/chart${k}.xml`, taken);
      zip.file(`xl/charts/chart${n}.xml`, chartXml(c));
      overrides.push(`<Override PartName="/xl/charts/chart${n}.xml" ContentType="${CT_CHART}"/>`);
      drawingRels.push({ id: `rId${i + 1}`, type: "chart", target: `../charts/chart${n}.xml` });
    });
    zip.file(
      `xl/drawings/drawing${d}.xml`,
      drawingXml(
        s.charts.map((c, i) => {
          const a = parseRange(c.plan.anchor);
          return { column: a.column, row: a.row, name: `Grafiek ${i + 1}` };
        })
      )
    );
    zip.file(`xl/drawings/_rels/drawing${d}.xml.rels`, relsXml(drawingRels));
    overrides.push(
      `<Override PartName="/xl/drawings/drawing${d}.xml" ContentType="${CT_DRAWING}"/>`
    );
    const slash = sheetPath.lastIndexOf("/");
    const relsPath = `${sheetPath.slice(0, slash)}/_rels/${sheetPath.slice(slash + 1)}.rels`;
    const rId = await addRel(zip, relsPath, "drawing", `../drawings/drawing${d}.xml`);
    zip.file(sheetPath, insertDrawing(await part(zip, sheetPath), rId));
  }
  const ct = await part(zip, "[Content_Types].xml");
  zip.file("[Content_Types].xml", ct.replace("</Types>", `${overrides.join("")}</Types>`));
  return zip.generateAsync({ type: "nodebuffer", compression });
}
