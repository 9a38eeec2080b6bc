/**
 * Bewaard's first column is as wide as its longest sheet name (within 20 and 60 characters): a merge names
 * the file with the sheet, and a fixed narrow column cut it on the printed page.
 */
import { keptSheetPlan, REASON, type KeptCell } from "../../src/workbook/flows/kept";

const kept = (sheet: string): KeptCell => ({
  sheet,
  cell: "A1",
  value: 1,
  reason: REASON.outside,
});
const widthOf = (cells: KeptCell[]) =>
  keptSheetPlan({ sheets: [], stamp: null }, cells, "nl").columnWidths?.[0];

test("the sheet column fits the longest name, within 20 and 60 characters", () => {
  expect(widthOf([kept("Notities")])).toBe(20);
  const label = "entiteit-12.xlsx › Outputindicatoren";
  expect(widthOf([kept("Notities"), kept(label)])).toBe(label.length + 2);
  expect(widthOf([kept("x".repeat(200))])).toBe(60);
  expect(widthOf([])).toBe(20);
});
