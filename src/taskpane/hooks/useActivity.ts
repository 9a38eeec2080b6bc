/**
 * What the pane is doing: the action that runs (its label shows with a progress bar), the last error
 * (with a retry when trying again can help) and the last notice. `act` runs an action with all three
 * handled, one at a time; what it returns is its outcome, said once by the announcer; afterwards focus
 * goes to the error bar, to the action's result (`focus`: element ids), or stays on the control that
 * started it. Errors and notices are kept as their cause and as a text in any language, so switching the
 * language changes them too.
 */
import { useCallback, useState } from "react";
import { ERROR_BAR } from "../ids";
import { errorMessage, strings, type Strings } from "../strings";
import type { Announce } from "./useAnnouncer";
import type { RequestFocus } from "./useFocusRequest";
import type { SettingsRef } from "./useSettings";

export interface PaneError {
  message: string;
  /** Offered only when trying again can help (canRetry of its cause: a picked PDF fails the same way). */
  retry: () => void;
  /** What failed, to say it again in the language the pane switches to. */
  cause?: unknown;
}

/** A text in the pane's language at the time it is shown. */
export type Say = (s: Strings) => string;

/**
 * Run an action. `f` returns its outcome to announce (or nothing: its notice, if any, is announced);
 * `focus` are the ids of its result, in order of preference.
 */
export type Act = {
  // Method syntax, so that an action returning nothing (Promise<void>) is an Act's `f` too.
  act(label: string, f: () => Promise<string | void>, focus?: readonly string[]): Promise<void>;
}["act"];

/** The error's text in the pane's language: said again from its cause when it has one. */
export function errorText(error: PaneError, s: Strings): string {
  return error.cause !== undefined ? errorMessage(error.cause, s) : error.message;
}

export function useActivity(settings: SettingsRef, announce: Announce, requestFocus: RequestFocus) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setErrorState] = useState<PaneError | null>(null);
  const [notice, setNoticeState] = useState<Say | null>(null);
  const s = () => strings(settings.current.lang);

  /** Show (and say) an error, or clear it. */
  const setError = useCallback(
    (e: PaneError | null) => {
      setErrorState(e);
      if (e) announce(`${s().errors.title}: ${errorText(e, s())}`);
    },
    [announce, settings]
  );

  /** Show (and say) a notice, or clear it. */
  const setNotice = useCallback(
    (say: Say | null) => {
      setNoticeState(() => say);
      if (say) announce(say(s()));
    },
    [announce, settings]
  );

  const act: Act = useCallback(
    async (label, f, focus = []) => {
      // Focus is looked after only for an action the user started from the pane (not at start, not live).
      const active = typeof document === "undefined" ? null : document.activeElement;
      const fromPane = !!active && active !== document.body;
      setBusy(label);
      setErrorState(null);
      setNoticeState(null);
      try {
        const outcome = await f();
        if (outcome) announce(outcome);
        if (fromPane) requestFocus(...focus);
      } catch (e) {
        setError({
          message: errorMessage(e, s()),
          cause: e,
          retry: () => void act(label, f, focus),
        });
        if (fromPane) requestFocus(ERROR_BAR);
      } finally {
        setBusy(null);
      }
    },
    [settings, announce, requestFocus, setError]
  );
  return { busy, error, setError, notice, setNotice, act };
}
