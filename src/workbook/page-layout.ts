/**
 * How every sheet we write prints: ONE page-layout description, derived from the sheet's plan, that both
 * hosts translate (src/xlsx/page-layout.ts into exceljs' page setup, src/excel/page-layout.ts into
 * Office.js' `worksheet.pageLayout`). Pure: no host imports.
 *
 * - Fit to one page wide, any number of pages tall: a controller reads a row on one sheet of paper.
 * - Orientation by the sheet's width: landscape when its columns are wider than a portrait A4 page shows
 *   at full size (about 95 characters of Calibri 11 between the margins).
 * - The rows frozen on screen are the rows repeated on paper (print titles): the header row of a data
 *   sheet, the title rows of a report. What stays in view on screen stays in view on every page. A sheet
 *   whose header row is not at its top (Validatie: the findings under their summary) names its own.
 * - A report sheet (no Excel table: Instructies, Overzicht, Validatie, Kerncijfers, Vergelijking, Bewaard)
 *   gets a print area: its cells, so that nothing beside it (a user's scribbles) adds pages.
 * - Header: the meetmoment (when known) and the sheet's name; footer: "pagina x van y".
 */
import { columnLetter } from "../core/cells";
import { formatMeetmoment } from "../core/meetmoment";
import type { Lang } from "../core/vocabulary";
import { parseRange } from "./address";
import type { SheetPlan } from "./port";

export interface PageLayout {
  orientation: "portrait" | "landscape";
  /** Always A4 (paper size 9 in SpreadsheetML, Excel.PaperType.a4 in Office.js). */
  paper: "A4";
  /** Fit to this many pages wide; tall is free (0 in SpreadsheetML, "automatic"). */
  fitToWidth: 1;
  /** Rows repeated at the top of every page, 1-based, inclusive; absent when none. */
  titleRows?: { first: number; last: number };
  /** The print area, an A1 range without sheet name ("A1:I77"); absent for data sheets. */
  printArea?: string;
  /** Header and footer in Excel's codes (&A sheet name, &P page, &N pages; "&&" a literal &). */
  header: { left: string; center: string; right: string };
  footer: { left: string; center: string; right: string };
  /** Margins in inches: narrow, so that the scale stays readable. */
  margins: {
    left: number;
    right: number;
    top: number;
    bottom: number;
    header: number;
    footer: number;
  };
}

/** What the layout needs besides the plan: the language of the header texts and the meetmoment. */
export interface PrintContext {
  lang: Lang;
  /** ISO date of the workbook's meetmoment, or null when unknown. */
  meetmoment?: string | null;
}

/** Characters of Calibri 11 that fit across a portrait A4 page between narrow margins, at 100 %. */
export const PORTRAIT_WIDTH = 95;
/** Excel's default column width, in characters. */
const DEFAULT_WIDTH = 8.43;

const T = {
  nl: {
    title: "Vlaamse Veerkracht",
    meetmoment: (m: string) => `meetmoment ${m}`,
    page: "pagina &P van &N",
  },
  en: {
    title: "Vlaamse Veerkracht",
    meetmoment: (m: string) => `measurement ${m}`,
    page: "page &P of &N",
  },
} as const;

/** A text in a header or footer: "&" starts a code there, so a literal one is doubled. */
function literal(s: string): string {
  return s.replace(/&/g, "&&");
}

/**
 * The cells a chart covers from its anchor, in a file (src/xlsx/chart-xml.ts draws it this size) and
 * about the size Excel gives a new chart: the print area reaches over the charts too.
 */
export const CHART_COLUMNS = 8;
export const CHART_ROWS = 17;

/** The rows and columns a sheet plan fills, its charts included: 1-based last row, number of columns. */
export function planExtent(sp: SheetPlan): { rows: number; columns: number } {
  let rows = 0;
  let columns = 0;
  if (sp.table) {
    rows = sp.table.headerRow + Math.max(1, sp.table.rows.length);
    columns = sp.table.headers.length;
  }
  for (const b of sp.blocks ?? []) {
    rows = Math.max(rows, b.row + b.values.length - 1);
    // A loop, not Math.max(...rows): a block of 100,000 rows (Bewaard of a merge) overflows the stack.
    let w = 0;
    for (const r of b.values) if (r.length > w) w = r.length;
    columns = Math.max(columns, b.column + w);
  }
  for (const c of sp.charts ?? []) {
    const a = parseRange(c.anchor);
    rows = Math.max(rows, a.row + CHART_ROWS);
    columns = Math.max(columns, a.column + CHART_COLUMNS);
  }
  return { rows, columns };
}

/** The width of the first `columns` columns, in characters, as the plan sets them. */
export function planWidth(sp: SheetPlan, columns: number): number {
  let sum = 0;
  for (let i = 0; i < columns; i++)
    sum += sp.columnWidths?.[i] ?? sp.table?.columns[i]?.width ?? DEFAULT_WIDTH;
  return sum;
}

/** The page layout of one sheet as planned. */
export function pageLayoutFor(sp: SheetPlan, print: PrintContext): PageLayout {
  const t = T[print.lang];
  const { rows, columns } = planExtent(sp);
  const width = planWidth(sp, Math.max(1, columns));
  const frozen = sp.freezeRows ?? (sp.table ? sp.table.headerRow : 0);
  const layout: PageLayout = {
    orientation: width > PORTRAIT_WIDTH ? "landscape" : "portrait",
    paper: "A4",
    fitToWidth: 1,
    header: {
      left: literal(
        print.meetmoment
          ? `${t.title}, ${t.meetmoment(formatMeetmoment(print.meetmoment, print.lang))}`
          : t.title
      ),
      center: "",
      right: "&A",
    },
    footer: { left: "", center: "", right: t.page },
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.25, footer: 0.25 },
  };
  if (sp.printTitleRows) layout.titleRows = { ...sp.printTitleRows };
  else if (frozen > 0 && rows > frozen) layout.titleRows = { first: 1, last: frozen };
  // Only a sheet we rebuild whole: an existing sheet we add to may hold cells the plan does not know.
  if (!sp.table && sp.mode === "replace" && rows > 0 && columns > 0)
    layout.printArea = `A1:${columnLetter(columns - 1)}${rows}`;
  return layout;
}

/** The header or footer as one string of Excel codes (&L left &C centre &R right). */
export function headerFooterText(p: { left: string; center: string; right: string }): string {
  return `${p.left ? `&L${p.left}` : ""}${p.center ? `&C${p.center}` : ""}${p.right ? `&R${p.right}` : ""}`;
}
