/** What the pane is doing (progress with its label, announced politely), the last error and the last notice. */
import {
  Button,
  Caption1,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
} from "@fluentui/react-components";
import type { PaneError } from "./hooks/useActivity";
import type { Strings } from "./strings";

export interface ActivityProps {
  s: Strings;
  busy: string | null;
  error: PaneError | null;
  notice: string | null;
  onDismissError: () => void;
}

export function Activity({ s, busy, error, notice, onDismissError }: ActivityProps) {
  return (
    <>
      <div aria-live="polite">
        {busy && <ProgressBar thickness="large" aria-label={busy} />}
        {busy && <Caption1>{busy}</Caption1>}
      </div>
      {error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{s.errors.title}</MessageBarTitle>
            {error.message}
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={error.retry}>
              {s.errors.retry}
            </Button>
            <Button size="small" appearance="transparent" onClick={onDismissError}>
              {s.errors.dismiss}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {notice && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
