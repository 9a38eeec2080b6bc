/**
 * The add-in rebuilds its own sheets (Overzicht, Validatie) by replacing them. A user may have a sheet
 * of their own with that name (Excel ignores case): before it is replaced, every value on it goes to the
 * `Bewaard` sheet, with where it was. Our own sheets are recognised by their title in A1.
 */
import type { Lang } from "../../core/vocabulary";
import type { SheetPlan, SheetSnapshot, WorkbookPort, WorkbookSnapshot, WritePlan } from "../port";
import { keptSheetPlan, overwrittenCells, type KeptCell } from "./kept";

const REASON = {
  nl: "eigen tabblad met de naam van een tabblad dat vv-monitor opnieuw opbouwt",
  en: "a sheet of your own with the name of a sheet vv-monitor rebuilds",
};

function a1Text(sheet: SheetSnapshot): string | null {
  const u = sheet.used;
  if (!u || u.firstRow !== 1 || u.firstColumn !== 0) return null;
  const v = u.values[0]?.[0];
  return typeof v === "string" ? v : null;
}

/**
 * Guard a plan's "replace" sheets: a same-named sheet whose A1 is not one of `ownTitles` (and is not
 * empty) is the user's; its values are kept on `Bewaard` before the replace.
 */
export function protectUserSheets(
  snapshot: WorkbookSnapshot,
  plan: WritePlan,
  ownTitles: readonly string[],
  lang: Lang
): WritePlan {
  const kept: KeptCell[] = [];
  for (const sp of plan.sheets ?? []) {
    if (sp.mode !== "replace") continue;
    const existing = snapshot.sheets.find(
      (s) => s.name.toLocaleLowerCase() === sp.name.toLocaleLowerCase()
    );
    if (!existing) continue;
    const title = a1Text(existing);
    if (title !== null && ownTitles.includes(title)) continue;
    kept.push(...overwrittenCells(existing, {}, REASON));
  }
  if (kept.length === 0) return plan;
  return { ...plan, sheets: [...(plan.sheets ?? []), keptSheetPlan(snapshot, kept, lang)] };
}

/**
 * Write one sheet of the add-in's own (Overzicht, Kerncijfers, Vergelijking) in place of its previous
 * version, a user's sheet of that name kept on Bewaard first; shown when `activate`.
 */
export async function applyOwnSheet(
  port: WorkbookPort,
  snapshot: WorkbookSnapshot,
  sheet: SheetPlan,
  opts: { titles: readonly string[]; lang: Lang; activate?: boolean }
): Promise<void> {
  const plan = {
    sheets: [sheet],
    activate: opts.activate ? sheet.name : undefined,
    print: { lang: opts.lang, meetmoment: snapshot.stamp?.meetmoment ?? null },
  };
  await port.apply(protectUserSheets(snapshot, plan, opts.titles, opts.lang));
}
