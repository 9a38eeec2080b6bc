/**
 * Creating or converting the template in two steps: the preview (nothing changes), then the confirmed
 * conversion, after which the status is read again and a notice says what was created and kept.
 */
import { useState } from "react";
import type { ConversionPreview } from "../../workbook/flows";
import { strings } from "../strings";
import type { Workbench } from "../workbench";
import type { Act } from "./useActivity";
import { meetmomentOf, type SettingsRef } from "./useSettings";

export interface ConversionOptions {
  workbench: Workbench;
  act: Act;
  settings: SettingsRef;
  /** Read the workbook's status again (the template now exists). */
  reload: () => Promise<void>;
  onNotice: (text: string) => void;
}

export function useConversion({ workbench, act, settings, reload, onNotice }: ConversionOptions) {
  const [preview, setPreview] = useState<ConversionPreview | null>(null);
  const now = () => ({
    s: strings(settings.current.lang),
    opts: { lang: settings.current.lang, meetmoment: meetmomentOf(settings.current) },
  });

  const show = () => {
    const { s, opts } = now();
    return act(s.status.checking, async () => {
      setPreview(await workbench.preview(opts));
    });
  };

  const confirm = () => {
    const { s, opts } = now();
    return act(s.convert.working, async () => {
      const r = await workbench.createTemplate(opts);
      setPreview(null);
      await reload();
      onNotice(`${s.convert.done} ${s.convert.doneDetail(r.created.length, r.kept.length)}`);
    });
  };

  return { preview, show, confirm, cancel: () => setPreview(null) };
}
