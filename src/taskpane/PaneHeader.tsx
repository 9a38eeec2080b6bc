/** The pane's title and subtitle, with the switch to the other language (named in that language). */
import { Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import type { Lang } from "../core/vocabulary";
import type { Strings } from "./strings";

const useStyles = makeStyles({
  // In a very narrow pane (200 % zoom) the language button goes under the title rather than squeeze it.
  header: {
    display: "flex",
    flexWrap: "wrap",
    justifyContent: "space-between",
    alignItems: "flex-start",
    gap: "8px",
  },
  title: { flex: "1 1 auto", minWidth: 0 },
  switch: { flexShrink: 0 },
  h1: {
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
    margin: 0,
  },
});

export interface PaneHeaderProps {
  s: Strings;
  lang: Lang;
  onLang: (lang: Lang) => void;
}

export function PaneHeader({ s, lang, onLang }: PaneHeaderProps) {
  const styles = useStyles();
  const other: Lang = lang === "nl" ? "en" : "nl";
  return (
    <header className={styles.header}>
      <div className={styles.title}>
        <h1 id="vv-title" className={styles.h1}>
          {s.appTitle}
        </h1>
        <Caption1>{s.appSubtitle}</Caption1>
      </div>
      <Button
        size="small"
        appearance="subtle"
        onClick={() => onLang(other)}
        lang={other}
        className={styles.switch}
      >
        {lang === "nl" ? s.settings.english : s.settings.dutch}
      </Button>
    </header>
  );
}
