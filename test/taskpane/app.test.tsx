/** @jest-environment jsdom */
import { workbookMeetmoment } from "../../src/workbook/meetmoment-cell";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import axe from "axe-core";
import { App } from "../../src/taskpane/App";
import { ExcelWorkbench, type Workbench } from "../../src/taskpane/workbench";
import { ExcelWorkbookPort, type ExcelRun } from "../../src/excel/port";
import type { ExcelRunWith } from "../../src/excel/live";
import { SHEETS } from "../../src/core/template";
import { FakeExcel } from "../fakes/excel";
import { plainWorkbook } from "../fakes/workbooks";

function benchOf(x: FakeExcel) {
  const run = x.run as unknown as ExcelRun;
  const port = new ExcelWorkbookPort({ run, notes: true });
  return new ExcelWorkbench({
    run,
    runWith: x.run as unknown as ExcelRunWith,
    port,
    debounceMs: 20,
  });
}

async function noAxeViolations(container: HTMLElement) {
  const r = await axe.run(container, {
    rules: { "color-contrast": { enabled: false }, region: { enabled: false } },
  });
  const summary = r.violations.map(
    (v) =>
      `${v.id}: ${v.nodes
        .map((n) => n.html)
        .slice(0, 2)
        .join(" | ")}`
  );
  expect(summary).toEqual([]);
}

const status = () => screen.getByTestId("status-kind");
/** The text of the error or success bar (the announcer says the same text, so getByText would find two). */
const bar = (id: "vv-error" | "vv-notice") => document.getElementById(id)?.textContent ?? "";

describe("task pane", () => {
  it("tells an empty workbook to create the template, previews, and creates it only on confirmation", async () => {
    const x = new FakeExcel();
    x.addSheet("Blad1");
    const { container } = render(<App workbench={benchOf(x)} />);
    await waitFor(() => expect(status().textContent).toBe("Nog geen monitoringssjabloon"));
    // (the announcer says it too, out of sight)
    expect(screen.getByText(/Maak het sjabloon aan/, { ignore: "#vv-announcer" })).toBeTruthy();
    await noAxeViolations(container);

    fireEvent.click(screen.getByRole("button", { name: "Sjabloon aanmaken" }));
    await screen.findByRole("heading", { name: "Zo wordt de werkmap omgezet" });
    expect(x.tables).toHaveLength(0); // the preview changes nothing
    await noAxeViolations(container);

    fireEvent.click(screen.getByRole("button", { name: "Bevestigen en uitvoeren" }));
    await waitFor(() => expect(status().textContent).toBe("Monitoringssjabloon, versie 1.0"));
    expect(x.tables.map((t) => t.name).sort()).toEqual(SHEETS.map((s) => s.tableName).sort());
    expect(document.getElementById("vv-notice")?.textContent).toMatch(/Het sjabloon staat klaar/);
  });

  it("shows the column mapping of a workbook to convert, and converting keeps every row", async () => {
    const x = plainWorkbook(12);
    render(<App workbench={benchOf(x)} initialLive={false} />);
    await waitFor(() =>
      expect(status().textContent).toBe("Bevat gegevens die nog niet in het sjabloon staan")
    );
    fireEvent.click(screen.getByRole("button", { name: "Omzetten naar sjabloon" }));
    const h = await screen.findByRole("heading", { name: /Milestones → Mijlpalen/ });
    expect(h.textContent).toMatch(/12 rijen/);
    const table = screen.getByRole("table", { name: "Tabblad Mijlpalen" });
    expect(within(table).getAllByRole("row").length).toBeGreaterThan(5);
    expect(within(table).getByText("A: Projectcode")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Bevestigen en uitvoeren" }));
    await waitFor(() => expect(status().textContent).toBe("Monitoringssjabloon, versie 1.0"));
    for (const s of SHEETS) expect(x.table(s.tableName).rect.rows).toBe(13);
  });

  it("validates, groups findings by rule, filters, and a click selects the cell", async () => {
    const x = plainWorkbook(10);
    const bench = benchOf(x);
    await bench.createTemplate({ lang: "nl", meetmoment: "2022-06-01" });
    x.type("Mijlpalen", "C2", [["2022 Q7"]]);
    const { container } = render(<App workbench={bench} initialLive={false} />);
    await waitFor(() => expect(status().textContent).toBe("Monitoringssjabloon, versie 1.0"));
    fireEvent.click(screen.getByRole("tab", { name: "Valideren" }));
    fireEvent.click(screen.getByRole("button", { name: "Valideren" }));
    const summary = await screen.findByTestId("summary");
    expect(summary.textContent).toMatch(/^\d+ fout(en)?, \d+ waarschuwing(en)?$/);
    // Open every group, find the quarter error, click it.
    for (const header of screen.getAllByRole("button", { expanded: false }))
      fireEvent.click(header);
    await noAxeViolations(container);
    const go = screen.getByRole("button", { name: /^Ga naar Mijlpalen!C2 / });
    fireEvent.click(go);
    await waitFor(() => expect(x.selection).toEqual({ sheet: "Mijlpalen", address: "C2" }));

    fireEvent.click(screen.getByRole("radio", { name: /^Waarschuwingen/ }));
    expect(screen.queryByRole("button", { name: /^Ga naar Mijlpalen!C2 / })).toBeNull();
  });

  it("switches to English", async () => {
    const x = new FakeExcel();
    x.addSheet("Blad1");
    render(<App workbench={benchOf(x)} initialLive={false} />);
    await waitFor(() => expect(status().textContent).toBe("Nog geen monitoringssjabloon"));
    fireEvent.click(screen.getByRole("button", { name: "English" }));
    expect(status().textContent).toBe("No monitoring template yet");
    expect(screen.getByRole("tab", { name: "Validate" })).toBeTruthy();
  });

  it("shows a failure as a message with a retry, and the retry works", async () => {
    const x = new FakeExcel();
    x.addSheet("Blad1");
    const real = benchOf(x);
    let fail = true;
    const bench: Workbench = Object.assign(Object.create(Object.getPrototypeOf(real)), real, {
      status: async () => {
        if (fail)
          throw Object.assign(new Error("The request payload size has exceeded the limit."), {
            code: "RequestPayloadSizeLimitExceeded",
          });
        return real.status();
      },
    });
    render(<App workbench={bench} initialLive={false} />);
    await screen.findByText("Dat is niet gelukt");
    expect(bar("vv-error")).toMatch(/te groot om in één keer te lezen/);
    fail = false;
    fireEvent.click(screen.getByRole("button", { name: "Opnieuw proberen" }));
    await waitFor(() => expect(status().textContent).toBe("Nog geen monitoringssjabloon"));
    expect(screen.queryByText("Dat is niet gelukt")).toBeNull();
  });

  it("builds the overview with the chosen kind of formulas", async () => {
    const x = plainWorkbook(5);
    const bench = benchOf(x);
    await bench.createTemplate({ lang: "nl", meetmoment: null });
    render(<App workbench={bench} initialLive={false} />);
    await waitFor(() => expect(status().textContent).toBe("Monitoringssjabloon, versie 1.0"));
    fireEvent.click(screen.getByRole("tab", { name: "Overzicht" }));
    fireEvent.click(screen.getByRole("radio", { name: /gewone Excel-formules/ }));
    fireEvent.click(screen.getByRole("button", { name: "Overzicht maken of vernieuwen" }));
    await waitFor(() => expect(bar("vv-notice")).toContain("Het tabblad Overzicht is bijgewerkt."));
    const formulas = [...x.sheet("Overzicht").cells.values()].map((c) => c.formula).filter(Boolean);
    expect(formulas.some((f) => /^=SUMIFS?\(/.test(f!))).toBe(true);
    expect(formulas.some((f) => /VV\./.test(f!))).toBe(false);
    expect(x.sheet("Overzicht").charts.length).toBeGreaterThanOrEqual(3);
  });

  it("re-validates live after a paste when live validation is on", async () => {
    const x = plainWorkbook(3);
    const bench = benchOf(x);
    await bench.createTemplate({ lang: "nl", meetmoment: "2022-06-01" });
    render(<App workbench={bench} />);
    await waitFor(() => expect(status().textContent).toBe("Monitoringssjabloon, versie 1.0"));
    fireEvent.click(screen.getByRole("tab", { name: "Valideren" }));
    await screen.findByText(/Live validatie staat aan/);
    await act(async () => {
      await x.userEdit("Mijlpalen", "C3", [["later"]]);
      await new Promise((r) => setTimeout(r, 200));
      await x.settleEvents();
    });
    await waitFor(() => expect(screen.getByTestId("summary").textContent).toMatch(/fout/));
    expect(x.activeSheet).not.toBe("Validatie"); // live runs leave the user where they are typing
    expect(x.cell("Mijlpalen", "C3")?.fill).toBeTruthy();
  });

  it("is keyboard-reachable: native buttons with names, one tab stop in the tab list (arrow keys are driven in the browser e2e)", async () => {
    const x = new FakeExcel();
    x.addSheet("Blad1");
    render(<App workbench={benchOf(x)} initialLive={false} />);
    await waitFor(() => expect(status().textContent).toBe("Nog geen monitoringssjabloon"));
    for (const b of screen.getAllByRole("button")) {
      expect(b.tagName).toBe("BUTTON");
      expect(b.textContent?.trim() || b.getAttribute("aria-label")).toBeTruthy();
    }
    const tabs = screen.getAllByRole("tab");
    expect(tabs).toHaveLength(5);
    expect(screen.getByRole("tabpanel").getAttribute("aria-labelledby")).toBe("tab-start");
    fireEvent.click(screen.getByRole("tab", { name: "Instellingen" }));
    expect(screen.getByRole("tabpanel").getAttribute("aria-labelledby")).toBe("tab-settings");
    expect(screen.getByLabelText("Meetmoment")).toBeTruthy();
    expect(screen.getByRole("switch", { name: "Live validatie" })).toBeTruthy();
  });
});

describe("outside Excel", () => {
  it("says to open the add-in from Excel", async () => {
    const { NotInExcel } = await import("../../src/taskpane/App");
    const { container } = render(<NotInExcel />);
    expect(screen.getByText(/Open ze vanuit Excel/)).toBeTruthy();
    await noAxeViolations(container);
  });
});

describe("statusOf", () => {
  it("tells a current template, an older version, data to convert and an empty workbook apart", async () => {
    const { statusOf } = await import("../../src/taskpane/workbench");
    const { planConversion } = await import("../../src/workbook/flows");
    const x = plainWorkbook(2);
    const snap = await benchOf(x).port.read();
    expect(statusOf(planConversion(snap), null).kind).toBe("convertible");
    expect(statusOf(planConversion(snap), { templateVersion: "0.9", meetmoment: null })).toEqual({
      kind: "outdated",
      version: "0.9",
      meetmoment: null,
    });
    const empty = new FakeExcel();
    empty.addSheet("Blad1");
    expect(statusOf(planConversion(await benchOf(empty).port.read()), null).kind).toBe("empty");
    const bench = benchOf(x);
    await bench.createTemplate({ lang: "nl", meetmoment: "2022-12-01" });
    expect(await bench.status()).toEqual({
      kind: "template",
      version: "1.0",
      meetmoment: "2022-12-01",
    });
  });
});

describe("settings", () => {
  it("saves a changed meetmoment into the workbook's stamp", async () => {
    const x = plainWorkbook(2);
    const bench = benchOf(x);
    await bench.createTemplate({ lang: "nl", meetmoment: "2022-06-01" });
    render(<App workbench={bench} initialLive={false} />);
    await waitFor(() => expect(screen.getByText("Meetmoment: 2022-06-01")).toBeTruthy());
    fireEvent.click(screen.getByRole("tab", { name: "Instellingen" }));
    expect(screen.queryByRole("button", { name: "Meetmoment in de werkmap bewaren" })).toBeNull();
    fireEvent.change(screen.getByLabelText("Meetmoment"), { target: { value: "2022-12-01" } });
    fireEvent.click(screen.getByRole("button", { name: "Meetmoment in de werkmap bewaren" }));
    await waitFor(() =>
      expect(bar("vv-notice")).toMatch(/Het meetmoment is in de werkmap bewaard/)
    );
    expect(x.customProps.get("vvMeetmoment")).toBe("2022-12-01");
    expect((await bench.port.read()).stamp?.meetmoment).toBe("2022-12-01");
    // The Instructies sheet's labelled cell holds it too (a date serial, as Excel stores a date).
    expect(x.read("Instructies", "A2")[0][0]).toBe("Meetmoment");
    expect(workbookMeetmoment(await bench.port.read())).toMatchObject({
      meetmoment: "2022-12-01",
      from: "cell",
    });
  });
});

describe("what this Excel lacks", () => {
  it("says in Dutch that marks are colours only without the notes of ExcelApi 1.18, and nothing when all is there", async () => {
    const x = new FakeExcel({ apiVersion: "1.12" });
    x.addSheet("Blad1");
    const { container, unmount } = render(
      <App workbench={benchOf(x)} missing={{ required: false, notes: true }} />
    );
    await waitFor(() => expect(status().textContent).toMatch(/Nog geen monitoringssjabloon/));
    expect(screen.getByText("Niet alles werkt in deze versie van Excel")).toBeTruthy();
    expect(container.textContent).toMatch(/ExcelApi 1\.18.*enkel kleuren/);
    await noAxeViolations(container);
    unmount();
    render(<App workbench={benchOf(x)} missing={{ required: false, notes: false }} />);
    await waitFor(() => expect(status().textContent).toMatch(/Nog geen monitoringssjabloon/));
    expect(screen.queryByText("Niet alles werkt in deze versie van Excel")).toBeNull();
  });
});
