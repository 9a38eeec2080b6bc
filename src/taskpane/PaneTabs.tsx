/** The pane's tabs; the selected tab's content goes in the one tab panel with id "panel". */
import { makeStyles, Tab, TabList } from "@fluentui/react-components";
import type { Strings } from "./strings";

const useStyles = makeStyles({
  // Five tabs do not fit a narrow pane on one line: they wrap instead of running off the edge.
  tabs: { flexWrap: "wrap" },
});

export const PANE_TABS = ["start", "validate", "overview", "keyFigures", "settings"] as const;
export type PaneTab = (typeof PANE_TABS)[number];

export interface PaneTabsProps {
  s: Strings;
  tab: PaneTab;
  onTab: (tab: PaneTab) => void;
}

export function PaneTabs({ s, tab, onTab }: PaneTabsProps) {
  const styles = useStyles();
  return (
    <TabList
      selectedValue={tab}
      onTabSelect={(_, d) => onTab(d.value as PaneTab)}
      aria-label={s.appTitle}
      size="small"
      className={styles.tabs}
    >
      {PANE_TABS.map((t) => (
        <Tab key={t} id={`tab-${t}`} value={t} aria-controls="panel">
          {s.tabs[t]}
        </Tab>
      ))}
    </TabList>
  );
}
