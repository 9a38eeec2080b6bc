/** @jest-environment jsdom */
/**
 * Live validation as a hook: on only for a template with the setting on; a change in the workbook
 * validates quietly with the settings of that moment; a failed start is an error whose retry starts again.
 */
import { act, renderHook, waitFor } from "@testing-library/react";
import type { PaneError } from "../../../src/taskpane/hooks/useActivity";
import { useLiveValidation } from "../../../src/taskpane/hooks/useLiveValidation";
import type { SettingsRef } from "../../../src/taskpane/hooks/useSettings";
import type { Workbench } from "../../../src/taskpane/workbench";
import type { ValidateFlowResult } from "../../../src/workbook/flows";

type LiveOpts = {
  onResult: () => Promise<void>;
  onError: (e: unknown) => void;
  onRecovered?: () => void;
};

function fakeBench(live: (on: boolean, opts: LiveOpts) => Promise<boolean>) {
  const result = { findings: [], errors: 0, warnings: 0 } as unknown as ValidateFlowResult;
  const validate = jest.fn(async () => result);
  return { bench: { live: jest.fn(live), validate } as unknown as Workbench, validate, result };
}

function setup(bench: Workbench, isTemplate: boolean) {
  const settings: SettingsRef = { current: { lang: "nl", meetmoment: " 2022-06-30 " } };
  const onResult = jest.fn();
  const onError = jest.fn<void, [PaneError | null]>();
  const actFn = jest.fn(async (_label: string, f: () => Promise<void>) => f());
  const hook = renderHook(
    ({ live, template }: { live: boolean; template: boolean }) =>
      useLiveValidation({
        workbench: bench,
        live,
        isTemplate: template,
        settings,
        act: actFn,
        onResult,
        onError,
      }),
    { initialProps: { live: true, template: isTemplate } }
  );
  return { hook, settings, onResult, onError, actFn };
}

it("watches only a template with the setting on, and validates quietly with the current settings", async () => {
  let watcher: LiveOpts | undefined;
  const { bench, validate, result } = fakeBench(async (on, opts) => ((watcher = opts), on));
  const { hook, settings, onResult } = setup(bench, false);
  await waitFor(() => expect(bench.live).toHaveBeenLastCalledWith(false, expect.anything()));
  expect(hook.result.current).toBe(false);
  hook.rerender({ live: true, template: true });
  await waitFor(() => expect(hook.result.current).toBe(true));
  settings.current = { lang: "en", meetmoment: "" };
  await act(() => watcher!.onResult());
  expect(validate).toHaveBeenLastCalledWith({
    lang: "en",
    meetmoment: null,
    annotate: true,
    quiet: true,
    changes: [],
  });
  expect(onResult).toHaveBeenCalledWith(result);
  hook.rerender({ live: false, template: true });
  await waitFor(() => expect(hook.result.current).toBe(false));
});

it("reports a failed start with a retry that starts it again", async () => {
  let fail = true;
  const { bench } = fakeBench(async (on) => {
    if (fail) throw Object.assign(new Error("busy"), { code: "InvalidOperationInCellEditMode" });
    return on;
  });
  const { hook, onError } = setup(bench, true);
  await waitFor(() => expect(onError).toHaveBeenCalledTimes(1));
  expect(onError.mock.calls[0][0]!.message).toMatch(/cel/i);
  expect(hook.result.current).toBe(false);
  fail = false;
  act(() => onError.mock.calls[0][0]!.retry());
  await waitFor(() => expect(hook.result.current).toBe(true));
  expect(bench.live).toHaveBeenCalledTimes(2);
});

it("reports a failure while watching with a retry that validates again", async () => {
  let watcher: LiveOpts | undefined;
  const { bench, validate } = fakeBench(async (on, opts) => ((watcher = opts), on));
  const { onError, actFn } = setup(bench, true);
  await waitFor(() => expect(watcher).toBeDefined());
  act(() => watcher!.onError(new Error("Het tabblad is beveiligd")));
  expect(onError).toHaveBeenCalledTimes(1);
  await act(async () => onError.mock.calls[0][0]!.retry());
  expect(actFn).toHaveBeenCalledWith("De werkmap wordt gecontroleerd…", expect.any(Function));
  expect(validate).toHaveBeenCalledTimes(1);
});

it("clears the live failure it reported once a later live run succeeds", async () => {
  let watcher: LiveOpts | undefined;
  const { bench } = fakeBench(async (on, opts) => ((watcher = opts), on));
  const { onError } = setup(bench, true);
  await waitFor(() => expect(watcher).toBeDefined());
  act(() => watcher!.onError(new Error("Excel is nog in bewerkmodus")));
  expect(onError).toHaveBeenCalledTimes(1);
  act(() => watcher!.onRecovered!());
  expect(onError).toHaveBeenLastCalledWith(null);
});
