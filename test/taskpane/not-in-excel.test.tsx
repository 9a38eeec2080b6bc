/** @jest-environment jsdom */
/** Outside Excel the page says so, in Dutch by default. */
import { render, screen } from "@testing-library/react";
import { NotInExcel } from "../../src/taskpane/NotInExcel";
import { en, nl } from "./fluent";

it("says the pane works only in Excel, in Dutch or English", () => {
  const { rerender } = render(<NotInExcel />);
  expect(screen.getByRole("heading", { level: 1 }).textContent).toBe(nl.appTitle);
  expect(screen.getByText(nl.errors.notInExcel)).toBeTruthy();
  rerender(<NotInExcel lang="en" />);
  expect(screen.getByText(en.errors.notInExcel)).toBeTruthy();
});
