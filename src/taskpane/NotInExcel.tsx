/** Shown when the page is opened outside Excel (or office.js did not load): what to do instead. */
import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  webLightTheme,
} from "@fluentui/react-components";
import type { Lang } from "../core/vocabulary";
import { strings } from "./strings";

export function NotInExcel({ lang = "nl" }: { lang?: Lang }) {
  const s = strings(lang);
  return (
    <FluentProvider theme={webLightTheme} lang={lang}>
      <main style={{ padding: 12 }} aria-labelledby="vv-title">
        <h1 id="vv-title" style={{ fontSize: 20, margin: "0 0 8px 0" }}>
          {s.appTitle}
        </h1>
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{s.errors.notInExcel}</MessageBarBody>
        </MessageBar>
      </main>
    </FluentProvider>
  );
}
