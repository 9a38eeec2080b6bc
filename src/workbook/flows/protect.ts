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

const SUFFIX = { nl: "eigen", en: "own" };

/** A name for the user's sheet that no sheet has: "Validatie (eigen)", "Validatie (eigen 2)", ... */
export function freeSheetName(snapshot: WorkbookSnapshot, name: string, lang: Lang): string {
  const taken = new Set(snapshot.sheets.map((s) => s.name.toLocaleLowerCase()));
  for (let n = 1; ; n++) {
    const candidate = `${name.slice(0, 20)} (${SUFFIX[lang]}${n > 1 ? ` ${n}` : ""})`;
    if (!taken.has(candidate.toLocaleLowerCase())) return candidate;
  }
}

/**
 * Guard a plan's "replace" sheets: a same-named sheet whose A1 is not one of `ownTitles` (and is not
 * empty) is the user's. A sheet of theirs with tables (dropdown lists, say) is renamed whole, with its
 * tables, formats and notes, to a free name (`renames`); the values of a plain one are kept on `Bewaard`.
 */
export function protectUserSheets(
  snapshot: WorkbookSnapshot,
  plan: WritePlan,
  ownTitles: readonly string[],
  lang: Lang
): WritePlan {
  const kept: KeptCell[] = [];
  const renames: { from: string; to: string }[] = [...(plan.renames ?? [])];
  for (const sp of plan.sheets ?? []) {
    if (sp.mode !== "replace") continue;
    const existing = snapshot.sheets.find(
      (s) => s.name.toLocaleLowerCase() === sp.name.toLocaleLowerCase()
    );
    if (!existing) continue;
    const title = a1Text(existing);
    if (title !== null && ownTitles.includes(title)) continue;
    if (existing.tables.length > 0) {
      renames.push({ from: existing.name, to: freeSheetName(snapshot, existing.name, lang) });
      continue;
    }
    kept.push(...overwrittenCells(existing, {}, REASON));
  }
  const withRenames = renames.length ? { ...plan, renames } : plan;
  if (kept.length === 0) return withRenames;
  return {
    ...withRenames,
    sheets: [...(plan.sheets ?? []), keptSheetPlan(snapshot, kept, lang)],
  };
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
