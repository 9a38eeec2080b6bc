/** @jest-environment jsdom */
/**
 * The findings: grouped by rule (errors first, then the most frequent), filtered by severity, at most
 * FINDINGS_PER_RULE per rule, a cell finding is a button that selects the cell.
 */
import { useState } from "react";
import { fireEvent, screen } from "@testing-library/react";
import type { Finding } from "../../src/core/findings";
import {
  Findings,
  FINDINGS_PER_RULE,
  groupFindings,
  type FindingsProps,
} from "../../src/taskpane/Findings";
import type { ValidateFlowResult } from "../../src/workbook/flows";
import { nl, renderInPane } from "./fluent";

function finding(rule: string, severity: Finding["severity"], cell: string | null, n = 0): Finding {
  return {
    sheet: "Mijlpalen",
    cell,
    row: null,
    column: null,
    projectCode: null,
    rule,
    severity,
    message: `${rule} ${n}`,
    value: null,
  };
}

function resultOf(findings: Finding[]): ValidateFlowResult {
  const errors = findings.filter((f) => f.severity === "error").length;
  return {
    findings,
    records: {} as ValidateFlowResult["records"],
    errors,
    warnings: findings.length - errors,
    meetmoment: "2022-06-01",
    reading: {} as ValidateFlowResult["reading"],
  };
}

const many = [
  finding("w-many", "warning", "A1", 1),
  finding("w-many", "warning", "A2", 2),
  finding("w-many", "warning", "A3", 3),
  finding("e-one", "error", "B1"),
  finding("e-two", "error", "C1", 1),
  finding("e-two", "error", "C2", 2),
];

it("orders groups errors first, then by size, and filters by severity", () => {
  expect(groupFindings(many, "all").map(([code, l]) => `${code}:${l.length}`)).toEqual([
    "e-two:2",
    "e-one:1",
    "w-many:3",
  ]);
  expect(groupFindings(many, "warning").map(([code]) => code)).toEqual(["w-many"]);
  expect(groupFindings(many, "error").map(([code]) => code)).toEqual(["e-two", "e-one"]);
});

const props = {
  s: nl,
  lang: "nl" as const,
  filter: "all" as const,
  onFilter: () => {},
  onSelect: () => {},
  open: [] as string[],
  onOpen: () => {},
};

/** Findings with its open groups in state, as App keeps them (in useValidation). */
function Stateful(p: Omit<FindingsProps, "open" | "onOpen">) {
  const [open, setOpen] = useState<string[]>([]);
  return <Findings {...p} open={open} onOpen={setOpen} />;
}

it("says when nothing was validated yet and when all is well", () => {
  const { rerender } = renderInPane(<Findings {...props} result={null} />);
  expect(screen.getByText("Nog niet gevalideerd.")).toBeTruthy();
  rerender(<Findings {...props} result={resultOf([])} />);
  expect(screen.getByTestId("summary").textContent).toBe("Geen fouten of waarschuwingen gevonden.");
  expect(screen.queryByRole("radiogroup")).toBeNull();
});

it("summarises, shows the rule's title, selects a cell on click and changes the filter", () => {
  const onSelect = jest.fn();
  const onFilter = jest.fn();
  const list = [finding("vek-above-vak", "error", "D7"), finding("sheet-missing", "error", null)];
  renderInPane(
    <Stateful {...props} onSelect={onSelect} onFilter={onFilter} result={resultOf(list)} />
  );
  expect(screen.getByTestId("summary").textContent).toBe("2 fouten, 0 waarschuwingen");
  expect(screen.getByText(/Een tabblad van het sjabloon ontbreekt/)).toBeTruthy();
  for (const header of screen.getAllByRole("button", { expanded: false })) fireEvent.click(header);
  fireEvent.click(screen.getByRole("button", { name: "Ga naar Mijlpalen!D7 vek-above-vak 0" }));
  expect(onSelect).toHaveBeenCalledWith(list[0]);
  expect(screen.queryByRole("button", { name: /^Ga naar Mijlpalen / })).toBeNull(); // a sheet finding is text
  fireEvent.click(screen.getByRole("radio", { name: /^Waarschuwingen/ }));
  expect(onFilter).toHaveBeenCalledWith("warning");
});

it(`lists at most ${FINDINGS_PER_RULE} findings of a rule and says how many more`, () => {
  const list = Array.from({ length: FINDINGS_PER_RULE + 7 }, (_, i) =>
    finding("quarter", "error", `C${i + 2}`, i)
  );
  renderInPane(<Stateful {...props} result={resultOf(list)} />);
  fireEvent.click(screen.getByRole("button", { expanded: false }));
  expect(screen.getAllByRole("button", { name: /^Ga naar Mijlpalen!C/ })).toHaveLength(
    FINDINGS_PER_RULE
  );
  expect(screen.getByText("en nog 7: zie het tabblad Validatie.")).toBeTruthy();
});
