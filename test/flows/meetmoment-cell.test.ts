/**
 * The meetmoment's home (issue 24, item 4): `template --meetmoment` writes it into the labelled cell on
 * Instructies; validate, export and kerncijfers read it there; a date the user types in that cell is read,
 * also in Excel (where a date cell reads as a serial number); a cell that holds no date is an error at that
 * cell; a workbook with only the stamp (as earlier versions wrote it) keeps its meetmoment.
 */
import ExcelJS from "exceljs";
import { INSTRUCTIONS_SHEET } from "../../src/core/template";
import { ExcelWorkbookPort, type ExcelRun } from "../../src/excel/port";
import { createTemplate } from "../../src/workbook/flows/template";
import {
  findMeetmomentCell,
  meetmomentCellValue,
  workbookMeetmoment,
} from "../../src/workbook/meetmoment-cell";
import { FakeExcel } from "../fakes/excel";
import { run } from "../cli/run";
import { tempDir } from "./support";

const tmp = tempDir("vv-mm-");
afterAll(() => tmp.cleanup());

/** A copy of `from` with the meetmoment cell (or the whole Instructies sheet) changed by exceljs. */
async function edited(
  from: string,
  name: string,
  change: (wb: ExcelJS.Workbook) => void
): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(from);
  change(wb);
  const out = tmp.path(name);
  await wb.xlsx.writeFile(out);
  return out;
}

const template = tmp.path("sjabloon.xlsx");
beforeAll(async () => {
  expect((await run("template", "--meetmoment", "2022-12-01", template)).code).toBe(0);
}, 60_000);

test("template --meetmoment writes a date into the labelled cell Instructies!B2", async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(template);
  const ws = wb.getWorksheet(INSTRUCTIONS_SHEET)!;
  expect(ws.getCell("A2").value).toBe("Meetmoment");
  expect(ws.getCell("B2").value).toEqual(new Date(Date.UTC(2022, 11, 1)));
  expect(ws.getCell("B2").numFmt).toBe("yyyy-mm-dd");
});

test("validate, export and kerncijfers read the meetmoment from the template", async () => {
  expect((await run("validate", template)).out).toContain("(meetmoment 2022-12-01)");
  expect((await run("export", template)).out).toContain("(meetmoment 2022-12-01)");
  const k = JSON.parse((await run("kerncijfers", template, "--json")).out) as {
    meetmoment: string | null;
  };
  expect(k.meetmoment).toBe("2022-12-01");
});

test("a date the user types in the cell wins over the stamp: as a date cell or as Dutch text", async () => {
  const asDate = await edited(template, "datum.xlsx", (wb) => {
    wb.getWorksheet(INSTRUCTIONS_SHEET)!.getCell("B2").value = new Date(Date.UTC(2023, 5, 1));
  });
  expect((await run("validate", asDate)).out).toContain("(meetmoment 2023-06-01)");
  const asText = await edited(template, "tekst.xlsx", (wb) => {
    wb.getWorksheet(INSTRUCTIONS_SHEET)!.getCell("B2").value = "1 december 2023";
  });
  const r = await run("validate", asText);
  expect(r.out).toContain("(meetmoment 2023-12-01)");
  expect(r.code).toBe(0);
});

test("a cell that holds no date is an error at that cell, and the stamp is used meanwhile", async () => {
  const bad = await edited(template, "fout.xlsx", (wb) => {
    wb.getWorksheet(INSTRUCTIONS_SHEET)!.getCell("B2").value = "eind juni";
  });
  const r = await run("validate", bad, "--json");
  expect(r.code).toBe(1);
  const findings = JSON.parse(r.out) as {
    rule: string;
    sheet: string;
    cell: string;
    message: string;
  }[];
  const f = findings.find((x) => x.rule === "meetmoment-invalid")!;
  expect(f).toMatchObject({ sheet: "Instructies", cell: "B2" });
  expect(f.message).toContain("'eind juni'");
  expect((await run("validate", bad)).out).toContain("(meetmoment 2022-12-01)");
});

test("without the cell (an older workbook), the stamp still gives the meetmoment", async () => {
  const old = await edited(template, "oud.xlsx", (wb) => {
    wb.removeWorksheet(wb.getWorksheet(INSTRUCTIONS_SHEET)!.id);
  });
  expect((await run("validate", old)).out).toContain("(meetmoment 2022-12-01)");
});

test("without any meetmoment, the warning says where the cell is and names --meetmoment", async () => {
  const none = tmp.path("leeg.xlsx");
  expect((await run("template", none)).code).toBe(0);
  const r = await run("validate", none);
  expect(r.out).toContain("(meetmoment niet ingesteld)");
  expect(r.out).toContain("naast 'Meetmoment' op het tabblad Instructies (cel B2 in het sjabloon)");
  expect(r.out).toContain("--meetmoment 2022-06-01");
});

test("a date cell as Office.js reads it (a serial number) is a date; other numbers are not", () => {
  expect(meetmomentCellValue(44713)).toBe("2022-06-01");
  expect(meetmomentCellValue(12)).toBeNull();
  expect(meetmomentCellValue("2022-06-01")).toBe("2022-06-01");
  expect(meetmomentCellValue("volgende week")).toBeNull();
});

test("in Excel: the template's cell is read back from the workbook, in the same number of syncs", async () => {
  const x = new FakeExcel();
  const port = new ExcelWorkbookPort({ run: x.run as unknown as ExcelRun, notes: true });
  await createTemplate(port, { lang: "nl", meetmoment: "2022-12-01" });
  const before = x.syncs;
  const snap = await port.read();
  const syncs = x.syncs - before;
  expect(findMeetmomentCell(snap)).toMatchObject({ sheet: "Instructies", cell: "B2" });
  expect(workbookMeetmoment(snap)).toMatchObject({ meetmoment: "2022-12-01", from: "cell" });
  // The user types another date in the cell, as Excel stores it: a serial number.
  x.type(INSTRUCTIONS_SHEET, "B2", [[45261]]); // 2023-12-01
  const after = await port.read();
  expect(workbookMeetmoment(after)).toMatchObject({ meetmoment: "2023-12-01", from: "cell" });
  const again = x.syncs;
  await port.read();
  expect(x.syncs - again).toBe(syncs);
});
