/**
 * Creating or converting the template in two steps: the preview (nothing changes; focus goes to its
 * heading), then the confirmed conversion, after which the status is read again and a notice says what was
 * created and kept. Cancelling puts focus back on the button that asked for the preview.
 */
import { useState } from "react";
import type { ConversionPreview } from "../../workbook/flows";
import { CONVERT_BUTTON, NOTICE_BAR, PREVIEW_HEADING } from "../ids";
import { strings } from "../strings";
import type { Workbench } from "../workbench";
import type { Act, Say } from "./useActivity";
import type { RequestFocus } from "./useFocusRequest";
import { meetmomentOf, type SettingsRef } from "./useSettings";

export interface ConversionOptions {
  workbench: Workbench;
  act: Act;
  settings: SettingsRef;
  /** Read the workbook's status again (the template now exists). */
  reload: () => Promise<void>;
  onNotice: (say: Say) => void;
  requestFocus: RequestFocus;
}

export function useConversion(o: ConversionOptions) {
  const { workbench, act, settings, reload, onNotice } = o;
  const [preview, setPreview] = useState<ConversionPreview | null>(null);
  const now = () => ({
    s: strings(settings.current.lang),
    opts: { lang: settings.current.lang, meetmoment: meetmomentOf(settings.current) },
  });

  const show = () => {
    const { s, opts } = now();
    return act(
      s.status.checking,
      async () => {
        const p = await workbench.preview(opts);
        setPreview(p);
        return s.convert.previewReady(p.sheets.length);
      },
      [PREVIEW_HEADING]
    );
  };

  const confirm = () => {
    const { s, opts } = now();
    return act(
      s.convert.working,
      async () => {
        const r = await workbench.createTemplate(opts);
        setPreview(null);
        await reload();
        onNotice(
          (t) => `${t.convert.done} ${t.convert.doneDetail(r.created.length, r.kept.length)}`
        );
      },
      [NOTICE_BAR]
    );
  };

  const cancel = () => {
    setPreview(null);
    o.requestFocus(CONVERT_BUTTON);
  };

  return { preview, show, confirm, cancel };
}
