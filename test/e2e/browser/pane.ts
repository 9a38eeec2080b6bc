/**
 * Opening the built pane (dist/) in Chromium with the twin of Excel as office.js, for the browser suites:
 * build when dist/ is older than src/, serve it over https, answer office.js with the twin, refuse every
 * other host, collect console errors.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { fakeOfficeScript, OFFICE_JS } from "./chromium";

export const ROOT = join(__dirname, "../../..");
export const DIST = join(ROOT, "dist");

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** Build dist/ when it is missing or older than the sources. */
export function ensureBuilt(): void {
  const page = join(DIST, "taskpane.html");
  const js = join(DIST, "taskpane.js");
  if (existsSync(page) && existsSync(js) && statSync(js).mtimeMs >= newest(join(ROOT, "src")))
    return;
  execFileSync("npm", ["run", "build"], { cwd: ROOT, stdio: "inherit" });
}

export interface PaneWatch {
  consoleErrors: string[];
  outside: string[];
}

/** Route a context's requests: localhost passes, office.js is the twin, anything else is refused. */
export async function routeToTwin(context: BrowserContext): Promise<PaneWatch> {
  const fakeOffice = await fakeOfficeScript();
  const watch: PaneWatch = { consoleErrors: [], outside: [] };
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    const host = new URL(url).hostname;
    if (host === "localhost" || host === "127.0.0.1") return route.continue();
    if (OFFICE_JS.test(url))
      return route.fulfill({
        status: 200,
        contentType: "text/javascript; charset=utf-8",
        body: fakeOffice,
      });
    watch.outside.push(url);
    return route.abort();
  });
  return watch;
}

export function watchConsole(page: Page, watch: PaneWatch): void {
  page.on("console", (m) => {
    if (m.type() === "error") watch.consoleErrors.push(m.text());
  });
  page.on("pageerror", (e) => watch.consoleErrors.push(String(e)));
}
