/**
 * The Kerncijfers tab's work: build the key figures (against the previous meting when one was picked),
 * read the previous meting's workbook from a picked file (in the browser, never sent anywhere), compare.
 */
import { useState } from "react";
import type { Lang } from "../../core/vocabulary";
import type { ComparisonResult, KeyFiguresResult } from "../../workbook/flows";
import { fileBytes, readPreviousWorkbook, type PreviousWorkbook } from "../previous-workbook";
import type { Strings } from "../strings";
import type { Workbench } from "../workbench";
import type { Act } from "./useActivity";

export interface KeyFiguresOptions {
  s: Strings;
  lang: Lang;
  workbench: Workbench;
  meetmoment: string | null;
  run: Act;
  onNotice: (text: string) => void;
}

export function useKeyFigures({
  s,
  lang,
  workbench,
  meetmoment,
  run,
  onNotice,
}: KeyFiguresOptions) {
  const t = s.keyFigures;
  const [previous, setPrevious] = useState<PreviousWorkbook | null>(null);
  const [figures, setFigures] = useState<KeyFiguresResult | null>(null);
  const [comparison, setComparison] = useState<ComparisonResult | null>(null);

  const build = () =>
    run(t.working, async () => {
      setFigures(await workbench.keyFigures({ lang, meetmoment, previous }));
      onNotice(t.done);
    });

  const pick = (file: File | undefined) => {
    if (!file) return;
    void run(t.reading, async () => {
      setPrevious(null);
      setComparison(null);
      setPrevious(await readPreviousWorkbook(file.name, await fileBytes(file), lang));
    });
  };

  const compare = () =>
    run(t.comparing, async () => {
      if (!previous) return;
      setComparison(await workbench.compare({ lang, meetmoment, previous }));
      onNotice(t.compared);
    });

  const clear = () => (setPrevious(null), setComparison(null));
  return { previous, figures, comparison, build, pick, compare, clear };
}
