/** Rendering one pane component as App does: inside Fluent's provider, with the Dutch or English strings. */
import type { ReactElement } from "react";
import { render } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { strings } from "../../src/taskpane/strings";

export const nl = strings("nl");
export const en = strings("en");

export function renderInPane(ui: ReactElement) {
  return render(<FluentProvider theme={webLightTheme}>{ui}</FluentProvider>);
}
