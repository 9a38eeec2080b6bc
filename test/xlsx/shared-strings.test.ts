/** The shared strings of a bulk save (src/xlsx/shared-strings.ts): exceljs' table with the rows' texts added. */
import { SharedStrings } from "../../src/xlsx/shared-strings";

const SST =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3" uniqueCount="2">' +
  "<si><t>Projectcode</t></si><si><t>a &amp; b</t></si></sst>";

it("numbers exceljs' texts as they are, adds new ones once, and counts every use", () => {
  const s = new SharedStrings(SST);
  expect(s.id("a & b")).toBe(1);
  expect(s.id(" rand ")).toBe(2);
  expect(s.id("Projectcode")).toBe(0);
  expect(s.id(" rand ")).toBe(2);
  const xml = s.toBuffer().toString("utf8");
  expect(xml).toContain('count="7" uniqueCount="3"');
  expect(xml).toMatch(
    /<si><t>a &amp; b<\/t><\/si><si><t xml:space="preserve"> rand <\/t><\/si><\/sst>$/
  );
});

it("refuses a new text once the part is made (it would be missing from the file)", () => {
  const s = new SharedStrings(SST);
  s.id("VV001");
  s.toBuffer();
  expect(s.id("VV001")).toBe(2);
  expect(() => s.id("VV002")).toThrow(/added after the part was made/);
});
