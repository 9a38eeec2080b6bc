/**
 * The live region of useAnnouncer: polite, atomic, visually hidden, and never inside a container marked
 * aria-busy (screen readers hold back changes there). An odd announcement ends in a no-break space, so
 * the same text twice in a row is still a change the screen reader reads.
 */
import { makeStyles } from "@fluentui/react-components";
import type { Announcement } from "./hooks/useAnnouncer";
import { visuallyHidden } from "./styles";

const useStyles = makeStyles({ hidden: visuallyHidden });

export function Announcer({ announcement }: { announcement: Announcement }) {
  const styles = useStyles();
  return (
    <div
      role="status"
      aria-live="polite"
      aria-atomic="true"
      className={styles.hidden}
      data-testid="announcer"
      id="vv-announcer"
    >
      {announcement.text}
      {announcement.n % 2 === 1 ? "\u00a0" : ""}
    </div>
  );
}
