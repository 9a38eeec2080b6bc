/**
 * The task pane's Kerncijfers tab: build the Kerncijfers sheet (figures, the sentences for the Mededeling,
 * charts), pick the previous meting's workbook (read here in the browser, never sent anywhere) and compare
 * with it (the Vergelijking sheet). The sentences show in the pane too, to copy.
 */
import { Body1, Button, Caption1, Label, makeStyles, tokens } from "@fluentui/react-components";
import type { Lang } from "../core/vocabulary";
import type { KeyFiguresResult } from "../workbook/flows";
import type { Say } from "./hooks/useActivity";
import type { RequestFocus } from "./hooks/useFocusRequest";
import { comparisonSummary, useKeyFigures } from "./hooks/useKeyFigures";
import { PREVIOUS_FILE } from "./ids";
import type { Strings } from "./strings";
import { heading2, heading3, row, section } from "./styles";
import type { Workbench } from "./workbench";

const useStyles = makeStyles({
  section,
  row,
  h2: heading2,
  h3: heading3,
  file: { fontSize: tokens.fontSizeBase200, maxWidth: "100%" },
  sentences: {
    margin: 0,
    paddingLeft: "18px",
    display: "flex",
    flexDirection: "column",
    gap: "4px",
  },
});

export interface KeyFiguresPanelProps {
  s: Strings;
  lang: Lang;
  workbench: Workbench;
  meetmoment: string | null;
  busy: boolean;
  /** Runs an action with the pane's progress and error handling. */
  run: (label: string, f: () => Promise<void>) => Promise<void>;
  onNotice: (say: Say) => void;
  requestFocus: RequestFocus;
}

export function KeyFiguresPanel(props: KeyFiguresPanelProps) {
  const { s, busy } = props;
  const t = s.keyFigures;
  const styles = useStyles();
  const fileId = PREVIOUS_FILE;
  const { previous, figures, comparison, build, pick, compare, clear } = useKeyFigures(props);

  return (
    <section className={styles.section} aria-labelledby="vv-keyfigures">
      <h2 id="vv-keyfigures" className={styles.h2}>
        {t.title}
      </h2>
      <Body1>{t.intro}</Body1>
      <div className={styles.row}>
        <Button appearance="primary" onClick={() => void build()} disabledFocusable={busy}>
          {t.build}
        </Button>
      </div>
      <Label htmlFor={fileId}>{t.previous}</Label>
      <input
        id={fileId}
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        className={styles.file}
        aria-describedby={`${fileId}-hint`}
        // Not disabled while busy: focus would fall to <body>; a file picked meanwhile waits for the next pick.
        onChange={(e) => {
          if (!busy) pick(e.currentTarget.files?.[0]);
          e.currentTarget.value = "";
        }}
      />
      <Caption1 id={`${fileId}-hint`}>{t.previousHint}</Caption1>
      {previous && (
        <>
          <Body1 data-testid="previous-workbook">
            {t.loaded(previous.name, previous.snapshot.stamp?.meetmoment ?? null)}
          </Body1>
          <div className={styles.row}>
            <Button onClick={() => void compare()} disabledFocusable={busy}>
              {t.compare}
            </Button>
            <Button appearance="subtle" onClick={clear} disabledFocusable={busy}>
              {t.clear}
            </Button>
          </div>
        </>
      )}
      {comparison && (
        <Body1 data-testid="comparison-summary">{comparisonSummary(s, comparison)}</Body1>
      )}
      {figures && <Sentences s={s} figures={figures} />}
    </section>
  );
}

/** The sentences for the Mededeling, to copy, and how many figures could not be computed. */
function Sentences({ s, figures }: { s: Strings; figures: KeyFiguresResult }) {
  const styles = useStyles();
  const t = s.keyFigures;
  const sentences = [...figures.text.projects, ...figures.text.milestones, ...figures.text.finance];
  return (
    <>
      <h3 className={styles.h3}>{t.sentences}</h3>
      <ul className={styles.sentences} data-testid="key-figure-sentences">
        {sentences.map((x, i) => (
          <li key={i}>
            <Body1>{x}</Body1>
          </li>
        ))}
      </ul>
      {figures.gaps.length > 0 && <Caption1>{t.gaps(figures.gaps.length)}</Caption1>}
    </>
  );
}
