/**
 * End to end: the stored results are what a spreadsheet program computes. LibreOffice shows a file's
 * stored results as they are (it does not recalculate on opening), so each workbook is exported twice:
 * as written, and as a copy whose formulas lost their stored values, which LibreOffice must compute.
 * Every sheet must come out the same: demo, a merge of three files, a conversion, the template.
 *
 * soffice missing: the suite fails under CI=true (.ci/run installs libreoffice-calc-nogui), else it is
 * skipped with a message.
 */
import { join } from "node:path";
import {
  buildOverview,
  convertWorkbook,
  createTemplate,
  mergeWorkbooks,
  writeDemo,
} from "../../src/workbook/flows";
import { openXlsx } from "../../src/xlsx/open";
import { XlsxPort } from "../../src/xlsx/port";
import { tempDir } from "../flows/support";
import { withSoffice, sheetsAsCsv } from "./libreoffice/soffice";
import { withoutStoredResults } from "./libreoffice/stored-results";

withSoffice((soffice) => {
  const tmp = tempDir("vv-lo-results-");
  afterAll(() => tmp.cleanup());

  async function expectSameAsComputed(name: string, port: XlsxPort, minFormulas: number) {
    const file = tmp.path(`${name}.xlsx`);
    await port.save(file);
    const bare = tmp.path(`${name}-bare.xlsx`);
    expect(await withoutStoredResults(file, bare)).toBeGreaterThanOrEqual(minFormulas);
    const stored = sheetsAsCsv(soffice!, file, tmp.path(`${name}-stored`));
    const computed = sheetsAsCsv(soffice!, bare, tmp.path(`${name}-computed`));
    expect([...stored.keys()].sort()).toEqual([...computed.keys()].sort());
    for (const [sheet, rows] of computed)
      expect({ sheet, rows: stored.get(sheet) }).toEqual({ sheet, rows });
  }

  let demoFile: string;
  beforeAll(async () => {
    const port = new XlsxPort();
    await writeDemo(port, {});
    demoFile = tmp.path("demo-input.xlsx");
    await port.save(demoFile);
  });

  test("demo: every stored result equals what LibreOffice computes", async () => {
    await expectSameAsComputed("demo", await openXlsx(demoFile), 1288);
  });

  test("template with its overview", async () => {
    const port = new XlsxPort();
    await createTemplate(port, {});
    await buildOverview(port, {});
    await expectSameAsComputed("template", port, 50);
  });

  test("conversion of an openpyxl workbook, and a merge of it with the demo and a LibreOffice file", async () => {
    const inputs = [];
    for (const f of ["openpyxl-notes-table", "libreoffice-notes-table"]) {
      const port = await openXlsx(join(__dirname, `../fixtures/writers/${f}.xlsx`));
      await convertWorkbook(port, {});
      const out = tmp.path(`${f}-converted.xlsx`);
      await port.save(out);
      inputs.push({ file: out, snapshot: await (await openXlsx(out)).read() });
    }
    await expectSameAsComputed("converted", await openXlsx(inputs[0].file), 10);
    inputs.push({ file: demoFile, snapshot: await (await openXlsx(demoFile)).read() });
    const merged = new XlsxPort();
    await mergeWorkbooks(inputs, merged, {});
    await expectSameAsComputed("merge", merged, 1288);
  });
});
