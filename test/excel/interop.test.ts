/**
 * A workbook made by the command line (exceljs host) opened in Excel (Office.js host) and back: the stamp is
 * recognised and marks set by `vv-monitor validate --annotate` are cleared by the add-in, and the other way.
 */
import type ExcelJS from "exceljs";
import { XlsxPort } from "../../src/xlsx/port";
import { createTemplate, validateFlow } from "../../src/workbook/flows";
import { ExcelWorkbench } from "../../src/taskpane/workbench";
import { ExcelWorkbookPort, MARK_FILL, STATE_SHEET, type ExcelRun } from "../../src/excel/port";
import { FakeExcel } from "../fakes/excel";

/** "Open" an exceljs workbook in the fake Excel: sheets, values, formulas, fills, notes, tables, visibility. */
function openInExcel(wb: ExcelJS.Workbook): FakeExcel {
  const x = new FakeExcel();
  for (const ws of wb.worksheets) {
    const s = x.addSheet(ws.name);
    s.visibility =
      ws.state === "veryHidden" ? "VeryHidden" : ws.state === "hidden" ? "Hidden" : "Visible";
    ws.eachRow({ includeEmpty: false }, (row, r) =>
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        const m = s.ensure(r - 1, c - 1);
        const v = cell.value as unknown;
        if (v && typeof v === "object" && "formula" in (v as object)) {
          m.formula = `=${(v as { formula: string }).formula}`;
          m.value = "";
        } else m.value = v === null || v === undefined ? "" : v;
        const fill = cell.fill as { fgColor?: { argb?: string } } | undefined;
        if (fill?.fgColor?.argb) m.fill = `#${fill.fgColor.argb.slice(-6)}`;
        if (cell.note)
          s.notes.set(`${String.fromCharCode(64 + c)}${r}`, {
            cell: `${String.fromCharCode(64 + c)}${r}`,
            content: typeof cell.note === "string" ? cell.note : JSON.stringify(cell.note),
          });
      })
    );
    for (const t of ws.getTables() as unknown as {
      table: { name: string; tableRef?: string; ref?: string };
    }[]) {
      x.addTable(ws.name, (t.table.tableRef ?? t.table.ref)!, t.table.name);
    }
  }
  return x;
}

describe("command line and add-in on the same workbook", () => {
  it("recognises a template made by the command line, with its meetmoment", async () => {
    const file = new XlsxPort();
    await createTemplate(file, { meetmoment: "2022-06-01" });
    const x = openInExcel(file.workbook);
    expect(x.sheet(STATE_SHEET).visibility).toBe("VeryHidden");
    const bench = new ExcelWorkbench({
      port: new ExcelWorkbookPort({
        run: x.run as unknown as ExcelRun,
        notes: true,
      }),
    });
    expect(await bench.status()).toEqual({
      kind: "template",
      version: "1.0",
      meetmoment: "2022-06-01",
    });
  });

  it("clears the marks of `validate --annotate` and restores the fill they covered", async () => {
    const file = new XlsxPort();
    await createTemplate(file, { meetmoment: "2022-06-01" });
    const m = file.workbook.getWorksheet("Mijlpalen")!;
    m.getCell("A2").value = "VV001";
    m.getCell("B2").value = "Iets";
    m.getCell("C2").value = "2022 Q9";
    m.getCell("C2").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF00FF00" } };
    m.getCell("D2").value = "Op schema";
    await validateFlow(file, { annotate: true, meetmoment: "2022-06-01" });
    const x = openInExcel(file.workbook);
    expect(x.cell("Mijlpalen", "C2")?.fill).toBe(MARK_FILL.error);
    expect(x.sheet("Mijlpalen").notes.get("C2")?.content).toMatch(/^vv-monitor: /);
    const port = new ExcelWorkbookPort({
      run: x.run as unknown as ExcelRun,
      notes: true,
    });
    await port.apply({ clearMarks: true });
    expect(x.cell("Mijlpalen", "C2")?.fill).toBe("#00FF00");
    expect(x.sheet("Mijlpalen").notes.has("C2")).toBe(false);
    expect(x.read("Mijlpalen", "A2:D2")).toEqual([["VV001", "Iets", "2022 Q9", "Op schema"]]);
  });
});
