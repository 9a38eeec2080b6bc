/**
 * The rows the key figures skip as duplicates become findings that point at the row that counts, unless
 * validation already named that row: on the demo with rows added twice (as a merge of files gives them).
 */
import type { Finding } from "../../src/core/findings";
import { computeKeyFigures, readMeetmoment, writeDemo } from "../../src/workbook/flows";
import { XlsxPort } from "../../src/xlsx/port";

test("each skipped duplicate is one finding naming the first row; a row validation named is not repeated", async () => {
  const port = new XlsxPort();
  await writeDemo(port);
  const data = readMeetmoment(await port.read(), { file: "demo.xlsx" });
  const firstProject = data.at.projects[0];
  const firstFinancing = data.at.financing[0];
  // Three more copies of the first project and of the first financing row, in a second file.
  for (let i = 0; i < 3; i++) {
    data.records.projects.push({ ...data.records.projects[0] });
    data.at.projects.push({ file: "tweede.xlsx", sheet: "Projecten", row: 2 + i });
    data.records.financing.push({ ...data.records.financing[0] });
    data.at.financing.push({ file: "tweede.xlsx", sheet: "Financiering", row: 2 + i });
  }
  const named: Finding = {
    file: "tweede.xlsx",
    sheet: "Financiering",
    cell: "A3",
    row: 3,
    column: "Projectcode",
    projectCode: data.records.financing[0].projectCode,
    rule: "financing-duplicate",
    severity: "error",
    message: "al gemeld",
    value: null,
  };
  data.errors.push(named);
  const dup = computeKeyFigures(data, null).gaps.filter((g) => g.file === "tweede.xlsx");
  expect(dup.map((g) => [g.file, g.sheet, g.row, g.rule])).toEqual([
    ["tweede.xlsx", "Financiering", 3, "financing-duplicate"], // validation's own finding, kept once
    ["tweede.xlsx", "Projecten", 2, "code-duplicate"],
    ["tweede.xlsx", "Projecten", 3, "code-duplicate"],
    ["tweede.xlsx", "Projecten", 4, "code-duplicate"],
    ["tweede.xlsx", "Financiering", 2, "financing-duplicate"],
    ["tweede.xlsx", "Financiering", 4, "financing-duplicate"],
  ]);
  const code = data.records.projects[0].code;
  expect(dup[1].message).toBe(
    `${code} staat al op demo.xlsx, Projecten rij ${firstProject.row}: deze rij telt niet mee in de kerncijfers.`
  );
  expect(dup[4].message).toContain(`demo.xlsx, Financiering rij ${firstFinancing.row}`);
});
