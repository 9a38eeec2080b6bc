/** What every parser returns: a value, or why the cell could not be read. Parsers never throw. */
export type ParseFailure = "blank" | "text" | "error" | "format" | "boolean";
export type Parsed<T> =
  | { ok: true; value: T; ambiguous?: { other: number }; note?: string }
  | { ok: false; reason: ParseFailure; text?: string };

export const BLANK = { ok: false, reason: "blank" } as const;
