/** @jest-environment jsdom */
/** The tabs: five, in order, each controlling the one panel; a click selects. */
import { fireEvent, screen } from "@testing-library/react";
import { PaneTabs } from "../../src/taskpane/PaneTabs";
import { nl, renderInPane } from "./fluent";

it("lists the five tabs with their ids and selects on click", () => {
  const onTab = jest.fn();
  renderInPane(<PaneTabs s={nl} tab="validate" onTab={onTab} />);
  const tabs = screen.getAllByRole("tab");
  // Fluent renders each label twice (a hidden copy keeps the width when selected): ask by name.
  const names = ["Start", "Valideren", "Overzicht", "Kerncijfers", "Instellingen"];
  expect(names.map((name) => screen.getByRole("tab", { name }))).toEqual(tabs);
  expect(tabs.map((t) => t.id)).toEqual([
    "tab-start",
    "tab-validate",
    "tab-overview",
    "tab-keyFigures",
    "tab-settings",
  ]);
  expect(tabs.every((t) => t.getAttribute("aria-controls") === "panel")).toBe(true);
  expect(screen.getByRole("tab", { selected: true }).id).toBe("tab-validate");
  fireEvent.click(screen.getByRole("tab", { name: "Instellingen" }));
  expect(onTab).toHaveBeenCalledWith("settings");
});
