/** The pane's title and subtitle, with the switch to the other language (named in that language). */
import { Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import type { Lang } from "../core/vocabulary";
import type { Strings } from "./strings";

const useStyles = makeStyles({
  header: {
    display: "flex",
    justifyContent: "space-between",
    alignItems: "flex-start",
    gap: "8px",
  },
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
      <div>
        <h1 id="vv-title" className={styles.h1}>
          {s.appTitle}
        </h1>
        <Caption1>{s.appSubtitle}</Caption1>
      </div>
      <Button size="small" appearance="subtle" onClick={() => onLang(other)} lang={other}>
        {lang === "nl" ? s.settings.english : s.settings.dutch}
      </Button>
    </header>
  );
}
