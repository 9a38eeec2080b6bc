/**
 * The page layout (src/workbook/page-layout.ts) in a file: exceljs' page setup (orientation, A4, fit to
 * one page wide, margins, print area, print titles, which exceljs writes as the defined names
 * _xlnm.Print_Area and _xlnm.Print_Titles) and header/footer.
 */
import type ExcelJS from "./exceljs-lib.cjs";
import { headerFooterText, type PageLayout } from "../workbook/page-layout";

/** SpreadsheetML's paper size code of A4 (ECMA-376 Part 1, 18.3.1.63, paperSize). */
const PAPER_A4 = 9;

export function applyPageLayout(ws: ExcelJS.Worksheet, layout: PageLayout): void {
  const setup: Partial<ExcelJS.PageSetup> = {
    ...ws.pageSetup,
    orientation: layout.orientation,
    paperSize: PAPER_A4 as ExcelJS.PaperSize,
    fitToPage: true,
    fitToWidth: layout.fitToWidth,
    fitToHeight: 0,
    margins: layout.margins,
    printArea: layout.printArea,
    printTitlesRow: layout.titleRows
      ? `${layout.titleRows.first}:${layout.titleRows.last}`
      : undefined,
  };
  ws.pageSetup = setup as ExcelJS.PageSetup;
  ws.headerFooter = {
    ...ws.headerFooter,
    oddHeader: headerFooterText(layout.header),
    oddFooter: headerFooterText(layout.footer),
  };
}
