/**
 * A user's own sheet named like one the add-in rebuilds (Validatie, Overzicht, Kerncijfers, Vergelijking)
 * that holds an Excel table (dropdown lists, say) is renamed whole before ours is written, in both hosts:
 * its table, values and notes survive under "<name> (eigen)".
 */
import { ExcelWorkbookPort, type ExcelRun } from "../../src/excel/port";
import { XlsxPort } from "../../src/xlsx/port";
import {
  buildOverview,
  convertWorkbook,
  createTemplate,
  validateFlow,
} from "../../src/workbook/flows";
import { plainWorkbook } from "../fakes/workbooks";

const M = "2022-06-01";

describe("a user's sheet with a table in the way of ours", () => {
  it("Excel: the user's Validatie sheet is renamed whole, table and values kept", async () => {
    const x = plainWorkbook(5);
    const port = new ExcelWorkbookPort({ run: x.run as unknown as ExcelRun, notes: true });
    await convertWorkbook(port, { meetmoment: M });
    x.addSheet("Validatie", [["Lijst"], ["rood"], ["groen"]]);
    x.addTable("Validatie", "A1:A3", "tblMijnLijst");
    x.sheet("Validatie").notes.set("A2", { cell: "A2", content: "mijn notitie" });
    await validateFlow(port, { meetmoment: M, annotate: true });
    expect(port.renamedSheets).toEqual([{ from: "Validatie", to: "Validatie (eigen)" }]);
    expect(x.read("Validatie (eigen)", "A1:A3")).toEqual([["Lijst"], ["rood"], ["groen"]]);
    expect(x.table("tblMijnLijst").sheet.name).toBe("Validatie (eigen)");
    expect(x.sheet("Validatie (eigen)").notes.get("A2")?.content).toBe("mijn notitie");
    expect(x.read("Validatie", "A1")[0][0]).toBe("Validatie door vv-monitor");
  });

  it("Excel: the user's Overzicht sheet with a table is renamed before the overview is built", async () => {
    const x = plainWorkbook(5);
    const port = new ExcelWorkbookPort({ run: x.run as unknown as ExcelRun, notes: true });
    await convertWorkbook(port, { meetmoment: M });
    x.sheets = x.sheets.filter((s) => s.name !== "Overzicht"); // no overview of ours yet
    x.addSheet("Overzicht", [["Mijn lijst"], ["a"]]);
    x.addTable("Overzicht", "A1:A2", "tblMijnOverzicht");
    await buildOverview(port, { lang: "nl" });
    expect(x.read("Overzicht (eigen)", "A1:A2")).toEqual([["Mijn lijst"], ["a"]]);
    expect(x.table("tblMijnOverzicht").sheet.name).toBe("Overzicht (eigen)");
  });

  it("file: the user's Validatie sheet is renamed whole in the .xlsx host too", async () => {
    const port = new XlsxPort();
    await createTemplate(port, { meetmoment: M });
    const ws = port.workbook.addWorksheet("Validatie");
    ws.addTable({
      name: "tblMijnLijst",
      ref: "A1",
      columns: [{ name: "Lijst" }],
      rows: [["rood"], ["groen"]],
    });
    await validateFlow(port, { meetmoment: M, annotate: true });
    const mine = port.workbook.getWorksheet("Validatie (eigen)");
    expect(mine).toBeDefined();
    expect(mine!.getCell("A2").value).toBe("rood");
    expect(port.workbook.getWorksheet("Validatie")!.getCell("A1").value).toBe(
      "Validatie door vv-monitor"
    );
  });
});
