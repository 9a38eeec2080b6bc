/** @jest-environment jsdom */
/** The pane's activity: busy while an action runs, a failure as a message in the current language with a retry. */
import { act, renderHook } from "@testing-library/react";
import { useActivity } from "../../../src/taskpane/hooks/useActivity";
import type { SettingsRef } from "../../../src/taskpane/hooks/useSettings";

it("is busy while an action runs, then idle, and clears the last error and notice", async () => {
  const settings: SettingsRef = { current: { lang: "nl", meetmoment: "" } };
  const { result } = renderHook(() => useActivity(settings));
  act(() => result.current.setNotice("oud"));
  let release!: () => void;
  let running!: Promise<void>;
  act(() => {
    running = result.current.act("Bezig…", () => new Promise<void>((r) => (release = r)));
  });
  expect(result.current.busy).toBe("Bezig…");
  expect(result.current.notice).toBeNull();
  await act(async () => (release(), running));
  expect(result.current.busy).toBeNull();
  expect(result.current.error).toBeNull();
});

it("turns a failure into a message in the language of that moment, and its retry runs the action again", async () => {
  const settings: SettingsRef = { current: { lang: "en", meetmoment: "" } };
  const { result } = renderHook(() => useActivity(settings));
  let calls = 0;
  const f = async () => {
    calls++;
    if (calls === 1)
      throw Object.assign(new Error("x"), { code: "RequestPayloadSizeLimitExceeded" });
  };
  await act(() => result.current.act("Working", f));
  expect(result.current.error?.message).toMatch(/too large/i);
  await act(async () => result.current.error!.retry());
  expect(calls).toBe(2);
  expect(result.current.error).toBeNull();
});
