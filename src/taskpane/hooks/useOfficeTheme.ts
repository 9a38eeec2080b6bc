/**
 * Office's theme, followed: Office.context.officeTheme at start and Office.EventType.OfficeThemeChanged
 * afterwards. A dark body background (Office's Dark Grey and Black themes) gives Fluent's dark theme, a
 * light one (White, Colorful) the light theme; outside Office, or when Office tells nothing, light. The
 * page's own background follows, so no light margin shows around a dark pane.
 */
import { useEffect, useState } from "react";
import { webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";

export type PaneTheme = "light" | "dark";

/** What the pane needs of Office (the global Office, or a test's stand-in). */
export interface OfficeThemeSource {
  context?: {
    officeTheme?: { bodyBackgroundColor?: string } | null;
    document?: {
      addHandlerAsync?: (
        type: string,
        handler: (e: { officeTheme?: { bodyBackgroundColor?: string } }) => void,
        callback?: (r: { status: string }) => void
      ) => void;
      removeHandlerAsync?: (type: string, options?: unknown) => void;
    };
  };
  EventType?: { OfficeThemeChanged?: string };
}

/** Relative luminance of a #rrggbb colour (WCAG), null when it is not one. */
function luminance(hex: string): number | null {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return null;
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(m[1].slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Dark when Office's body background is dark (below mid-grey, #777 ≈ 0.18). */
export function themeOf(background: string | undefined | null): PaneTheme {
  const l = background ? luminance(background) : null;
  return l !== null && l < 0.18 ? "dark" : "light";
}

export const FLUENT_THEME: Record<PaneTheme, Theme> = { light: webLightTheme, dark: webDarkTheme };

function globalOffice(): OfficeThemeSource | undefined {
  return typeof Office === "undefined" ? undefined : (Office as unknown as OfficeThemeSource);
}

export function useOfficeTheme(office: OfficeThemeSource | undefined = globalOffice()): PaneTheme {
  const [theme, setTheme] = useState<PaneTheme>(() =>
    themeOf(office?.context?.officeTheme?.bodyBackgroundColor)
  );
  useEffect(() => {
    const type = office?.EventType?.OfficeThemeChanged;
    const doc = office?.context?.document;
    if (!type || !doc?.addHandlerAsync) return;
    let on = true;
    // Hosts without the event answer with a failed status: the theme read at start stays.
    doc.addHandlerAsync(type, (e) => {
      if (on) setTheme(themeOf(e.officeTheme?.bodyBackgroundColor));
    });
    return () => {
      on = false;
      doc.removeHandlerAsync?.(type);
    };
  }, [office]);

  useEffect(() => {
    if (typeof document === "undefined") return;
    const t = FLUENT_THEME[theme];
    document.body.style.background = t.colorNeutralBackground1;
    document.body.style.color = t.colorNeutralForeground1;
    document.documentElement.style.colorScheme = theme;
  }, [theme]);
  return theme;
}
