/** @jest-environment jsdom */
/**
 * The pane for every user, over the twin of Excel: each outcome said once by the announcer (the counts of a
 * validation, a live validation only when its counts change, the selected cell), focus on each action's
 * result and never on <body>, groups of findings kept open across tabs, findings told again in the
 * language switched to (and the page's lang), no conversion offered on a finished template, Office's
 * theme followed. The arrow keys and the layout are driven in Chromium (test/e2e/a11y.e2e.test.ts).
 */
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { ExcelWorkbench } from "../../src/taskpane/workbench";
import { ExcelWorkbookPort, type ExcelRun } from "../../src/excel/port";
import type { ExcelRunWith } from "../../src/excel/live";
import type { OfficeThemeSource } from "../../src/taskpane/hooks/useOfficeTheme";
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

/** Every text the announcer says from now on, in order (its region's text at each change). */
function announcements(): string[] {
  const said: string[] = [];
  const region = screen.getByTestId("announcer");
  new MutationObserver(() => {
    const t = (region.textContent ?? "").trim();
    if (t) said.push(t);
  }).observe(region, { childList: true, characterData: true, subtree: true });
  return said;
}

const status = () => screen.getByTestId("status-kind");

/** The pane has read the workbook and said so (the first announcement). */
async function ready(text: string) {
  await waitFor(() => expect(status().textContent).toBe(text));
  await waitFor(() => expect(screen.getByTestId("announcer").textContent).toContain(text));
}

async function template(bad = true) {
  const x = plainWorkbook(10);
  const bench = benchOf(x);
  await bench.createTemplate({ lang: "nl", meetmoment: "2022-06-01" });
  if (bad) x.type("Mijlpalen", "C2", [["2022 Q7"]]);
  return { x, bench };
}

it("says the counts of a validation, puts focus on the summary, confirms the selected cell, and keeps groups open across tabs", async () => {
  const { x, bench } = await template();
  render(<App workbench={bench} initialLive={false} />);
  await ready("Monitoringssjabloon, versie 1.0");
  const said = announcements();
  fireEvent.click(screen.getByRole("tab", { name: "Valideren" }));
  const run = screen.getByRole("button", { name: "Valideren" });
  run.focus();
  fireEvent.click(run);
  const summary = await screen.findByTestId("summary");
  await waitFor(() => expect(said).toEqual([summary.textContent]));
  expect(summary.textContent).toMatch(/^\d+ fout(en)?, \d+ waarschuwing(en)?$/);
  expect(document.activeElement).toBe(summary);

  // The group headers are headings; a finding is one button with its message (read once).
  const headers = screen.getAllByRole("button", { expanded: false });
  expect(headers[0].closest("h3")).not.toBeNull();
  for (const h of headers) fireEvent.click(h);
  const go = screen.getByRole("button", { name: /^Ga naar Mijlpalen!C2 / });
  // Its name is what it shows (no aria-label that differs from it), with "Ga naar" for screen readers.
  expect(go.getAttribute("aria-label")).toBeNull();
  const message = go.lastElementChild!.textContent!;
  expect(message).toMatch(/kwartaal/);
  expect(screen.getByRole("button", { name: `Ga naar Mijlpalen!C2 ${message}` })).toBe(go);
  expect(screen.getAllByText(message, { exact: false })).toHaveLength(1);
  go.focus();
  fireEvent.click(go);
  await waitFor(() => expect(x.selection).toEqual({ sheet: "Mijlpalen", address: "C2" }));
  await waitFor(() => expect(said.at(-1)).toBe("Cel Mijlpalen!C2 is geselecteerd in Excel."));
  expect(document.activeElement).toBe(
    screen.getByRole("button", { name: /^Ga naar Mijlpalen!C2 / })
  );

  fireEvent.click(screen.getByRole("tab", { name: "Start" }));
  fireEvent.click(screen.getByRole("tab", { name: "Valideren" }));
  expect(screen.queryAllByRole("button", { expanded: false })).toHaveLength(0);
  expect(screen.getByRole("button", { name: /^Ga naar Mijlpalen!C2 / })).toBeTruthy();
});

it("tells the findings again in English, with the page's language", async () => {
  const { bench } = await template();
  render(<App workbench={bench} initialLive={false} />);
  await waitFor(() => expect(status().textContent).toBe("Monitoringssjabloon, versie 1.0"));
  expect(document.documentElement.lang).toBe("nl");
  fireEvent.click(screen.getByRole("tab", { name: "Valideren" }));
  fireEvent.click(screen.getByRole("button", { name: "Valideren" }));
  await screen.findByTestId("summary");
  for (const h of screen.getAllByRole("button", { expanded: false })) fireEvent.click(h);
  const dutch = screen.getByRole("button", { name: /^Ga naar Mijlpalen!C2 / }).textContent;
  fireEvent.click(screen.getByRole("button", { name: "English" }));
  expect(document.documentElement.lang).toBe("en");
  await waitFor(() =>
    expect(screen.getByTestId("summary").textContent).toMatch(/^\d+ errors?, \d+ warnings?$/)
  );
  const english = await screen.findByRole("button", { name: /^Go to Mijlpalen!C2 / });
  expect(english.textContent).not.toBe(dutch);
});

it("says a live validation's counts when they change, and not when they stay the same", async () => {
  const x = plainWorkbook(3);
  const bench = benchOf(x);
  await bench.createTemplate({ lang: "nl", meetmoment: "2022-06-01" });
  render(<App workbench={bench} />);
  await ready("Monitoringssjabloon, versie 1.0");
  fireEvent.click(screen.getByRole("tab", { name: "Valideren" }));
  await screen.findByText(/Live validatie staat aan/);
  const said = announcements();
  const edit = async (cell: string, value: string) =>
    act(async () => {
      await x.userEdit("Mijlpalen", cell, [[value]]);
      await new Promise((r) => setTimeout(r, 200));
      await x.settleEvents();
      await new Promise((r) => setTimeout(r, 300));
    });
  await edit("C3", "later");
  await waitFor(() => expect(said.filter((t) => t.startsWith("Live validatie"))).toHaveLength(1));
  const summary = screen.getByTestId("summary").textContent;
  expect(said.at(-1)).toBe(`Live validatie: ${summary}.`);
  await edit("B3", "Andere naam"); // a text column: the counts stay the same
  await waitFor(() => expect(x.cell("Mijlpalen", "B3")?.value).toBe("Andere naam"));
  await act(async () => new Promise((r) => setTimeout(r, 500)));
  expect(said.filter((t) => t.startsWith("Live validatie"))).toHaveLength(1);
  await edit("C4", "nooit");
  await waitFor(() => expect(said.filter((t) => t.startsWith("Live validatie"))).toHaveLength(2));
});

it("moves focus to the preview, back to its button on cancel, to the success bar after converting, and offers no conversion on a finished template", async () => {
  const x = new FakeExcel();
  x.addSheet("Blad1");
  render(<App workbench={benchOf(x)} initialLive={false} />);
  await waitFor(() => expect(status().textContent).toBe("Nog geen monitoringssjabloon"));
  const create = () => screen.getByRole("button", { name: "Sjabloon aanmaken" });
  create().focus();
  fireEvent.click(create());
  const heading = await screen.findByRole("heading", { name: "Zo wordt de werkmap omgezet" });
  await waitFor(() => expect(document.activeElement).toBe(heading));
  fireEvent.click(screen.getByRole("button", { name: "Annuleren" }));
  await waitFor(() => expect(document.activeElement).toBe(create()));
  fireEvent.click(create());
  await screen.findByRole("heading", { name: "Zo wordt de werkmap omgezet" });
  const confirm = screen.getByRole("button", { name: "Bevestigen en uitvoeren" });
  confirm.focus();
  fireEvent.click(confirm);
  await waitFor(() => expect(status().textContent).toBe("Monitoringssjabloon, versie 1.0"));
  await waitFor(() => expect(document.activeElement?.id).toBe("vv-notice"));
  expect(screen.queryByRole("button", { name: "Omzetten naar sjabloon" })).toBeNull();
  expect(screen.getByText(/is al het monitoringssjabloon/)).toBeTruthy();
});

it("follows Office's theme: dark on a dark body background, light again when Office changes it", async () => {
  const x = new FakeExcel();
  x.addSheet("Blad1");
  let changed: ((e: { officeTheme?: { bodyBackgroundColor?: string } }) => void) | null = null;
  const office: OfficeThemeSource = {
    context: {
      officeTheme: { bodyBackgroundColor: "#262626" },
      document: { addHandlerAsync: (_type, handler) => (changed = handler) },
    },
    EventType: { OfficeThemeChanged: "officeThemeChanged" },
  };
  const { container } = render(<App workbench={benchOf(x)} initialLive={false} office={office} />);
  const main = container.querySelector("main")!;
  expect(main.dataset.theme).toBe("dark");
  expect(document.documentElement.style.colorScheme).toBe("dark");
  act(() => changed!({ officeTheme: { bodyBackgroundColor: "#FFFFFF" } }));
  expect(main.dataset.theme).toBe("light");
  act(() => changed!({ officeTheme: { bodyBackgroundColor: "#E6E6E6" } })); // Colorful
  expect(main.dataset.theme).toBe("light");
});
