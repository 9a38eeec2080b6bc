import { ExcelWorkbookPort } from "../../src/excel/port";
import { createTemplate } from "../../src/workbook/flows";
import { FakeExcel } from "../fakes/excel";
import { clientRun, type RecordedRequest } from "../support/office-js-client";

test("smoke", async () => {
  const x = new FakeExcel();
  x.addSheet("Blad1");
  const log: RecordedRequest[] = [];
  const port = new ExcelWorkbookPort({
    run: clientRun(x, log, () => "template"),
    notes: true,
    writePayloadLimit: 5 * 1024 * 1024,
  });
  await createTemplate(port, { meetmoment: "2022-06-01" });
  console.log(log);
  console.log(
    x.sheets.map((s) => s.name),
    x.tables.map((t) => t.name)
  );
  const snap = await port.read();
  console.log(
    JSON.stringify(snap.stamp),
    snap.sheets.map((s) => [s.name, s.tables.length, s.notes?.length])
  );
});
