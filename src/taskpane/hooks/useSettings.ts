/**
 * The pane's settings: language, meetmoment (as typed, a date or empty) and live validation on or off.
 * Work that runs later (live validation, a retry) reads them through `current`, as they are when it runs.
 * The page's lang attribute follows the language, so screen readers speak the pane with the right voice.
 */
import { useEffect, useRef, useState, type MutableRefObject } from "react";
import type { Lang } from "../../core/vocabulary";

export interface SettingsNow {
  lang: Lang;
  meetmoment: string;
}
export type SettingsRef = MutableRefObject<SettingsNow>;

/** The meetmoment to use: null when left empty (the flows then take the workbook's or today's). */
export function meetmomentOf(now: SettingsNow): string | null {
  return now.meetmoment.trim() === "" ? null : now.meetmoment.trim();
}

export function useSettings(initialLang: Lang, initialLive: boolean) {
  const [lang, setLang] = useState<Lang>(initialLang);
  const [meetmoment, setMeetmoment] = useState<string>("");
  const [live, setLive] = useState(initialLive);
  const current = useRef<SettingsNow>({ lang, meetmoment });
  current.current = { lang, meetmoment };
  useEffect(() => {
    if (typeof document !== "undefined") document.documentElement.lang = lang;
  }, [lang]);
  return { lang, setLang, meetmoment, setMeetmoment, live, setLive, current };
}
