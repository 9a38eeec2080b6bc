/** Debian's Chromium through playwright-core, and the fake office.js served in place of Microsoft's CDN. */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
export const OFFICE_JS = /^https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js$/;
export const haveChromium = existsSync(CHROMIUM);

/** test/e2e/browser/fake-office.ts bundled for the page: `Office`, `Excel` (the twin), `CustomFunctions`. */
export async function fakeOfficeScript(): Promise<string> {
  const fake = await build({
    entryPoints: [join(__dirname, "fake-office.ts")],
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2020",
    write: false,
  });
  return fake.outputFiles[0].text;
}
