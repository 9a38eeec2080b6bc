/**
 * DrawingML chart parts for a file (exceljs writes none). The chart description is the plan's ChartPlan,
 * the one the add-in hands to Office.js (src/excel/blocks.ts, queueChart), read the same way: the range's
 * first row holds the series names, its first column the categories, every further column a series; a
 * pie shows the last series, its points in the plan's colours; a bar or column chart colours its series.
 * The cells' values go into the caches too, so that a reader that does not calculate shows the chart.
 * Element order follows ECMA-376 Part 1, 21.2 (dml-chart.xsd) and 20.5 (dml-spreadsheetDrawing.xsd).
 */
import { columnLetter } from "../core/cells";
import { quoteSheet, type Rect } from "../workbook/address";
import type { ChartPlan } from "../workbook/port";
import { CHART_COLUMNS, CHART_ROWS } from "../workbook/page-layout";

const NS_C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";

/** A chart with the values of its range, as the file holds them. */
export interface ChartData {
  plan: ChartPlan;
  sheet: string;
  /** The range, 0-based. */
  rect: Rect;
  /** Category labels: the first column below the header. */
  categories: string[];
  series: { name: string; column: number; values: (number | null)[] }[];
}

export function xmlText(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/** An absolute reference to a part of the range: `'Overzicht'!$B$5:$B$12`. */
function ref(sheet: string, col: number, row0: number, row1: number): string {
  const c = columnLetter(col);
  return `${quoteSheet(sheet)}!$${c}$${row0 + 1}${row1 > row0 ? `:$${c}$${row1 + 1}` : ""}`;
}

const fill = (colour: string) =>
  `<c:spPr><a:solidFill><a:srgbClr val="${colour.replace("#", "").toUpperCase()}"/></a:solidFill></c:spPr>`;

function strCache(values: readonly string[]): string {
  return `<c:strCache><c:ptCount val="${values.length}"/>${values
    .map((v, i) => `<c:pt idx="${i}"><c:v>${xmlText(v)}</c:v></c:pt>`)
    .join("")}</c:strCache>`;
}

function numCache(values: readonly (number | null)[]): string {
  return `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${values
    .map((v, i) => (v === null ? "" : `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`))
    .join("")}</c:numCache>`;
}

/** One series: name, colours, categories and values, each with its cell reference and cache. */
function seriesXml(d: ChartData, s: ChartData["series"][number], i: number, pie: boolean): string {
  const { rect, sheet } = d;
  const first = rect.row + 1;
  const last = rect.row + rect.rows - 1;
  const colours = d.plan.colours ?? [];
  const tx = `<c:tx><c:strRef><c:f>${xmlText(ref(sheet, s.column, rect.row, rect.row))}</c:f>${strCache([s.name])}</c:strRef></c:tx>`;
  const spPr = !pie && colours[i] ? fill(colours[i]) : "";
  const points = pie
    ? d.categories
        .map((_, p) =>
          colours[p]
            ? `<c:dPt><c:idx val="${p}"/><c:bubble3D val="0"/>${fill(colours[p])}</c:dPt>`
            : ""
        )
        .join("")
    : "";
  const cat = `<c:cat><c:strRef><c:f>${xmlText(ref(sheet, rect.column, first, last))}</c:f>${strCache(d.categories)}</c:strRef></c:cat>`;
  const val = `<c:val><c:numRef><c:f>${xmlText(ref(sheet, s.column, first, last))}</c:f>${numCache(s.values)}</c:numRef></c:val>`;
  return `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>${tx}${spPr}${pie ? "" : '<c:invertIfNegative val="0"/>'}${points}${cat}${val}</c:ser>`;
}

/** The chart part (xl/charts/chartN.xml). */
export function chartXml(d: ChartData): string {
  const pie = d.plan.kind === "pie";
  // A pie shows one series: the last column, as Excel keeps it (queueChart deletes the others).
  const series = pie ? d.series.slice(-1) : d.series;
  const sers = series.map((s, i) => seriesXml(d, s, i, pie)).join("");
  const title = `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr><a:r><a:rPr lang="nl-BE" sz="1200" b="1"/><a:t>${xmlText(d.plan.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`;
  const plot = pie
    ? `<c:pieChart><c:varyColors val="1"/>${sers}<c:firstSliceAng val="0"/></c:pieChart>`
    : `<c:barChart><c:barDir val="${d.plan.kind === "bar" ? "bar" : "col"}"/><c:grouping val="clustered"/><c:varyColors val="0"/>${sers}<c:gapWidth val="80"/><c:axId val="1001"/><c:axId val="1002"/></c:barChart>` +
      `<c:catAx><c:axId val="1001"/><c:scaling><c:orientation val="${d.plan.kind === "bar" ? "maxMin" : "minMax"}"/></c:scaling><c:delete val="0"/><c:axPos val="${d.plan.kind === "bar" ? "l" : "b"}"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="1002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
      `<c:valAx><c:axId val="1002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${d.plan.kind === "bar" ? "b" : "l"}"/><c:majorGridlines/><c:numFmt formatCode="#,##0" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="1001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}"><c:roundedCorners val="0"/>` +
    `<c:chart>${title}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${plot}</c:plotArea>` +
    `<c:legend><c:legendPos val="${pie ? "r" : "b"}"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `</c:chartSpace>`
  );
}

/** The drawing part (xl/drawings/drawingN.xml) holding a sheet's charts, the nth chart as rId<n+1>. */
export function drawingXml(
  anchors: readonly { column: number; row: number; name: string }[]
): string {
  const frames = anchors
    .map(
      (a, i) =>
        `<xdr:twoCellAnchor editAs="oneCell">` +
        `<xdr:from><xdr:col>${a.column}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${a.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
        `<xdr:to><xdr:col>${a.column + CHART_COLUMNS}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${a.row + CHART_ROWS}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
        `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${xmlText(a.name)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
        `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
        `<a:graphic><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" r:id="rId${i + 1}"/></a:graphicData></a:graphic>` +
        `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
    )
    .join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">${frames}</xdr:wsDr>`
  );
}
