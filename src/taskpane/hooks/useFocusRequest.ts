/**
 * Where focus goes after an action (WCAG 2.4.3): a request names its target (an element id, or several in
 * order of preference) and is carried out after React has drawn the result, so the target exists. A target
 * that is missing falls through to the next; when none exists, focus stays where it is, unless it fell to
 * <body> (its element was removed), then it goes to the success bar or the selected tab, which always exists.
 */
import { useCallback, useEffect, useState } from "react";

/** Where focus that fell to <body> goes: the success bar when there is one, else the selected tab (always there). */
const RESCUE_ID = "vv-notice";
export const FALLBACK_SELECTOR = '[role="tab"][aria-selected="true"]';

interface Request {
  targets: readonly string[];
  n: number;
}

export type RequestFocus = (...targets: string[]) => void;

/** Focus the first existing target; with none, rescue focus that fell to <body>. */
export function focusFirst(targets: readonly string[]): void {
  for (const id of targets) {
    const el = document.getElementById(id);
    if (el && el.isConnected) {
      el.focus();
      return;
    }
  }
  const active = document.activeElement;
  if (active && active !== document.body && active.isConnected) return;
  (
    document.getElementById(RESCUE_ID) ?? document.querySelector<HTMLElement>(FALLBACK_SELECTOR)
  )?.focus();
}

export function useFocusRequest(): RequestFocus {
  const [request, setRequest] = useState<Request>({ targets: [], n: 0 });
  useEffect(() => {
    if (request.n > 0) focusFirst(request.targets);
  }, [request]);
  return useCallback((...targets: string[]) => setRequest((r) => ({ targets, n: r.n + 1 })), []);
}
