/** @jest-environment jsdom */
/**
 * The pane's activity: busy while an action runs; its outcome, its notice and its failure said once (in
 * the language of that moment, and shown again in the language the pane switches to); a retry only where
 * trying again can help.
 */
import { act, renderHook } from "@testing-library/react";
import { useActivity } from "../../../src/taskpane/hooks/useActivity";
import type { SettingsRef } from "../../../src/taskpane/hooks/useSettings";
import { WorkbookReadError } from "../../../src/xlsx/errors";
import { canRetry, strings } from "../../../src/taskpane/strings";
import { errorText } from "../../../src/taskpane/hooks/useActivity";

function setup(lang: "nl" | "en") {
  const settings: SettingsRef = { current: { lang, meetmoment: "" } };
  const said: string[] = [];
  const focus: string[][] = [];
  const hook = renderHook(() =>
    useActivity(
      settings,
      (t) => said.push(t),
      (...ids) => focus.push(ids)
    )
  );
  return { settings, said, focus, result: hook.result };
}

it("is busy while an action runs, then idle, clears the last error and notice, and says the outcome", async () => {
  const { result, said } = setup("nl");
  act(() => result.current.setNotice(() => "oud"));
  expect(said).toEqual(["oud"]);
  let release!: () => void;
  let running!: Promise<void>;
  act(() => {
    running = result.current.act(
      "Bezig…",
      () => new Promise<string>((r) => (release = () => r("3 fouten, 1 waarschuwing")))
    );
  });
  expect(result.current.busy).toBe("Bezig…");
  expect(result.current.notice).toBeNull();
  await act(async () => (release(), running));
  expect(result.current.busy).toBeNull();
  expect(result.current.error).toBeNull();
  expect(said).toEqual(["oud", "3 fouten, 1 waarschuwing"]);
});

it("turns a failure into a message in the language of that moment, says it, and its retry runs the action again", async () => {
  const { result, said } = setup("en");
  let calls = 0;
  const f = async () => {
    calls++;
    if (calls === 1)
      throw Object.assign(new Error("x"), { code: "RequestPayloadSizeLimitExceeded" });
  };
  await act(() => result.current.act("Working", f));
  expect(result.current.error?.message).toMatch(/too large/i);
  expect(said).toEqual([`That did not work: ${strings("en").errors.payload}`]);
  expect(canRetry(result.current.error!.cause)).toBe(true);
  await act(async () => result.current.error!.retry());
  expect(calls).toBe(2);
  expect(result.current.error).toBeNull();
});

it("says a failure again in the language the pane switched to, without a sentence of the other", async () => {
  const { result } = setup("en");
  await act(() =>
    result.current.act("Working", async () => {
      throw Object.assign(new Error("busy"), { code: "InvalidOperationInCellEditMode" });
    })
  );
  expect(errorText(result.current.error!, strings("en"))).toBe(strings("en").errors.editMode);
  expect(errorText(result.current.error!, strings("nl"))).toBe(strings("nl").errors.editMode);
});

it("offers no retry for a picked file that is not a workbook, and advises what to pick", async () => {
  const { result } = setup("nl");
  await act(() =>
    result.current.act("Lezen", async () => {
      throw new Error("x", { cause: new WorkbookReadError("notulen.pdf", "not-xlsx") });
    })
  );
  const e = result.current.error!;
  expect(canRetry(e.cause)).toBe(false);
  expect(errorText(e, strings("nl"))).toBe(
    `notulen.pdf: geen Excel-werkmap (.xlsx). ${strings("nl").errors.file["not-xlsx"]}`
  );
  expect(errorText(e, strings("en"))).toMatch(
    /^notulen\.pdf: not an Excel workbook \(\.xlsx\)\. Pick the Excel workbook/
  );
});

it("sends focus to the error bar after a failed action started from the pane, and to the result after a good one", async () => {
  const { result, focus } = setup("nl");
  const button = document.createElement("button");
  document.body.append(button);
  button.focus();
  await act(() => result.current.act("Bezig…", async () => "ok", ["vv-findings"]));
  await act(() =>
    result.current.act("Bezig…", async () => {
      throw new Error("stuk");
    })
  );
  expect(focus).toEqual([["vv-findings"], ["vv-error"]]);
  // Not started from the pane (focus on <body>: at start, or live): focus is left alone.
  button.blur();
  await act(() => result.current.act("Bezig…", async () => "ok", ["vv-findings"]));
  expect(focus).toHaveLength(2);
});
