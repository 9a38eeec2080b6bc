/**
 * Runs first in the add-in page (the first module of the functions entry, before any schema is built):
 * zod 4 probes `new Function("")` when it builds an object schema, to decide whether it may compile fast
 * parsers. Under the page's Content-Security-Policy (no 'unsafe-eval') the probe is blocked and, although
 * zod catches the error, the browser reports a CSP violation on every load. jitless mode skips the probe;
 * parsing stays correct, only without generated code.
 */
import { config } from "zod";

config({ jitless: true });
