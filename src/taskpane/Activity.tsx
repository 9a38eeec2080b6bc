/**
 * What the pane is doing (progress with its label, announced politely), the last error and the last
 * notice. The bars can take focus (tabIndex -1), so that focus goes to them after an action; the outcome
 * itself is said by the pane's announcer, not by these bars.
 */
import {
  Button,
  Caption1,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
} from "@fluentui/react-components";
import { errorText, type PaneError } from "./hooks/useActivity";
import { ERROR_BAR, NOTICE_BAR } from "./ids";
import { canRetry, type Strings } from "./strings";

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
        <MessageBar intent="error" layout="multiline" id={ERROR_BAR} tabIndex={-1}>
          <MessageBarBody>
            <MessageBarTitle>{s.errors.title}</MessageBarTitle>
            {errorText(error, s)}
          </MessageBarBody>
          <MessageBarActions>
            {canRetry(error.cause) && (
              <Button size="small" onClick={error.retry}>
                {s.errors.retry}
              </Button>
            )}
            <Button size="small" appearance="transparent" onClick={onDismissError}>
              {s.errors.dismiss}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {notice && (
        <MessageBar intent="success" layout="multiline" id={NOTICE_BAR} tabIndex={-1}>
          <MessageBarBody>
            <MessageBarTitle>{s.done}</MessageBarTitle>
            {notice}
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
