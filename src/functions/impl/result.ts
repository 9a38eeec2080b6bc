/**
 * What every custom function's logic answers: a number, or an Excel error kind with a message in Dutch and
 * English. Nothing here throws or builds a CustomFunctions.Error: functions.ts turns a result into a cell.
 */
export type FnError = "value" | "na" | "div0";
export type FnResult =
  { ok: true; value: number } | { ok: false; error: FnError; message: { nl: string; en: string } };

/** A step that could not go on: the result to answer instead. */
export interface Failed {
  ok: false;
  result: FnResult;
}

export function fail(error: FnError, nl: string, en: string): FnResult {
  return { ok: false, error, message: { nl, en } };
}

/** `fail` wrapped for a step that returns either its value or the result to answer. */
export function failed(error: FnError, nl: string, en: string): Failed {
  return { ok: false, result: fail(error, nl, en) };
}
