/**
 * What a validation did to sheets besides marking them, in the pane's words: protected sheets whose cells were
 * left unmarked (their findings are listed all the same), and the user's own sheets renamed whole out of the way
 * of the add-in's sheet of the same name. Shown under the Valideren button and said with the result.
 */
import type { Strings } from "./strings";
import type { LiveNotes } from "./workbench";

/** What a validation did to sheets besides marking them: protected sheets left unmarked, own sheets renamed. */
export function sheetNotes(s: Strings, r: LiveNotes | null): string[] {
  const notes: string[] = [];
  if (r?.protectedSheets?.length) notes.push(s.validate.protectedSheets(r.protectedSheets));
  for (const { from, to } of r?.renamedSheets ?? []) notes.push(s.validate.renamedSheet(from, to));
  return notes;
}
