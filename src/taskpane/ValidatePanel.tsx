/** The Valideren tab: annotate or not, validate now, whether live validation runs, and the findings. */
import { Button, Caption1, Checkbox, makeStyles } from "@fluentui/react-components";
import type { Finding } from "../core/findings";
import type { Lang } from "../core/vocabulary";
import type { ValidateFlowResult } from "../workbook/flows";
import { Findings } from "./Findings";
import type { SeverityFilter } from "./hooks/useValidation";
import type { Strings } from "./strings";
import { sheetNotes } from "./sheet-notes";
import type { LiveNotes } from "./workbench";
import { row } from "./styles";

const useStyles = makeStyles({ row });

export interface ValidatePanelProps {
  s: Strings;
  lang: Lang;
  busy: boolean;
  annotate: boolean;
  onAnnotate: (annotate: boolean) => void;
  onRun: () => void;
  /** Live validation watches the workbook. */
  liveActive: boolean;
  result: (ValidateFlowResult & LiveNotes) | null;
  filter: SeverityFilter;
  onFilter: (f: SeverityFilter) => void;
  onSelect: (f: Finding) => void;
  open: string[];
  onOpen: (open: string[]) => void;
}

export function ValidatePanel(props: ValidatePanelProps) {
  const { s } = props;
  const styles = useStyles();
  return (
    <>
      <Checkbox
        checked={props.annotate}
        onChange={(_, d) => props.onAnnotate(d.checked === true)}
        label={s.validate.annotate}
      />
      <div className={styles.row}>
        <Button appearance="primary" onClick={props.onRun} disabledFocusable={props.busy}>
          {s.validate.run}
        </Button>
      </div>
      {props.liveActive && <Caption1>{s.validate.liveOn}</Caption1>}
      {sheetNotes(s, props.result).map((t) => (
        <Caption1 key={t} data-testid="sheet-note">
          {t}
        </Caption1>
      ))}
      <Findings
        s={s}
        lang={props.lang}
        result={props.result}
        filter={props.filter}
        onFilter={props.onFilter}
        onSelect={props.onSelect}
        open={props.open}
        onOpen={props.onOpen}
      />
    </>
  );
}
