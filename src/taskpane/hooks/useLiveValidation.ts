/**
 * Live validation: while it is on and the workbook is a template, every change in the workbook validates
 * again (quietly: the Validatie sheet is not activated) and the findings show in the pane. `active` says
 * whether Excel really watches; when starting fails, the error's retry starts it again.
 */
import { useEffect, useState } from "react";
import type { ValidateFlowResult } from "../../workbook/flows";
import type { TableChange } from "../../workbook/live-edits";
import { errorMessage, strings } from "../strings";
import type { Workbench } from "../workbench";
import type { Act, PaneError } from "./useActivity";
import { meetmomentOf, type SettingsRef } from "./useSettings";

export interface LiveValidationOptions {
  workbench: Workbench;
  /** The live setting. */
  live: boolean;
  isTemplate: boolean;
  settings: SettingsRef;
  act: Act;
  onResult: (result: ValidateFlowResult) => void;
  /** A live failure (after one retry), or null when a later live run succeeded (the banner goes). */
  onError: (error: PaneError | null) => void;
}

export function useLiveValidation(o: LiveValidationOptions): boolean {
  const { workbench, live, isTemplate, settings, act, onResult, onError } = o;
  const [active, setActive] = useState(false);
  /** Bumped to start live validation again after it failed to start. */
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let cancelled = false;
    const lang = () => settings.current.lang;
    // Only the rows edited since the last run are read again (src/excel/live-run.ts); the pane's
    // Valideer button keeps the full run.
    const revalidate = async (changes: TableChange[] = []) => {
      const r = await workbench.validate({
        lang: lang(),
        meetmoment: meetmomentOf(settings.current),
        annotate: true,
        quiet: true,
        changes,
      });
      if (!cancelled) onResult(r);
    };
    workbench
      .live(live && isTemplate, {
        onResult: revalidate,
        onError: (e) =>
          onError({
            message: errorMessage(e, strings(lang())),
            retry: () => void act(strings(lang()).validate.working, () => revalidate()),
          }),
        // A later live run succeeded: the failure it reported is over.
        onRecovered: () => !cancelled && onError(null),
      })
      .then((on) => !cancelled && setActive(on))
      .catch((e) => {
        if (cancelled) return;
        setActive(false);
        onError({
          message: errorMessage(e, strings(lang())),
          retry: () => setAttempt((n) => n + 1),
        });
      });
    return () => {
      cancelled = true;
    };
    // onResult and onError are state setters: stable, like the settings ref.
  }, [live, isTemplate, workbench, act, attempt, settings, onResult, onError]);
  return active;
}
