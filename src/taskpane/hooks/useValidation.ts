/**
 * Validation on request: whether to annotate the sheets, the last result (also set by live validation),
 * the severity filter of the findings, and selecting a finding's cell in Excel.
 */
import { useState } from "react";
import type { Finding } from "../../core/findings";
import type { ValidateFlowResult } from "../../workbook/flows";
import { strings } from "../strings";
import type { Workbench } from "../workbench";
import type { Act } from "./useActivity";
import { meetmomentOf, type SettingsRef } from "./useSettings";

export type SeverityFilter = "all" | "error" | "warning";

export function useValidation(workbench: Workbench, act: Act, settings: SettingsRef) {
  const [result, setResult] = useState<ValidateFlowResult | null>(null);
  const [filter, setFilter] = useState<SeverityFilter>("all");
  const [annotate, setAnnotate] = useState(true);

  const run = () =>
    act(strings(settings.current.lang).validate.working, async () => {
      setResult(
        await workbench.validate({
          lang: settings.current.lang,
          meetmoment: meetmomentOf(settings.current),
          annotate,
        })
      );
    });

  const select = (f: Finding) => {
    if (!f.cell) return;
    void act(strings(settings.current.lang).busy, () => workbench.select(f.sheet, f.cell!));
  };
  return { result, setResult, filter, setFilter, annotate, setAnnotate, run, select };
}
