/**
 * The Start tab: the button that previews creating or converting the template; the preview says per sheet
 * what happens (created, converted, kept, unchanged) and how each column maps, then confirm or cancel.
 * A workbook that is already the current template is told so, with nothing to convert. Column tables
 * scroll on their own in a narrow pane, so the pane itself never scrolls sideways.
 */
import {
  Badge,
  Body1,
  Button,
  Caption1,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from "@fluentui/react-components";
import type { Lang } from "../core/vocabulary";
import type { ConversionPreview } from "../workbook/flows";
import { CONVERT_BUTTON, PREVIEW_HEADING } from "./ids";
import type { Strings } from "./strings";
import { heading2, heading3, row, section } from "./styles";
import type { WorkbookStatus } from "./workbench";

const useStyles = makeStyles({
  section,
  row,
  h2: heading2,
  h3: heading3,
  table: { fontSize: tokens.fontSizeBase200 },
  scroll: { overflowX: "auto", maxWidth: "100%" },
  name: { overflowWrap: "anywhere" },
});

type SheetPreview = ConversionPreview["sheets"][number];

export interface StartPanelProps {
  s: Strings;
  status: WorkbookStatus | null;
  preview: ConversionPreview | null;
  busy: boolean;
  onPreview: () => void;
  onConfirm: () => void;
  onCancel: () => void;
}

export function StartPanel(props: StartPanelProps) {
  const { s, status, preview } = props;
  const styles = useStyles();
  const label = status?.kind === "empty" ? s.convert.create : s.convert.convert;
  if (!preview && status?.kind === "template") return <Body1>{s.convert.isTemplate}</Body1>;
  if (!preview) {
    return (
      <div className={styles.row}>
        <Button
          appearance="primary"
          id={CONVERT_BUTTON}
          onClick={props.onPreview}
          disabledFocusable={props.busy || !status}
        >
          {label}
        </Button>
      </div>
    );
  }
  return (
    <section className={styles.section} aria-labelledby={PREVIEW_HEADING}>
      <h2 id={PREVIEW_HEADING} className={styles.h2} tabIndex={-1}>
        {s.convert.previewTitle}
      </h2>
      <Body1>{s.convert.previewIntro}</Body1>
      {preview.sheets.map((c) => (
        <SheetChange key={`${c.source}-${c.target}`} s={s} change={c} />
      ))}
      {preview.kept.length > 0 && <Body1>{s.convert.kept(preview.kept.length)}</Body1>}
      <div className={styles.row}>
        <Button appearance="primary" onClick={props.onConfirm} disabledFocusable={props.busy}>
          {s.convert.confirm}
        </Button>
        <Button onClick={props.onCancel} disabledFocusable={props.busy}>
          {s.convert.cancel}
        </Button>
      </div>
    </section>
  );
}

const BADGE_COLOR = { kept: "informative", unchanged: "success" } as const;

/** One sheet of the preview: its name (old → new), what happens to it, and its column mapping. */
function SheetChange({ s, change: c }: { s: Strings; change: SheetPreview }) {
  const styles = useStyles();
  const color = BADGE_COLOR[c.action as keyof typeof BADGE_COLOR] ?? "brand";
  return (
    <div>
      <h3 className={`${styles.h3} ${styles.name}`}>
        {c.target && c.target !== c.source ? `${c.source} → ${c.target}` : c.source}{" "}
        <Badge appearance="tint" color={color}>
          {s.convert.action[c.action] ?? c.action}
        </Badge>{" "}
        {c.rows > 0 && <Caption1>{s.convert.rows(c.rows)}</Caption1>}
      </h3>
      {c.note && <Caption1 block>{c.note[s.lang as Lang]}</Caption1>}
      {c.action === "created" && (
        <Caption1 block>{s.convert.newSheet(c.columns.map((m) => m.to))}</Caption1>
      )}
      {c.columns.length > 0 && c.action !== "unchanged" && c.action !== "created" && (
        <div className={styles.scroll} data-scroll>
          <Table
            size="extra-small"
            className={styles.table}
            aria-label={`${s.convert.sheet} ${c.target ?? c.source}`}
          >
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{s.convert.from}</TableHeaderCell>
                <TableHeaderCell>{s.convert.to}</TableHeaderCell>
                <TableHeaderCell>{s.convert.how}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {c.columns.map((m, i) => (
                <TableRow key={i}>
                  <TableCell>{m.from ? `${m.from}: ${m.header ?? ""}` : "—"}</TableCell>
                  <TableCell>{m.to}</TableCell>
                  <TableCell>{s.convert.howText[m.how] ?? m.how}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </div>
  );
}
