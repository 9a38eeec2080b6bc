/** @jest-environment jsdom */
/** The Valideren tab: annotate on or off, validate now (not while busy), whether live validation runs. */
import { fireEvent, screen } from "@testing-library/react";
import { ValidatePanel, type ValidatePanelProps } from "../../src/taskpane/ValidatePanel";
import { nl, renderInPane } from "./fluent";

function propsOf(over: Partial<ValidatePanelProps> = {}): ValidatePanelProps {
  return {
    s: nl,
    lang: "nl",
    busy: false,
    annotate: true,
    onAnnotate: jest.fn(),
    onRun: jest.fn(),
    liveActive: false,
    result: null,
    filter: "all",
    onFilter: jest.fn(),
    onSelect: jest.fn(),
    open: [],
    onOpen: jest.fn(),
    ...over,
  };
}

it("switches annotating, runs the validation and shows the findings area", () => {
  const p = propsOf();
  renderInPane(<ValidatePanel {...p} />);
  fireEvent.click(screen.getByRole("checkbox", { name: nl.validate.annotate }));
  expect(p.onAnnotate).toHaveBeenCalledWith(false);
  fireEvent.click(screen.getByRole("button", { name: "Valideren" }));
  expect(p.onRun).toHaveBeenCalledTimes(1);
  expect(screen.getByText("Nog niet gevalideerd.")).toBeTruthy();
  expect(screen.queryByText(/Live validatie staat aan/)).toBeNull();
});

it("says when live validation runs and cannot run while busy", () => {
  renderInPane(<ValidatePanel {...propsOf({ busy: true, liveActive: true })} />);
  expect(screen.getByText(/Live validatie staat aan/)).toBeTruthy();
  expect(
    screen.getByRole("button", { name: "Valideren" }).getAttribute("aria-disabled") === "true"
  ).toBe(true);
});

it("says which sheets were left unmarked because they are protected, and which own sheet was renamed", () => {
  const result = {
    findings: [],
    errors: 0,
    warnings: 0,
    protectedSheets: ["Mijlpalen"],
    renamedSheets: [{ from: "Validatie", to: "Validatie (eigen)" }],
  } as unknown as ValidatePanelProps["result"];
  renderInPane(<ValidatePanel {...propsOf({ result })} />);
  const notes = screen.getAllByTestId("sheet-note").map((n) => n.textContent);
  expect(notes).toEqual([
    "Cellen op Mijlpalen niet gemarkeerd: het blad is beveiligd. De meldingen staan hieronder.",
    "Uw eigen blad Validatie heet nu Validatie (eigen): de invoegtoepassing schrijft haar eigen blad Validatie. Er ging niets verloren.",
  ]);
});
