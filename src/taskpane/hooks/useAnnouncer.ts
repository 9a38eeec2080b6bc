/**
 * The pane's one voice for screen readers (WCAG 4.1.3): every outcome (a result with its counts, a success,
 * an error, a change found by live validation) is said once, politely, through the live region that
 * Announcer renders outside any busy container. Texts said within a moment of each other are joined, so a
 * second text does not cut off the first; the same text said twice is still a change of the region.
 */
import { useCallback, useEffect, useRef, useState } from "react";

export type Announce = (text: string) => void;

export interface Announcement {
  text: string;
  /** Counts every announcement, so the same text twice is rendered differently (see Announcer). */
  n: number;
}

/** How long texts are gathered into one announcement. */
const GATHER_MS = 100;

export function useAnnouncer(): { announcement: Announcement; announce: Announce } {
  const [announcement, setAnnouncement] = useState<Announcement>({ text: "", n: 0 });
  const pending = useRef<string[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const announce = useCallback<Announce>((text) => {
    const t = text.trim();
    if (!t || pending.current.includes(t)) return;
    pending.current.push(t);
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      const joined = pending.current.join(" ");
      pending.current = [];
      setAnnouncement((a) => ({ text: joined, n: a.n + 1 }));
    }, GATHER_MS);
  }, []);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    []
  );
  return { announcement, announce };
}
