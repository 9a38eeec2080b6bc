/** @jest-environment jsdom */
/** The Overzicht tab: the choice between the add-in's functions and plain formulas, and the build button. */
import { fireEvent, screen } from "@testing-library/react";
import { OverviewPanel } from "../../src/taskpane/OverviewPanel";
import { nl, renderInPane } from "./fluent";

it("shows the chosen kind of formulas, changes it and builds", () => {
  const onMode = jest.fn();
  const onBuild = jest.fn();
  renderInPane(
    <OverviewPanel s={nl} busy={false} mode="functions" onMode={onMode} onBuild={onBuild} />
  );
  expect(
    (screen.getByRole("radio", { name: /functies van de invoegtoepassing/ }) as HTMLInputElement)
      .checked
  ).toBe(true);
  fireEvent.click(screen.getByRole("radio", { name: /gewone Excel-formules/ }));
  expect(onMode).toHaveBeenCalledWith("formulas");
  fireEvent.click(screen.getByRole("button", { name: "Overzicht maken of vernieuwen" }));
  expect(onBuild).toHaveBeenCalledTimes(1);
});

it("cannot build while busy", () => {
  renderInPane(<OverviewPanel s={nl} busy mode="formulas" onMode={() => {}} onBuild={() => {}} />);
  expect(
    screen
      .getByRole("button", { name: "Overzicht maken of vernieuwen" })
      .getAttribute("aria-disabled") === "true"
  ).toBe(true);
});
