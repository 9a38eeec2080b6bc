/**
 * The template's number formats: none may show a whole number with a dangling decimal separator. Excel
 * shows `#,##0.##` for 1650000 as "1.650.000," (nl) or "1,650,000." (en): a decimal part of optional
 * digits only (`#`, no `0`) keeps the separator when there are no decimals.
 */
import { SHEETS } from "../../src/core/template";

/** Whether a format section has a decimal part made of optional digits only. */
function danglingSeparator(format: string): boolean {
  return format
    .split(";")
    .map((section) => section.replace(/"[^"]*"|\[[^\]]*\]|\\./g, "")) // texts, conditions, escapes
    .some((section) => /\.#+(?![0#]*0)/.test(section) && !/\.[#]*0/.test(section));
}

describe("the template's number formats", () => {
  it("recognise the format that shows 1.650.000, (the test itself)", () => {
    expect(danglingSeparator("#,##0.##")).toBe(true);
    expect(danglingSeparator("#,##0.00")).toBe(false);
    expect(danglingSeparator("General")).toBe(false);
  });

  it.each(SHEETS.flatMap((s) => s.columns.map((c) => [`${s.name}.${c.header}`, c.numFmt ?? ""])))(
    "%s shows whole numbers without a dangling separator",
    (_column, format) => {
      expect(danglingSeparator(format)).toBe(false);
    }
  );
});
