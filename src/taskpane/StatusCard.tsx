/** What the open workbook is and what to do next, with a button to look again. */
import { Body1, Button, makeStyles, Text, tokens } from "@fluentui/react-components";
import type { Strings } from "./strings";
import { describeStatus } from "./status-text";
import { heading2 } from "./styles";
import type { WorkbookStatus } from "./workbench";

const useStyles = makeStyles({
  card: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: "8px 12px",
    background: tokens.colorNeutralBackground2,
  },
  h2: heading2,
});

export interface StatusCardProps {
  s: Strings;
  status: WorkbookStatus | null;
  /** The meetmoment setting, shown when the workbook has none. */
  meetmoment: string | null;
  onRefresh: () => void;
  disabled: boolean;
}

export function StatusCard({ s, status, meetmoment, onRefresh, disabled }: StatusCardProps) {
  const styles = useStyles();
  const [what, next] = describeStatus(s, status);
  return (
    <section className={styles.card} aria-labelledby="vv-status">
      <h2 id="vv-status" className={styles.h2}>
        {s.status.heading}
      </h2>
      <Text weight="semibold" data-testid="status-kind">
        {what}
      </Text>
      {status && <Body1 block>{s.status.meetmoment(status.meetmoment ?? meetmoment)}</Body1>}
      {next && (
        <Body1 block>
          <strong>{s.status.next}</strong> {next}
        </Body1>
      )}
      <Button size="small" appearance="subtle" onClick={onRefresh} disabledFocusable={disabled}>
        {s.status.refresh}
      </Button>
    </section>
  );
}
