/** @jest-environment jsdom */
/**
 * The Start tab: the button names what will happen (create or convert); the preview shows per sheet what
 * happens and how columns map, and only the confirm button carries it out.
 */
import { fireEvent, screen, within } from "@testing-library/react";
import { StartPanel, type StartPanelProps } from "../../src/taskpane/StartPanel";
import type { ConversionPreview } from "../../src/workbook/flows";
import { nl, renderInPane } from "./fluent";

const callbacks = () => ({ onPreview: jest.fn(), onConfirm: jest.fn(), onCancel: jest.fn() });

it("offers to create the template in an empty workbook, to convert otherwise, and waits for the status", () => {
  const cb = callbacks();
  const props: StartPanelProps = { s: nl, status: null, preview: null, busy: false, ...cb };
  const { rerender } = renderInPane(<StartPanel {...props} />);
  expect(
    screen.getByRole("button", { name: "Omzetten naar sjabloon" }).getAttribute("aria-disabled") ===
      "true"
  ).toBe(true);
  rerender(<StartPanel {...props} status={{ kind: "empty", version: null, meetmoment: null }} />);
  fireEvent.click(screen.getByRole("button", { name: "Sjabloon aanmaken" }));
  expect(cb.onPreview).toHaveBeenCalledTimes(1);
  rerender(
    <StartPanel {...props} status={{ kind: "convertible", version: null, meetmoment: null }} />
  );
  expect(screen.getByRole("button", { name: "Omzetten naar sjabloon" })).toBeTruthy();
});

const preview = {
  sheets: [
    {
      source: "Milestones",
      target: "Mijlpalen",
      action: "converted",
      headerRow: 1,
      rows: 12,
      columns: [
        { from: "A", header: "Project code", to: "Projectcode", how: "synonym" },
        { from: null, header: null, to: "Opmerking", how: "added" },
      ],
    },
    {
      source: "Notities",
      target: null,
      action: "kept",
      headerRow: null,
      rows: 0,
      columns: [],
      note: { nl: "geen tabel", en: "no table" },
    },
    {
      source: "Projecten",
      target: "Projecten",
      action: "created",
      headerRow: null,
      rows: 0,
      columns: [
        { from: null, header: null, to: "Code", how: "added" },
        { from: null, header: null, to: "Titel", how: "added" },
      ],
    },
  ],
  kept: [
    {
      sheet: "Milestones",
      cell: "Z1",
      value: "x",
      reason: { nl: "buiten de tabel", en: "outside the table" },
    },
  ],
  plan: { sheets: [] },
} as unknown as ConversionPreview;

it("previews every sheet with what happens to it and its column mapping, then confirms or cancels", () => {
  const cb = callbacks();
  renderInPane(
    <StartPanel
      s={nl}
      status={{ kind: "convertible", version: null, meetmoment: null }}
      preview={preview}
      busy={false}
      {...cb}
    />
  );
  expect(screen.getByRole("heading", { name: "Zo wordt de werkmap omgezet" })).toBeTruthy();
  expect(
    screen.getByRole("heading", { name: /^Milestones → Mijlpalen omgezet 12 rijen$/ })
  ).toBeTruthy();
  const table = screen.getByRole("table", { name: "Tabblad Mijlpalen" });
  const rows = within(table)
    .getAllByRole("row")
    .map((r) => r.textContent);
  expect(rows).toEqual([
    "Kolom in de werkmapKolom in het sjabloonHoe herkend",
    "A: Project codeProjectcodesynoniem",
    "—Opmerkingnieuw, leeg",
  ]);
  expect(screen.getByRole("heading", { name: /^Notities blijft zoals het is/ })).toBeTruthy();
  expect(screen.getByText("geen tabel")).toBeTruthy();
  expect(screen.getByText("Nieuw tabblad met 2 kolommen: Code, Titel.")).toBeTruthy();
  expect(screen.queryByRole("table", { name: "Tabblad Projecten" })).toBeNull();
  expect(
    screen.getByText("1 waarde zonder plaats in het sjabloon gaat naar het tabblad 'Bewaard'.")
  ).toBeTruthy();
  fireEvent.click(screen.getByRole("button", { name: "Annuleren" }));
  expect(cb.onCancel).toHaveBeenCalledTimes(1);
  expect(cb.onConfirm).not.toHaveBeenCalled();
  fireEvent.click(screen.getByRole("button", { name: "Bevestigen en uitvoeren" }));
  expect(cb.onConfirm).toHaveBeenCalledTimes(1);
});

it("disables confirm and cancel while busy, focusable (focus stays on them)", () => {
  renderInPane(<StartPanel s={nl} status={null} preview={preview} busy {...callbacks()} />);
  for (const name of ["Annuleren", "Bevestigen en uitvoeren"])
    expect(screen.getByRole("button", { name }).getAttribute("aria-disabled") === "true").toBe(
      true
    );
});
