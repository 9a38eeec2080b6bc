/**
 * Validation on request: whether to annotate the sheets, the last result (also set by live validation,
 * which says its counts only when they changed), the severity filter and the open groups of the findings
 * (kept here, so they stay open when the user switches tabs), and selecting a finding's cell in Excel,
 * confirmed in words. After Valideren focus goes to the summary.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { Lang } from "../../core/vocabulary";
import type { Finding } from "../../core/findings";
import type { ValidateFlowResult } from "../../workbook/flows";
import { FINDINGS_SUMMARY } from "../ids";
import { errorMessage, strings, type Strings } from "../strings";
import type { Workbench } from "../workbench";
import { sheetNotes } from "../sheet-notes";
import type { Act, PaneError } from "./useActivity";
import type { Announce } from "./useAnnouncer";
import { meetmomentOf, type SettingsRef } from "./useSettings";

export type SeverityFilter = "all" | "error" | "warning";

/** What a validation found, in one line. */
export function summaryText(s: Strings, r: ValidateFlowResult): string {
  return r.findings.length === 0 ? s.validate.ok : s.validate.summary(r.errors, r.warnings);
}

export function useValidation(
  workbench: Workbench,
  act: Act,
  settings: SettingsRef,
  announce: Announce,
  lang: Lang,
  onError: (e: PaneError) => void
) {
  const [result, setResultState] = useState<ValidateFlowResult | null>(null);
  const [filter, setFilter] = useState<SeverityFilter>("all");
  const [annotate, setAnnotate] = useState(true);
  const [open, setOpen] = useState<string[]>([]);
  const last = useRef<ValidateFlowResult | null>(null);
  const setResult = useCallback((r: ValidateFlowResult | null) => {
    last.current = r;
    setResultState(r);
  }, []);

  const run = () =>
    act(
      strings(settings.current.lang).validate.working,
      async () => {
        const r = await workbench.validate({
          lang: settings.current.lang,
          meetmoment: meetmomentOf(settings.current),
          annotate,
        });
        setResult(r);
        const t = strings(settings.current.lang);
        return [summaryText(t, r), ...sheetNotes(t, r)].join(" ");
      },
      [FINDINGS_SUMMARY]
    );

  /** A result of live validation: said only when its counts differ from the last result's. */
  const setLiveResult = useCallback(
    (r: ValidateFlowResult) => {
      const before = last.current;
      if (!before || before.errors !== r.errors || before.warnings !== r.warnings)
        announce(strings(settings.current.lang).validate.liveSummary(r.errors, r.warnings));
      setResult(r);
    },
    [announce, settings, setResult]
  );

  /**
   * The findings again in the language the pane switched to (a finding's message is written in one
   * language): read only, the marks in the workbook follow at the next validation. Quietly, not as an
   * action: the error or notice on screen stays (in the new language); a failure is shown with a retry.
   */
  const retell = async (): Promise<void> => {
    try {
      setResult(
        await workbench.validate({
          lang: settings.current.lang,
          meetmoment: meetmomentOf(settings.current),
          annotate: false,
          quiet: true,
        })
      );
    } catch (e) {
      onError({
        message: errorMessage(e, strings(settings.current.lang)),
        cause: e,
        retry: () => void retell(),
      });
    }
  };

  // A language switch with findings on screen tells them again in the new language.
  const shownLang = useRef(lang);
  useEffect(() => {
    if (lang === shownLang.current) return;
    shownLang.current = lang;
    if (last.current && last.current.findings.length > 0) void retell();
    // retell reads everything it needs when it runs: only a new language starts it.
  }, [lang]);

  const select = (f: Finding) => {
    if (!f.cell) return;
    const s = strings(settings.current.lang);
    const where = `${f.sheet}!${f.cell}`;
    void act(s.validate.selecting(where), async () => {
      await workbench.select(f.sheet, f.cell!);
      return s.validate.selected(where);
    });
  };
  return {
    result,
    setResult,
    setLiveResult,
    filter,
    setFilter,
    annotate,
    setAnnotate,
    open,
    setOpen,
    run,
    retell,
    select,
  };
}
