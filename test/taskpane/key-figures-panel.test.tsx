/** @jest-environment jsdom */
/**
 * The task pane's Kerncijfers tab over the fake Excel: build the key figures (the sentences show in the
 * pane), pick the previous meting's .xlsx (read with the file host), compare; a file that is not a workbook
 * gives one Dutch line; no accessibility violations.
 */
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import axe from "axe-core";
import { App } from "../../src/taskpane/App";
import { KEY_FIGURES_SHEET, COMPARISON_SHEET } from "../../src/core/template";
import { ExcelWorkbench } from "../../src/taskpane/workbench";
import { ExcelWorkbookPort, type ExcelRun } from "../../src/excel/port";
import { demoPlan } from "../../src/workbook/flows";
import { FakeExcel } from "../fakes/excel";
import {
  DECEMBER_2021,
  distributionRecords,
  SEPTEMBER_2021,
  workbookOf,
} from "../support/mededeling";

async function setup() {
  const x = new FakeExcel();
  x.addSheet("Blad1");
  const run = x.run as unknown as ExcelRun;
  const port = new ExcelWorkbookPort({ run, notes: true });
  await port.apply(
    demoPlan({
      data: {
        report: "december",
        meetmoment: DECEMBER_2021.meetmoment,
        records: distributionRecords(DECEMBER_2021),
      },
    })
  );
  return { x, bench: new ExcelWorkbench({ run, port }) };
}

/** A File as the browser's file picker gives it. */
function fileOf(name: string, bytes: Uint8Array): File {
  return new File([bytes as Uint8Array<ArrayBuffer>], name, {
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  });
}

it("builds the key figures, reads the previous workbook and compares", async () => {
  const { x, bench } = await setup();
  const { container } = render(<App workbench={bench} initialLive={false} />);
  fireEvent.click(await screen.findByRole("tab", { name: "Kerncijfers" }));
  fireEvent.click(screen.getByRole("button", { name: "Kerncijfers maken of vernieuwen" }));
  const list = await screen.findByTestId("key-figure-sentences", {}, { timeout: 20_000 });
  expect(list.textContent).toContain(
    "171 van de 180 relanceprojecten (95%) zijn opgestart op 31 december 2021."
  );
  expect(x.findSheet(KEY_FIGURES_SHEET)).toBeDefined();
  await waitFor(() =>
    expect(document.getElementById("vv-notice")?.textContent).toContain(
      "Het tabblad Kerncijfers is bijgewerkt."
    )
  );

  const sept = await workbookOf(distributionRecords(SEPTEMBER_2021), SEPTEMBER_2021.meetmoment);
  const input = screen.getByLabelText("Vorige meting (werkmap .xlsx)");
  fireEvent.change(input, {
    target: { files: [fileOf("september-2021.xlsx", await sept.toBuffer())] },
  });
  const loaded = await screen.findByTestId("previous-workbook", {}, { timeout: 20_000 });
  expect(loaded.textContent).toBe("Vorige meting: september-2021.xlsx (meetmoment 2021-09-30).");
  fireEvent.click(screen.getByRole("button", { name: "Vergelijk met vorige meting" }));
  const summary = await screen.findByTestId("comparison-summary", {}, { timeout: 20_000 });
  expect(summary.textContent).toMatch(/^\d+ projecten met wijzigingen, \d+ mijlpalen gerealiseerd/);
  expect(x.findSheet(COMPARISON_SHEET)).toBeDefined();

  // With a previous meting picked, the key figures compare too.
  fireEvent.click(screen.getByRole("button", { name: "Kerncijfers maken of vernieuwen" }));
  await waitFor(() =>
    expect(screen.getByTestId("key-figure-sentences").textContent).toContain(
      "neemt toe, nl. van 1 naar 7"
    )
  );
  const r = await axe.run(container, {
    rules: { "color-contrast": { enabled: false }, region: { enabled: false } },
  });
  expect(r.violations.map((v) => v.id)).toEqual([]);
}, 60_000);

it("says in one Dutch line that a picked file is not a workbook", async () => {
  const { bench } = await setup();
  render(<App workbench={bench} initialLive={false} />);
  fireEvent.click(await screen.findByRole("tab", { name: "Kerncijfers" }));
  fireEvent.change(screen.getByLabelText("Vorige meting (werkmap .xlsx)"), {
    target: {
      files: [
        fileOf(
          "notities.xlsx",
          Uint8Array.from("geen werkmap", (c) => c.charCodeAt(0))
        ),
      ],
    },
  });
  await waitFor(
    () =>
      expect(document.getElementById("vv-error")?.textContent).toMatch(
        /notities\.xlsx: geen Excel-werkmap maar tekst.*bewaar het als Excel-werkmap \.xlsx\. Kies daarna de Excel-werkmap \(\.xlsx\) van de vorige meting\./
      ),
    { timeout: 20_000 }
  );
  // Trying the same file again cannot help: no retry, but a way to close the message.
  expect(screen.queryByRole("button", { name: "Opnieuw proberen" })).toBeNull();
  expect(screen.getByRole("button", { name: "Sluiten" })).toBeTruthy();
  expect(screen.queryByTestId("previous-workbook")).toBeNull();
}, 60_000);
