/**
 * The task pane: what the open workbook is and what to do next; create or convert the template (preview
 * first, then confirm); validate (findings grouped by rule, filterable, a click selects the cell); build
 * the overview and the key figures; settings. Every text comes from strings/ (Dutch by default, English on
 * request). Every outcome is said once by the announcer (outside the busy panel), focus goes to each
 * action's result, the theme follows Office's. App only composes: the state and the work live in hooks/,
 * each part of the pane in its own file.
 */
import { useState } from "react";
import { FluentProvider, makeStyles } from "@fluentui/react-components";
import type { Lang } from "../core/vocabulary";
import { Activity } from "./Activity";
import { Announcer } from "./Announcer";
import { CapabilityNotice, type Missing } from "./Capabilities";
import { useActivity } from "./hooks/useActivity";
import { useAnnouncer } from "./hooks/useAnnouncer";
import { useConversion } from "./hooks/useConversion";
import { useFocusRequest } from "./hooks/useFocusRequest";
import { useLiveValidation } from "./hooks/useLiveValidation";
import { FLUENT_THEME, useOfficeTheme, type OfficeThemeSource } from "./hooks/useOfficeTheme";
import { useOverview } from "./hooks/useOverview";
import { meetmomentOf, useSettings } from "./hooks/useSettings";
import { useValidation } from "./hooks/useValidation";
import { useWorkbookStatus } from "./hooks/useWorkbookStatus";
import { KeyFiguresPanel } from "./KeyFiguresPanel";
import { OverviewPanel } from "./OverviewPanel";
import { PaneHeader } from "./PaneHeader";
import { PaneTabs, type PaneTab } from "./PaneTabs";
import { SettingsPanel } from "./SettingsPanel";
import { StartPanel } from "./StartPanel";
import { StatusCard } from "./StatusCard";
import { strings } from "./strings";
import { section } from "./styles";
import { ValidatePanel } from "./ValidatePanel";
import type { Workbench } from "./workbench";

export { NotInExcel } from "./NotInExcel";

const useStyles = makeStyles({
  // The whole viewport in the theme's background (a dark pane has no light edge).
  provider: { minHeight: "100vh" },
  // No minimum width: from 160 CSS px up (a 320 px pane at 200 % zoom) nothing scrolls sideways; long
  // words break rather than push the pane wider.
  root: {
    display: "flex",
    flexDirection: "column",
    gap: "12px",
    padding: "12px",
    maxWidth: "640px",
    minWidth: 0,
    overflowWrap: "anywhere",
    // 160 CSS px (a 320 px pane at 200 % zoom): every pixel of text counts.
    "@media (max-width: 240px)": { padding: "8px", gap: "8px" },
  },
  section,
});

export interface AppProps {
  workbench: Workbench;
  initialLang?: Lang;
  /** Live validation on at start (when the workbook is a template). */
  initialLive?: boolean;
  /** What this Excel lacks (src/excel/host.ts missingFeatures); nothing when omitted. */
  missing?: Missing;
  /** Where the theme comes from; the global Office when omitted. */
  office?: OfficeThemeSource;
}

/** Composition only; its length is the pane's layout written out once (the work is in the hooks). */
export function App({
  workbench,
  initialLang = "nl",
  initialLive = true,
  missing,
  office,
}: AppProps) {
  const styles = useStyles();
  const theme = useOfficeTheme(office);
  const settings = useSettings(initialLang, initialLive);
  const { lang, current } = settings;
  const s = strings(lang);
  const [tab, setTab] = useState<PaneTab>("start");
  const { announcement, announce } = useAnnouncer();
  const requestFocus = useFocusRequest();
  const activity = useActivity(current, announce, requestFocus);
  const { act, setNotice } = activity;
  const busy = activity.busy !== null;
  const wb = useWorkbookStatus(workbench, act, current, settings.setMeetmoment);
  const validation = useValidation(workbench, act, current, announce, lang, activity.setError);
  const conversion = useConversion({
    workbench,
    act,
    settings: current,
    reload: wb.reload,
    onNotice: setNotice,
    requestFocus,
  });
  const overview = useOverview(workbench, act, current, setNotice);
  const liveActive = useLiveValidation({
    workbench,
    live: settings.live,
    isTemplate: wb.status?.kind === "template",
    settings: current,
    act,
    onResult: validation.setLiveResult,
    onError: activity.setError,
  });
  const meetmoment = meetmomentOf(current.current);

  return (
    <FluentProvider theme={FLUENT_THEME[theme]} lang={lang} className={styles.provider}>
      <main className={styles.root} aria-labelledby="vv-title" data-theme={theme}>
        <PaneHeader s={s} lang={lang} onLang={settings.setLang} />
        {missing && <CapabilityNotice missing={missing} s={s} />}
        <StatusCard
          s={s}
          status={wb.status}
          meetmoment={meetmoment}
          onRefresh={() => void wb.refresh()}
          disabled={busy}
        />
        <Activity
          s={s}
          busy={activity.busy}
          error={activity.error}
          notice={activity.notice ? activity.notice(s) : null}
          onDismissError={() => {
            activity.setError(null);
            requestFocus(); // the bar is gone: focus goes to the success bar or the selected tab
          }}
        />
        <PaneTabs s={s} tab={tab} onTab={setTab} />
        <div
          id="panel"
          role="tabpanel"
          aria-labelledby={`tab-${tab}`}
          aria-busy={busy}
          className={styles.section}
        >
          {tab === "start" && (
            <StartPanel
              s={s}
              status={wb.status}
              preview={conversion.preview}
              busy={busy}
              onPreview={() => void conversion.show()}
              onConfirm={() => void conversion.confirm()}
              onCancel={conversion.cancel}
            />
          )}
          {tab === "validate" && (
            <ValidatePanel
              s={s}
              lang={lang}
              busy={busy}
              annotate={validation.annotate}
              onAnnotate={validation.setAnnotate}
              onRun={() => void validation.run()}
              liveActive={liveActive}
              result={validation.result}
              filter={validation.filter}
              onFilter={validation.setFilter}
              onSelect={validation.select}
              open={validation.open}
              onOpen={validation.setOpen}
            />
          )}
          {tab === "overview" && (
            <OverviewPanel
              s={s}
              busy={busy}
              mode={overview.mode}
              onMode={overview.setMode}
              onBuild={() => void overview.build()}
            />
          )}
          {tab === "keyFigures" && (
            <KeyFiguresPanel
              s={s}
              lang={lang}
              workbench={workbench}
              meetmoment={meetmoment}
              busy={busy}
              run={act}
              onNotice={setNotice}
              requestFocus={requestFocus}
            />
          )}
          {tab === "settings" && (
            <SettingsPanel
              s={s}
              status={wb.status}
              busy={busy}
              meetmoment={settings.meetmoment}
              onMeetmoment={settings.setMeetmoment}
              meetmomentSetting={meetmoment}
              onSave={() => void wb.saveMeetmoment(() => setNotice((t) => t.settings.saved))}
              lang={lang}
              onLang={settings.setLang}
              live={settings.live}
              onLive={settings.setLive}
            />
          )}
        </div>
        <Announcer announcement={announcement} />
      </main>
    </FluentProvider>
  );
}
