/**
 * The very hidden sheet where both hosts keep the stamp and the marks of the last validation. A module of
 * its own: the reader's worker threads need the name, not the schema (zod) that template.ts builds on.
 */
export const STATE_SHEET = "_vvmonitor";
