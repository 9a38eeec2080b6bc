/** @jest-environment jsdom */
/** The activity area: progress with its label, an error with retry and dismiss, a notice. */
import { fireEvent, screen } from "@testing-library/react";
import { Activity } from "../../src/taskpane/Activity";
import { nl, renderInPane } from "./fluent";

it("shows the running action's label with a progress bar, and nothing when idle", () => {
  const props = { s: nl, error: null, notice: null, onDismissError: () => {} };
  const { rerender } = renderInPane(<Activity {...props} busy="Het sjabloon wordt geschreven…" />);
  expect(screen.getByRole("progressbar", { name: "Het sjabloon wordt geschreven…" })).toBeTruthy();
  expect(screen.getByText("Het sjabloon wordt geschreven…")).toBeTruthy();
  rerender(<Activity {...props} busy={null} />);
  expect(screen.queryByRole("progressbar")).toBeNull();
});

it("shows an error with a retry and a dismiss that do what they say", () => {
  const retry = jest.fn();
  const dismiss = jest.fn();
  renderInPane(
    <Activity
      s={nl}
      busy={null}
      error={{ message: "Het tabblad is beveiligd.", retry }}
      notice={null}
      onDismissError={dismiss}
    />
  );
  expect(screen.getByText("Dat is niet gelukt")).toBeTruthy();
  expect(screen.getByText("Het tabblad is beveiligd.")).toBeTruthy();
  fireEvent.click(screen.getByRole("button", { name: "Opnieuw proberen" }));
  expect(retry).toHaveBeenCalledTimes(1);
  fireEvent.click(screen.getByRole("button", { name: nl.errors.dismiss }));
  expect(dismiss).toHaveBeenCalledTimes(1);
});

it("shows a notice", () => {
  renderInPane(
    <Activity
      s={nl}
      busy={null}
      error={null}
      notice="Het sjabloon staat klaar."
      onDismissError={() => {}}
    />
  );
  expect(screen.getByText("Het sjabloon staat klaar.")).toBeTruthy();
  expect(screen.queryByText("Dat is niet gelukt")).toBeNull();
});
