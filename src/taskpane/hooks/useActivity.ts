/**
 * What the pane is doing: the action that runs (its label shows with a progress bar), the last error
 * (with a retry) and the last notice. `act` runs an action with all three handled, one at a time.
 */
import { useCallback, useState } from "react";
import { errorMessage, strings } from "../strings";
import type { SettingsRef } from "./useSettings";

export interface PaneError {
  message: string;
  retry: () => void;
}

export type Act = (label: string, f: () => Promise<void>) => Promise<void>;

export function useActivity(settings: SettingsRef) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<PaneError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const act: Act = useCallback(
    async (label: string, f: () => Promise<void>): Promise<void> => {
      setBusy(label);
      setError(null);
      setNotice(null);
      try {
        await f();
      } catch (e) {
        setError({
          message: errorMessage(e, strings(settings.current.lang)),
          retry: () => void act(label, f),
        });
      } finally {
        setBusy(null);
      }
    },
    [settings]
  );
  return { busy, error, setError, notice, setNotice, act };
}
