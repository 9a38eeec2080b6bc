/**
 * The template: the four sheets as tables (planned by conversion, so that an existing workbook is
 * converted rather than wiped), the hidden lists sheet the dropdowns point at, the instructions sheet,
 * and the stamp. Everything is derived from SHEETS and LISTS.
 */
import { SHEETS } from "../../core/template";
import type { Lang } from "../../core/vocabulary";
import type { WorkbookPort } from "../port";
import { planConversion } from "./convert";

export interface TemplateResult {
  /** Sheets that did not exist and were created. */
  created: string[];
  /** Template sheets that existed: left as they were, or converted with all their values. */
  kept: string[];
}

/**
 * Create the template in the workbook behind `port`. Over an existing workbook nothing is destroyed:
 * existing template sheets are left alone (already a template) or converted (all values kept).
 */
export async function createTemplate(
  port: WorkbookPort,
  opts: { meetmoment?: string | null; lang?: Lang } = {}
): Promise<TemplateResult> {
  const snapshot = await port.read();
  const preview = planConversion(snapshot, { lang: opts.lang, meetmoment: opts.meetmoment });
  const existing = new Set(snapshot.sheets.map((s) => s.name));
  await port.apply({ ...preview.plan, activate: SHEETS[0].name });
  const created = (preview.plan.sheets ?? []).map((s) => s.name).filter((n) => !existing.has(n));
  const kept = SHEETS.map((s) => s.name).filter((n) => existing.has(n));
  return { created: [...new Set(created)], kept };
}
