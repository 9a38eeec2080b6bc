/**
 * The page layout (src/workbook/page-layout.ts) in Excel: `worksheet.pageLayout` (ExcelApi 1.9, above the
 * manifest's 1.8: the port calls this only where `isSetSupported("ExcelApi", "1.9")`). Property sets only,
 * queued with the sheet's other writes: no load, no sync of its own, whatever the number of rows.
 */
import { headerFooterText, pageLayoutFor, type PrintContext } from "../workbook/page-layout";
import type { SheetPlan } from "../workbook/port";
import { ACTION_BYTES, textBytes, type WriteBatch } from "./batch";

/** Points per inch: Office.js takes margins in points, the description in inches. */
const POINTS = 72;

/** Queue the page layout of every planned sheet, as one unit of the write batch. */
export async function queuePageLayouts(
  wb: Excel.Workbook,
  w: WriteBatch,
  sheetPlans: readonly SheetPlan[],
  print: PrintContext
): Promise<void> {
  if (!sheetPlans.length) return;
  const layouts = sheetPlans.map((sp) => ({ name: sp.name, layout: pageLayoutFor(sp, print) }));
  const bytes = layouts.reduce(
    (n, l) =>
      n +
      ACTION_BYTES * 14 +
      textBytes(headerFooterText(l.layout.header)) +
      textBytes(headerFooterText(l.layout.footer)),
    0
  );
  await w.add(bytes, () => {
    for (const { name, layout } of layouts) {
      const pl = wb.worksheets.getItem(name).pageLayout;
      pl.orientation = layout.orientation === "landscape" ? "Landscape" : "Portrait";
      pl.paperSize = "A4";
      pl.zoom = { horizontalFitToPages: layout.fitToWidth, verticalFitToPages: 0 };
      const m = layout.margins;
      pl.leftMargin = m.left * POINTS;
      pl.rightMargin = m.right * POINTS;
      pl.topMargin = m.top * POINTS;
      pl.bottomMargin = m.bottom * POINTS;
      pl.headerMargin = m.header * POINTS;
      pl.footerMargin = m.footer * POINTS;
      if (layout.titleRows)
        pl.setPrintTitleRows(`$${layout.titleRows.first}:$${layout.titleRows.last}`);
      if (layout.printArea) pl.setPrintArea(layout.printArea);
      const hf = pl.headersFooters.defaultForAllPages;
      hf.leftHeader = layout.header.left;
      hf.centerHeader = layout.header.center;
      hf.rightHeader = layout.header.right;
      hf.leftFooter = layout.footer.left;
      hf.centerFooter = layout.footer.center;
      hf.rightFooter = layout.footer.right;
    }
  });
}
