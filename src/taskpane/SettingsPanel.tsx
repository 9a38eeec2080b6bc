/**
 * The Instellingen tab: the meetmoment (with a save button when it differs from the workbook's stamp),
 * the language and live validation.
 */
import {
  Button,
  Field,
  Input,
  makeStyles,
  Radio,
  RadioGroup,
  Switch,
} from "@fluentui/react-components";
import type { Lang } from "../core/vocabulary";
import type { Strings } from "./strings";
import { row } from "./styles";
import type { WorkbookStatus } from "./workbench";

// A date field shrinks with the pane (Chromium's date input is 170 px wide by itself).
const useStyles = makeStyles({
  row,
  date: { minWidth: 0, maxWidth: "100%" },
  dateInput: { minWidth: 0 },
});

export interface SettingsPanelProps {
  s: Strings;
  status: WorkbookStatus | null;
  busy: boolean;
  /** As typed (a date or empty). */
  meetmoment: string;
  onMeetmoment: (meetmoment: string) => void;
  /** The meetmoment to use: null when empty. */
  meetmomentSetting: string | null;
  onSave: () => void;
  lang: Lang;
  onLang: (lang: Lang) => void;
  live: boolean;
  onLive: (live: boolean) => void;
}

export function SettingsPanel(props: SettingsPanelProps) {
  const { s, status } = props;
  const styles = useStyles();
  const unsaved =
    status?.kind === "template" && props.meetmomentSetting !== (status.meetmoment ?? null);
  return (
    <>
      <Field label={s.settings.meetmoment} hint={s.settings.meetmomentHint}>
        <Input
          className={styles.date}
          input={{ className: styles.dateInput }}
          type="date"
          value={props.meetmoment}
          onChange={(_, d) => props.onMeetmoment(d.value)}
        />
      </Field>
      {unsaved && (
        <div className={styles.row}>
          <Button onClick={props.onSave} disabledFocusable={props.busy}>
            {s.settings.save}
          </Button>
        </div>
      )}
      <Field label={s.settings.language}>
        <RadioGroup value={props.lang} onChange={(_, d) => props.onLang(d.value as Lang)}>
          <Radio value="nl" label={s.settings.dutch} />
          <Radio value="en" label={s.settings.english} />
        </RadioGroup>
      </Field>
      <Field label={s.settings.live} hint={s.settings.liveHint}>
        <Switch checked={props.live} onChange={(_, d) => props.onLive(d.checked)} />
      </Field>
    </>
  );
}
