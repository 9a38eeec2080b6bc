/**
 * The live region of useAnnouncer: polite, atomic, visually hidden, and never inside a container marked
 * aria-busy (screen readers hold back changes there). An odd announcement ends in a no-break space, so
 * the same text twice in a row is still a change the screen reader reads.
 */
import { makeStyles } from "@fluentui/react-components";
import type { Announcement } from "./hooks/useAnnouncer";

const useStyles = makeStyles({
  // The usual visually-hidden rules: read, not seen, takes no room.
  hidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    padding: 0,
    overflow: "hidden",
    clip: "rect(0, 0, 0, 0)",
    whiteSpace: "nowrap",
    border: 0,
  },
});

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
