/** @jest-environment jsdom */
/** The header: title, and the switch to the other language named in that language. */
import { fireEvent, screen } from "@testing-library/react";
import { PaneHeader } from "../../src/taskpane/PaneHeader";
import { en, nl, renderInPane } from "./fluent";

it("offers English in Dutch and Dutch in English", () => {
  const onLang = jest.fn();
  const { rerender } = renderInPane(<PaneHeader s={nl} lang="nl" onLang={onLang} />);
  expect(screen.getByRole("heading", { level: 1 }).textContent).toBe(nl.appTitle);
  const toEnglish = screen.getByRole("button", { name: "English" });
  expect(toEnglish.getAttribute("lang")).toBe("en");
  fireEvent.click(toEnglish);
  expect(onLang).toHaveBeenLastCalledWith("en");
  rerender(<PaneHeader s={en} lang="en" onLang={onLang} />);
  const toDutch = screen.getByRole("button", { name: "Nederlands" });
  expect(toDutch.getAttribute("lang")).toBe("nl");
  fireEvent.click(toDutch);
  expect(onLang).toHaveBeenLastCalledWith("nl");
});
