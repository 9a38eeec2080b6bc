/** What the open workbook is and what to do next, with a button to look again. */
import { Body1, Button, makeStyles, Text, tokens } from "@fluentui/react-components";
import { TEMPLATE_VERSION } from "../core/vocabulary";
import type { Strings } from "./strings";
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

/** The status in words and the next step; "checking" while it is not known yet. */
export function describeStatus(s: Strings, status: WorkbookStatus | null): [string, string] {
  if (!status) return [s.status.checking, ""];
  switch (status.kind) {
    case "template":
      return [s.status.template(status.version ?? TEMPLATE_VERSION), s.status.nextTemplate];
    case "outdated":
      return [s.status.outdated(status.version ?? "?", TEMPLATE_VERSION), s.status.nextOutdated];
    case "convertible":
      return [s.status.convertible, s.status.nextConvertible];
    default:
      return [s.status.empty, s.status.nextEmpty];
  }
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
      <Button size="small" appearance="subtle" onClick={onRefresh} disabled={disabled}>
        {s.status.refresh}
      </Button>
    </section>
  );
}
