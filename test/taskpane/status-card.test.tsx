/** @jest-environment jsdom */
/** The status card: each kind of workbook in words with the next step; the meetmoment; looking again. */
import { fireEvent, screen } from "@testing-library/react";
import { StatusCard } from "../../src/taskpane/StatusCard";
import type { WorkbookStatus } from "../../src/taskpane/workbench";
import { nl, renderInPane } from "./fluent";

const kinds: [WorkbookStatus, string, RegExp][] = [
  [
    { kind: "template", version: "1.0", meetmoment: "2022-06-01" },
    "Monitoringssjabloon, versie 1.0",
    /valideer/,
  ],
  [
    { kind: "outdated", version: "0.9", meetmoment: null },
    "Monitoringssjabloon versie 0.9; de invoegtoepassing gebruikt versie 1.0",
    /nieuwe versie/,
  ],
  [
    { kind: "convertible", version: null, meetmoment: null },
    "Bevat gegevens die nog niet in het sjabloon staan",
    /Zet de werkmap om/,
  ],
  [
    { kind: "empty", version: null, meetmoment: null },
    "Nog geen monitoringssjabloon",
    /Maak het sjabloon aan/,
  ],
];

it.each(kinds)("says what a %j workbook is and what to do next", (status, what, next) => {
  renderInPane(
    <StatusCard s={nl} status={status} meetmoment={null} onRefresh={() => {}} disabled={false} />
  );
  expect(screen.getByTestId("status-kind").textContent).toBe(what);
  expect(screen.getByText(next)).toBeTruthy();
});

it("says it is reading while the status is unknown, without a next step", () => {
  renderInPane(<StatusCard s={nl} status={null} meetmoment={null} onRefresh={() => {}} disabled />);
  expect(screen.getByTestId("status-kind").textContent).toBe("De werkmap wordt gelezen…");
  expect(screen.queryByText("Wat nu?")).toBeNull();
  expect(
    screen.getByRole("button", { name: "Opnieuw lezen" }).getAttribute("aria-disabled") === "true"
  ).toBe(true);
});

it("shows the workbook's meetmoment, else the setting's, and reads again on request", () => {
  const onRefresh = jest.fn();
  const empty: WorkbookStatus = { kind: "empty", version: null, meetmoment: null };
  const { rerender } = renderInPane(
    <StatusCard
      s={nl}
      status={empty}
      meetmoment="2022-06-30"
      onRefresh={onRefresh}
      disabled={false}
    />
  );
  expect(screen.getByText("Meetmoment: 2022-06-30")).toBeTruthy();
  rerender(
    <StatusCard
      s={nl}
      status={{ ...empty, meetmoment: "2021-12-31" }}
      meetmoment="2022-06-30"
      onRefresh={onRefresh}
      disabled={false}
    />
  );
  expect(screen.getByText("Meetmoment: 2021-12-31")).toBeTruthy();
  fireEvent.click(screen.getByRole("button", { name: "Opnieuw lezen" }));
  expect(onRefresh).toHaveBeenCalledTimes(1);
});
