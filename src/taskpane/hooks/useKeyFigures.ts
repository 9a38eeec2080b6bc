/**
 * The Kerncijfers tab's work: build the key figures (against the previous meting when one was picked),
 * read the previous meting's workbook from a picked file (in the browser, never sent anywhere), compare.
 * Each says its outcome; forgetting the previous meting puts focus back on the file picker.
 */
import { useState } from "react";
import type { Lang } from "../../core/vocabulary";
import type { ComparisonResult, KeyFiguresResult } from "../../workbook/flows";
import { PREVIOUS_FILE } from "../ids";
import { fileBytes, readPreviousWorkbook, type PreviousWorkbook } from "../previous-workbook";
import type { Strings } from "../strings";
import type { Workbench } from "../workbench";
import type { Act, Say } from "./useActivity";
import type { RequestFocus } from "./useFocusRequest";

export interface KeyFiguresOptions {
  s: Strings;
  lang: Lang;
  workbench: Workbench;
  meetmoment: string | null;
  run: Act;
  onNotice: (say: Say) => void;
  requestFocus: RequestFocus;
}

/** The comparison in one sentence, with what could not be read. */
export function comparisonSummary(s: Strings, comparison: ComparisonResult): string {
  const c = comparison.comparison;
  const t = s.keyFigures;
  const changes = t.changes(
    c.projects.length,
    c.milestones.completed.length,
    c.milestones.delayed.length,
    c.milestones.added.length,
    c.milestones.removed.length
  );
  return comparison.gaps.length > 0 ? `${changes} ${t.gaps(comparison.gaps.length)}` : changes;
}

export function useKeyFigures(o: KeyFiguresOptions) {
  const { s, lang, workbench, meetmoment, run, onNotice } = o;
  const t = s.keyFigures;
  const [previous, setPrevious] = useState<PreviousWorkbook | null>(null);
  const [figures, setFigures] = useState<KeyFiguresResult | null>(null);
  const [comparison, setComparison] = useState<ComparisonResult | null>(null);

  const build = () =>
    run(t.working, async () => {
      setFigures(await workbench.keyFigures({ lang, meetmoment, previous }));
      onNotice((x) => x.keyFigures.done);
    });

  const pick = (file: File | undefined) => {
    if (!file) return;
    void run(t.reading, async () => {
      setPrevious(null);
      setComparison(null);
      const p = await readPreviousWorkbook(file.name, await fileBytes(file), lang);
      setPrevious(p);
      return t.loaded(p.name, p.snapshot.stamp?.meetmoment ?? null);
    });
  };

  const compare = () =>
    run(t.comparing, async () => {
      if (!previous) return;
      const r = await workbench.compare({ lang, meetmoment, previous });
      setComparison(r);
      onNotice((x) => x.keyFigures.compared);
      return comparisonSummary(s, r);
    });

  const clear = () => {
    setPrevious(null);
    setComparison(null);
    o.requestFocus(PREVIOUS_FILE);
  };
  return { previous, figures, comparison, build, pick, compare, clear };
}
