/**
 * The task pane: what the open workbook is and what to do next; create or convert the template (preview
 * first, then confirm); validate (findings grouped by rule, filterable, a click selects the cell); build
 * the overview; settings. Every text comes from strings/ (Dutch by default, English on request).
 */
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Body1,
  Button,
  Caption1,
  Checkbox,
  Field,
  FluentProvider,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Radio,
  RadioGroup,
  Switch,
  Tab,
  TabList,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  webLightTheme,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Finding } from "../core/findings";
import { RULE_BY_CODE } from "../core/rules";
import { TEMPLATE_VERSION, type Lang } from "../core/vocabulary";
import type { OverviewMode } from "../excel/flows";
import type { ConversionPreview, ValidateFlowResult } from "../workbook/flows";
import { KeyFiguresPanel } from "./KeyFiguresPanel";
import { errorMessage, strings, type Strings } from "./strings";
import type { Workbench, WorkbookStatus } from "./workbench";
import { CapabilityNotice, type Missing } from "./Capabilities";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: "12px",
    padding: "12px",
    minWidth: "260px",
    maxWidth: "640px",
  },
  header: {
    display: "flex",
    justifyContent: "space-between",
    alignItems: "flex-start",
    gap: "8px",
  },
  h1: {
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
    margin: 0,
  },
  h2: {
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
    margin: "0 0 4px 0",
  },
  h3: {
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    margin: "8px 0 4px 0",
  },
  section: { display: "flex", flexDirection: "column", gap: "8px" },
  row: { display: "flex", flexWrap: "wrap", gap: "8px", alignItems: "center" },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: "4px",
  },
  finding: { display: "flex", flexDirection: "column", alignItems: "flex-start" },
  cellButton: { minWidth: "auto", padding: "0 4px", fontFamily: tokens.fontFamilyMonospace },
  table: { fontSize: tokens.fontSizeBase200 },
  // Five tabs do not fit a narrow pane on one line: they wrap instead of running off the edge.
  tabs: { flexWrap: "wrap" },
  card: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: "8px 12px",
    background: tokens.colorNeutralBackground2,
  },
});

const FINDINGS_PER_RULE = 100;

type Tab = "start" | "validate" | "overview" | "keyFigures" | "settings";
type Filter = "all" | "error" | "warning";

export interface AppProps {
  workbench: Workbench;
  initialLang?: Lang;
  /** Live validation on at start (when the workbook is a template). */
  initialLive?: boolean;
  /** What this Excel lacks (src/excel/host.ts missingFeatures); nothing when omitted. */
  missing?: Missing;
}

export function App({ workbench, initialLang = "nl", initialLive = true, missing }: AppProps) {
  const styles = useStyles();
  const [lang, setLang] = useState<Lang>(initialLang);
  const s = strings(lang);
  const [tab, setTab] = useState<Tab>("start");
  const [status, setStatus] = useState<WorkbookStatus | null>(null);
  const [meetmoment, setMeetmoment] = useState<string>("");
  const [live, setLive] = useState(initialLive);
  const [liveActive, setLiveActive] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<{ message: string; retry: () => void } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [preview, setPreview] = useState<ConversionPreview | null>(null);
  const [result, setResult] = useState<ValidateFlowResult | null>(null);
  const [filter, setFilter] = useState<Filter>("all");
  const [annotate, setAnnotate] = useState(true);
  const [mode, setMode] = useState<OverviewMode>("functions");

  // Live validation reads the settings at the time it runs.
  const settings = useRef({ lang, meetmoment });
  settings.current = { lang, meetmoment };
  const mm = () =>
    settings.current.meetmoment.trim() === "" ? null : settings.current.meetmoment.trim();

  const act = useCallback(async (label: string, f: () => Promise<void>): Promise<void> => {
    setBusy(label);
    setError(null);
    setNotice(null);
    try {
      await f();
    } catch (e) {
      setError({
        message: errorMessage(e, strings(settings.current.lang)),
        retry: () => void act(label, f),
      });
    } finally {
      setBusy(null);
    }
  }, []);

  const refresh = useCallback(
    () =>
      act(strings(settings.current.lang).status.checking, async () => {
        const st = await workbench.status();
        setStatus(st);
        if (st.meetmoment && settings.current.meetmoment === "") setMeetmoment(st.meetmoment);
      }),
    [act, workbench]
  );

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const isTemplate = status?.kind === "template";
  /** Bumped to start live validation again after it failed to start. */
  const [liveAttempt, setLiveAttempt] = useState(0);
  useEffect(() => {
    let cancelled = false;
    const on = live && isTemplate;
    const revalidate = async () => {
      const r = await workbench.validate({
        lang: settings.current.lang,
        meetmoment: mm(),
        annotate: true,
        quiet: true,
      });
      if (!cancelled) setResult(r);
    };
    workbench
      .live(on, {
        onResult: revalidate,
        onError: (e) =>
          setError({
            message: errorMessage(e, strings(settings.current.lang)),
            retry: () => void act(strings(settings.current.lang).validate.working, revalidate),
          }),
      })
      .then((active) => !cancelled && setLiveActive(active))
      .catch((e) => {
        if (cancelled) return;
        setLiveActive(false);
        setError({
          message: errorMessage(e, strings(settings.current.lang)),
          retry: () => setLiveAttempt((n) => n + 1),
        });
      });
    return () => {
      cancelled = true;
    };
  }, [live, isTemplate, workbench, act, liveAttempt]);

  const showPreview = () =>
    act(s.status.checking, async () => {
      setPreview(await workbench.preview({ lang, meetmoment: mm() }));
    });

  const confirmTemplate = () =>
    act(s.convert.working, async () => {
      const r = await workbench.createTemplate({ lang, meetmoment: mm() });
      setPreview(null);
      setStatus(await workbench.status());
      setNotice(`${s.convert.done} ${s.convert.doneDetail(r.created.length, r.kept.length)}`);
    });

  const runValidation = () =>
    act(s.validate.working, async () => {
      setResult(await workbench.validate({ lang, meetmoment: mm(), annotate }));
    });

  const buildOverview = () =>
    act(s.overview.working, async () => {
      await workbench.overview({ lang, mode });
      setNotice(s.overview.done);
    });

  const saveMeetmoment = () =>
    act(s.busy, async () => {
      await workbench.saveMeetmoment({ lang, meetmoment: mm() });
      setStatus(await workbench.status());
      setNotice(s.settings.saved);
    });

  const selectCell = (f: Finding) => {
    if (!f.cell) return;
    void act(s.busy, () => workbench.select(f.sheet, f.cell!));
  };

  return (
    <FluentProvider theme={webLightTheme} lang={lang}>
      <main className={styles.root} aria-labelledby="vv-title" aria-busy={busy !== null}>
        <header className={styles.header}>
          <div>
            <h1 id="vv-title" className={styles.h1}>
              {s.appTitle}
            </h1>
            <Caption1>{s.appSubtitle}</Caption1>
          </div>
          <Button
            size="small"
            appearance="subtle"
            onClick={() => setLang(lang === "nl" ? "en" : "nl")}
            lang={lang === "nl" ? "en" : "nl"}
          >
            {lang === "nl" ? s.settings.english : s.settings.dutch}
          </Button>
        </header>

        {missing && <CapabilityNotice missing={missing} s={s} />}
        <StatusCard
          s={s}
          status={status}
          meetmoment={mm()}
          onRefresh={() => void refresh()}
          disabled={busy !== null}
          className={styles.card}
          h2={styles.h2}
        />

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
              <Button size="small" appearance="transparent" onClick={() => setError(null)}>
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

        <TabList
          selectedValue={tab}
          onTabSelect={(_, d) => setTab(d.value as Tab)}
          aria-label={s.appTitle}
          size="small"
          className={styles.tabs}
        >
          <Tab id="tab-start" value="start" aria-controls="panel">
            {s.tabs.start}
          </Tab>
          <Tab id="tab-validate" value="validate" aria-controls="panel">
            {s.tabs.validate}
          </Tab>
          <Tab id="tab-overview" value="overview" aria-controls="panel">
            {s.tabs.overview}
          </Tab>
          <Tab id="tab-keyFigures" value="keyFigures" aria-controls="panel">
            {s.tabs.keyFigures}
          </Tab>
          <Tab id="tab-settings" value="settings" aria-controls="panel">
            {s.tabs.settings}
          </Tab>
        </TabList>

        <div id="panel" role="tabpanel" aria-labelledby={`tab-${tab}`} className={styles.section}>
          {tab === "start" && (
            <StartPanel
              s={s}
              status={status}
              preview={preview}
              busy={busy !== null}
              onPreview={showPreview}
              onConfirm={confirmTemplate}
              onCancel={() => setPreview(null)}
              styles={styles}
            />
          )}
          {tab === "validate" && (
            <>
              <Checkbox
                checked={annotate}
                onChange={(_, d) => setAnnotate(d.checked === true)}
                label={s.validate.annotate}
              />
              <div className={styles.row}>
                <Button
                  appearance="primary"
                  onClick={() => void runValidation()}
                  disabled={busy !== null}
                >
                  {s.validate.run}
                </Button>
              </div>
              {liveActive && <Caption1>{s.validate.liveOn}</Caption1>}
              <Findings
                s={s}
                lang={lang}
                result={result}
                filter={filter}
                onFilter={setFilter}
                onSelect={selectCell}
                styles={styles}
              />
            </>
          )}
          {tab === "overview" && (
            <>
              <h2 className={styles.h2}>{s.overview.title}</h2>
              <Body1>{s.overview.intro}</Body1>
              <Field label={s.overview.mode}>
                <RadioGroup value={mode} onChange={(_, d) => setMode(d.value as OverviewMode)}>
                  <Radio value="functions" label={s.overview.functions} />
                  <Radio value="formulas" label={s.overview.formulas} />
                </RadioGroup>
              </Field>
              <div className={styles.row}>
                <Button
                  appearance="primary"
                  onClick={() => void buildOverview()}
                  disabled={busy !== null}
                >
                  {s.overview.build}
                </Button>
              </div>
            </>
          )}
          {tab === "keyFigures" && (
            <KeyFiguresPanel
              s={s}
              lang={lang}
              workbench={workbench}
              meetmoment={mm()}
              busy={busy !== null}
              run={act}
              onNotice={setNotice}
            />
          )}
          {tab === "settings" && (
            <>
              <Field label={s.settings.meetmoment} hint={s.settings.meetmomentHint}>
                <Input type="date" value={meetmoment} onChange={(_, d) => setMeetmoment(d.value)} />
              </Field>
              {status &&
                status.kind === "template" &&
                (mm() ?? null) !== (status.meetmoment ?? null) && (
                  <div className={styles.row}>
                    <Button onClick={() => void saveMeetmoment()} disabled={busy !== null}>
                      {s.settings.save}
                    </Button>
                  </div>
                )}
              <Field label={s.settings.language}>
                <RadioGroup value={lang} onChange={(_, d) => setLang(d.value as Lang)}>
                  <Radio value="nl" label={s.settings.dutch} />
                  <Radio value="en" label={s.settings.english} />
                </RadioGroup>
              </Field>
              <Field label={s.settings.live} hint={s.settings.liveHint}>
                <Switch checked={live} onChange={(_, d) => setLive(d.checked)} />
              </Field>
            </>
          )}
        </div>
      </main>
    </FluentProvider>
  );
}

/** Shown when the page is opened outside Excel (or office.js did not load): what to do instead. */
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

function StatusCard(props: {
  s: Strings;
  status: WorkbookStatus | null;
  meetmoment: string | null;
  onRefresh: () => void;
  disabled: boolean;
  className: string;
  h2: string;
}) {
  const { s, status } = props;
  let what: string = s.status.checking;
  let next = "";
  if (status) {
    if (status.kind === "template")
      [what, next] = [s.status.template(status.version ?? TEMPLATE_VERSION), s.status.nextTemplate];
    else if (status.kind === "outdated")
      [what, next] = [
        s.status.outdated(status.version ?? "?", TEMPLATE_VERSION),
        s.status.nextOutdated,
      ];
    else if (status.kind === "convertible")
      [what, next] = [s.status.convertible, s.status.nextConvertible];
    else [what, next] = [s.status.empty, s.status.nextEmpty];
  }
  return (
    <section className={props.className} aria-labelledby="vv-status">
      <h2 id="vv-status" className={props.h2}>
        {s.status.heading}
      </h2>
      <Text weight="semibold" data-testid="status-kind">
        {what}
      </Text>
      {status && <Body1 block>{s.status.meetmoment(status.meetmoment ?? props.meetmoment)}</Body1>}
      {next && (
        <Body1 block>
          <strong>{s.status.next}</strong> {next}
        </Body1>
      )}
      <Button size="small" appearance="subtle" onClick={props.onRefresh} disabled={props.disabled}>
        {s.status.refresh}
      </Button>
    </section>
  );
}

function StartPanel(props: {
  s: Strings;
  status: WorkbookStatus | null;
  preview: ConversionPreview | null;
  busy: boolean;
  onPreview: () => void;
  onConfirm: () => void;
  onCancel: () => void;
  styles: ReturnType<typeof useStyles>;
}) {
  const { s, status, preview, styles } = props;
  const label = status?.kind === "empty" ? s.convert.create : s.convert.convert;
  if (!preview) {
    return (
      <div className={styles.row}>
        <Button appearance="primary" onClick={props.onPreview} disabled={props.busy || !status}>
          {label}
        </Button>
      </div>
    );
  }
  return (
    <section className={styles.section} aria-labelledby="vv-preview">
      <h2 id="vv-preview" className={styles.h2}>
        {s.convert.previewTitle}
      </h2>
      <Body1>{s.convert.previewIntro}</Body1>
      {preview.sheets.map((c) => (
        <div key={`${c.source}-${c.target}`}>
          <h3 className={styles.h3}>
            {c.target && c.target !== c.source ? `${c.source} → ${c.target}` : c.source}{" "}
            <Badge
              appearance="tint"
              color={
                c.action === "kept" ? "informative" : c.action === "unchanged" ? "success" : "brand"
              }
            >
              {s.convert.action[c.action] ?? c.action}
            </Badge>{" "}
            {c.rows > 0 && <Caption1>{s.convert.rows(c.rows)}</Caption1>}
          </h3>
          {c.note && <Caption1 block>{c.note[s.lang as Lang]}</Caption1>}
          {c.action === "created" && (
            <Caption1 block>{s.convert.newSheet(c.columns.map((m) => m.to))}</Caption1>
          )}
          {c.columns.length > 0 && c.action !== "unchanged" && c.action !== "created" && (
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
          )}
        </div>
      ))}
      {preview.kept.length > 0 && <Body1>{s.convert.kept(preview.kept.length)}</Body1>}
      <div className={styles.row}>
        <Button appearance="primary" onClick={props.onConfirm} disabled={props.busy}>
          {s.convert.confirm}
        </Button>
        <Button onClick={props.onCancel} disabled={props.busy}>
          {s.convert.cancel}
        </Button>
      </div>
    </section>
  );
}

function Findings(props: {
  s: Strings;
  lang: Lang;
  result: ValidateFlowResult | null;
  filter: Filter;
  onFilter: (f: Filter) => void;
  onSelect: (f: Finding) => void;
  styles: ReturnType<typeof useStyles>;
}) {
  const { s, lang, result, filter, styles } = props;
  const groups = useMemo(() => {
    const by = new Map<string, Finding[]>();
    for (const f of result?.findings ?? []) {
      if (filter !== "all" && f.severity !== filter) continue;
      const list = by.get(f.rule) ?? [];
      list.push(f);
      by.set(f.rule, list);
    }
    return [...by.entries()].sort((a, b) =>
      a[1][0].severity === b[1][0].severity
        ? b[1].length - a[1].length
        : a[1][0].severity === "error"
          ? -1
          : 1
    );
  }, [result, filter]);
  if (!result) return <Body1>{s.validate.none}</Body1>;
  const title = (code: string): ReactNode =>
    (RULE_BY_CODE as Record<string, { title: Record<Lang, string> } | undefined>)[code]?.title[
      lang
    ] ?? code;
  return (
    <section className={styles.section} aria-labelledby="vv-findings">
      <h2 id="vv-findings" className={styles.h2} data-testid="summary">
        {result.findings.length === 0
          ? s.validate.ok
          : s.validate.summary(result.errors, result.warnings)}
      </h2>
      <Caption1>{s.validate.meetmoment(result.meetmoment)}</Caption1>
      {result.findings.length > 0 && (
        <Field label={s.validate.filter}>
          <RadioGroup
            layout="horizontal"
            value={filter}
            onChange={(_, d) => props.onFilter(d.value as Filter)}
          >
            <Radio value="all" label={s.validate.all} />
            <Radio value="error" label={`${s.validate.errors} (${result.errors})`} />
            <Radio value="warning" label={`${s.validate.warnings} (${result.warnings})`} />
          </RadioGroup>
        </Field>
      )}
      <Accordion multiple collapsible>
        {groups.map(([code, list]) => (
          <AccordionItem key={code} value={code}>
            <AccordionHeader size="small">
              <span>
                <Badge
                  appearance="filled"
                  color={list[0].severity === "error" ? "danger" : "warning"}
                >
                  {list.length}
                </Badge>{" "}
                {title(code)}{" "}
                <Caption1>
                  ({list[0].severity === "error" ? s.validate.error : s.validate.warning})
                </Caption1>
              </span>
            </AccordionHeader>
            <AccordionPanel>
              <ul className={styles.list}>
                {list.slice(0, FINDINGS_PER_RULE).map((f, i) => {
                  const where = f.cell ? `${f.sheet}!${f.cell}` : f.sheet;
                  return (
                    <li key={i} className={styles.finding}>
                      {f.cell ? (
                        <Button
                          size="small"
                          appearance="transparent"
                          className={styles.cellButton}
                          onClick={() => props.onSelect(f)}
                          aria-label={`${s.validate.goTo(where)}: ${f.message}`}
                        >
                          {where}
                        </Button>
                      ) : (
                        <Text weight="semibold">{where}</Text>
                      )}
                      <Caption1>{f.message}</Caption1>
                    </li>
                  );
                })}
              </ul>
              {list.length > FINDINGS_PER_RULE && (
                <Caption1>{s.validate.more(list.length - FINDINGS_PER_RULE)}</Caption1>
              )}
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
    </section>
  );
}
