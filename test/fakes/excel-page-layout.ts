/**
 * The twin's page layout (`worksheet.pageLayout`, ExcelApi 1.9): records what the add-in sets, per sheet,
 * so that tests read a sheet's print setup back. Like Excel, it refuses values Excel refuses (an
 * orientation or paper size it does not know, a print area that is no address, a zoom that mixes a scale
 * with fitting to pages) and, on an Excel older than 1.9, refuses to exist at all.
 */
import { parseRange } from "../../src/workbook/address";

export interface PageLayoutModel {
  orientation: string;
  paperSize: string;
  zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  margins: Record<"left" | "right" | "top" | "bottom" | "header" | "footer", number>;
  printTitleRows: string | null;
  printArea: string | null;
  headers: Record<
    "leftHeader" | "centerHeader" | "rightHeader" | "leftFooter" | "centerFooter" | "rightFooter",
    string
  >;
}

export function emptyPageLayout(): PageLayoutModel {
  return {
    orientation: "Portrait",
    paperSize: "Letter",
    zoom: { scale: 100 },
    margins: { left: 50.4, right: 50.4, top: 54, bottom: 54, header: 21.6, footer: 21.6 },
    printTitleRows: null,
    printArea: null,
    headers: {
      leftHeader: "",
      centerHeader: "",
      rightHeader: "",
      leftFooter: "",
      centerFooter: "",
      rightFooter: "",
    },
  };
}

/** How the twin's worksheet lends its queue: a named write run at sync time. */
type Enqueue = (name: string, run: () => void) => void;
type Fail = (code: string, message: string) => Error;

const ORIENTATIONS = ["Portrait", "Landscape"];
const PAPERS = ["A3", "A4", "A5", "Letter", "Legal"];

/** `Excel.PageLayout` of one sheet in the twin: setters only (what the add-in uses). */
export function fakePageLayout(
  model: () => PageLayoutModel,
  enqueue: Enqueue,
  fail: Fail,
  supported: boolean
) {
  if (!supported) throw fail("ApiNotFound", "Worksheet.pageLayout needs ExcelApi 1.9");
  const margin = (side: keyof PageLayoutModel["margins"]) => ({
    set(v: number) {
      enqueue(`PageLayout.${side}Margin=`, () => {
        if (!(v >= 0)) throw fail("InvalidArgument", `PageLayout.${side}Margin ${v}`);
        model().margins[side] = v;
      });
    },
  });
  const header = (key: keyof PageLayoutModel["headers"]) => ({
    set(v: string) {
      enqueue(`HeaderFooter.${key}=`, () => {
        if (v.length > 255) throw fail("InvalidArgument", `HeaderFooter.${key} longer than 255`);
        model().headers[key] = v;
      });
    },
  });
  const hf = {};
  for (const key of Object.keys(emptyPageLayout().headers) as (keyof PageLayoutModel["headers"])[])
    Object.defineProperty(hf, key, { set: header(key).set, enumerable: true });
  const pl = {
    set orientation(v: string) {
      enqueue("PageLayout.orientation=", () => {
        if (!ORIENTATIONS.includes(v)) throw fail("InvalidArgument", `orientation ${v}`);
        model().orientation = v;
      });
    },
    set paperSize(v: string) {
      enqueue("PageLayout.paperSize=", () => {
        if (!PAPERS.includes(v)) throw fail("InvalidArgument", `paperSize ${v}`);
        model().paperSize = v;
      });
    },
    set zoom(v: PageLayoutModel["zoom"]) {
      enqueue("PageLayout.zoom=", () => {
        const fits = v.horizontalFitToPages !== undefined || v.verticalFitToPages !== undefined;
        if (fits && v.scale !== undefined)
          throw fail("InvalidArgument", "zoom: a scale or fitting to pages, not both");
        model().zoom = { ...v };
      });
    },
    setPrintTitleRows(rows: string) {
      enqueue("PageLayout.setPrintTitleRows", () => {
        if (!/^\$\d+:\$\d+$/.test(rows)) throw fail("InvalidArgument", `print title rows ${rows}`);
        model().printTitleRows = rows;
      });
    },
    setPrintArea(area: string) {
      enqueue("PageLayout.setPrintArea", () => {
        parseRange(area); // throws on what is no address
        model().printArea = area;
      });
    },
    headersFooters: { defaultForAllPages: hf as Record<keyof PageLayoutModel["headers"], string> },
  };
  for (const side of ["left", "right", "top", "bottom", "header", "footer"] as const)
    Object.defineProperty(pl, `${side}Margin`, { set: margin(side).set, enumerable: true });
  return pl;
}
