/** The Overzicht tab: build the overview sheet with the add-in's functions or with plain formulas. */
import { Body1, Button, Field, makeStyles, Radio, RadioGroup } from "@fluentui/react-components";
import type { OverviewMode } from "../excel/flows";
import type { Strings } from "./strings";
import { heading2, row } from "./styles";

const useStyles = makeStyles({ row, h2: heading2 });

export interface OverviewPanelProps {
  s: Strings;
  busy: boolean;
  mode: OverviewMode;
  onMode: (mode: OverviewMode) => void;
  onBuild: () => void;
}

export function OverviewPanel({ s, busy, mode, onMode, onBuild }: OverviewPanelProps) {
  const styles = useStyles();
  return (
    <>
      <h2 className={styles.h2}>{s.overview.title}</h2>
      <Body1>{s.overview.intro}</Body1>
      <Field label={s.overview.mode}>
        <RadioGroup value={mode} onChange={(_, d) => onMode(d.value as OverviewMode)}>
          <Radio value="functions" label={s.overview.functions} />
          <Radio value="formulas" label={s.overview.formulas} />
        </RadioGroup>
      </Field>
      <div className={styles.row}>
        <Button appearance="primary" onClick={onBuild} disabledFocusable={busy}>
          {s.overview.build}
        </Button>
      </div>
    </>
  );
}
