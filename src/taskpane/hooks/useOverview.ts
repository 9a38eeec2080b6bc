/** The Overzicht tab's choice (custom functions or plain formulas) and building the sheet with it. */
import { useState } from "react";
import type { OverviewMode } from "../../excel/flows";
import { strings } from "../strings";
import type { Workbench } from "../workbench";
import type { Act, Say } from "./useActivity";
import type { SettingsRef } from "./useSettings";

export function useOverview(
  workbench: Workbench,
  act: Act,
  settings: SettingsRef,
  onNotice: (say: Say) => void
) {
  const [mode, setMode] = useState<OverviewMode>("functions");
  const build = () => {
    const s = strings(settings.current.lang);
    return act(s.overview.working, async () => {
      await workbench.overview({ lang: settings.current.lang, mode });
      onNotice((t) => t.overview.done);
    });
  };
  return { mode, setMode, build };
}
