/**
 * What the open workbook is (template, older template, data to convert, empty), read at start and on
 * refresh (which says what it found); the meetmoment setting takes the workbook's when the user has not
 * typed one. Saving the meetmoment writes it into the workbook's stamp and reads the status again.
 */
import { useCallback, useEffect, useState } from "react";
import { describeStatus } from "../status-text";
import { strings } from "../strings";
import type { Workbench, WorkbookStatus } from "../workbench";
import type { Act } from "./useActivity";
import { meetmomentOf, type SettingsRef } from "./useSettings";

export function useWorkbookStatus(
  workbench: Workbench,
  act: Act,
  settings: SettingsRef,
  setMeetmoment: (meetmoment: string) => void
) {
  const [status, setStatus] = useState<WorkbookStatus | null>(null);

  const refresh = useCallback(
    () =>
      act(strings(settings.current.lang).status.checking, async () => {
        const st = await workbench.status();
        setStatus(st);
        if (st.meetmoment && settings.current.meetmoment === "") setMeetmoment(st.meetmoment);
        const s = strings(settings.current.lang);
        return s.status.read(...describeStatus(s, st));
      }),
    [act, workbench, settings, setMeetmoment]
  );

  useEffect(() => {
    void refresh();
  }, [refresh]);

  /** Read the status again inside an action that changed the workbook. */
  const reload = async () => setStatus(await workbench.status());

  const saveMeetmoment = (onSaved: () => void) => {
    const s = strings(settings.current.lang);
    return act(s.busy, async () => {
      await workbench.saveMeetmoment({
        lang: settings.current.lang,
        meetmoment: meetmomentOf(settings.current),
      });
      await reload();
      onSaved();
    });
  };
  return { status, refresh, reload, saveMeetmoment };
}
