/** The pane's tabs; the selected tab's content goes in the one tab panel with id "panel". */
import { makeStyles, Tab, TabList } from "@fluentui/react-components";
import type { Strings } from "./strings";

const useStyles = makeStyles({
  // Five tabs do not fit a narrow pane on one line: the tab list scrolls sideways within itself (the
  // focused tab scrolls into view), as a tab list should, and the pane does not.
  tabs: {
    flexWrap: "nowrap",
    overflowX: "auto",
    overflowY: "hidden",
    maxWidth: "100%",
    scrollbarWidth: "thin",
    // Room for the focus outline, which the scrolling box would otherwise cut.
    padding: "2px",
  },
  tab: { flexShrink: 0 },
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
        <Tab key={t} id={`tab-${t}`} value={t} aria-controls="panel" className={styles.tab}>
          {s.tabs[t]}
        </Tab>
      ))}
    </TabList>
  );
}
