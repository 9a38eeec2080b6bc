/**
 * `npm start` gives a working task pane: webpack-dev-server (https, development build) serves
 * taskpane.html, and Debian's Chromium renders the pane with the fake office.js (test/e2e/browser/) in place
 * of Microsoft's CDN: no page error, the workbook status shows; after a change to a source file the server
 * rebuilds without error and the page reloads and renders again. The server runs on a free port
 * (DEV_SERVER_PORT) so that it never takes the port of a developer's own `npm start`.
 * Without Chromium the suite is skipped locally and FAILS on CI (CI=true).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, utimesSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import {
  CHROMIUM,
  CHROMIUM_ARGS,
  fakeOfficeScript,
  haveChromium,
  OFFICE_JS,
} from "./browser/chromium";

const ROOT = join(__dirname, "../..");

if (!haveChromium && process.env.CI === "true") {
  test("Chromium is installed", () => {
    throw new Error(`${CHROMIUM} is missing: the dev server test cannot run`);
  });
}
const maybe = haveChromium ? describe : describe.skip;

async function waitFor(ok: () => boolean, ms: number): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end;) {
    if (ok()) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return ok();
}

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once("error", fail);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });
}

/** `npm start` on `port`; resolves once webpack has compiled (or fails with the server's output). */
function startDevServer(port: number): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(
    process.execPath,
    [join(ROOT, "node_modules/.bin/webpack"), "serve", "--mode", "development"],
    {
      cwd: ROOT,
      env: { ...process.env, DEV_SERVER_PORT: String(port) },
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    }
  );
  let out = "";
  const output = () => out;
  return new Promise((ok, fail) => {
    const onData = (d: Buffer) => {
      out += d.toString();
      if (/compiled (successfully|with \d+ warnings?)/.test(out)) ok({ child, output });
      if (/compiled with \d+ errors?|Error: listen/.test(out)) fail(new Error(out.slice(-3000)));
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) =>
      fail(new Error(`webpack serve exited with ${code}:\n${out.slice(-3000)}`))
    );
  });
}

maybe("npm start", () => {
  let server: { child: ChildProcess; output: () => string } | null = null;
  let profile = "";
  let port = 0;

  beforeAll(async () => {
    port = await freePort();
    server = await startDevServer(port);
    profile = mkdtempSync(join(tmpdir(), "vv-chromium-dev-"));
  }, 240_000);

  afterAll(() => {
    // The server and its children form one process group: end that group only.
    if (server?.child.pid) process.kill(-server.child.pid, "SIGTERM");
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it("serves a task pane that renders, without a page error", async () => {
    const fakeOffice = await fakeOfficeScript();
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
      headless: true,
      ignoreHTTPSErrors: true,
      viewport: { width: 380, height: 900 },
    });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      const errors: string[] = [];
      page.on("console", (m) => {
        if (m.type() === "error") errors.push(m.text());
      });
      page.on("pageerror", (e) => errors.push(String(e)));
      await context.route("**/*", async (route) => {
        const url = route.request().url();
        if (OFFICE_JS.test(url))
          return route.fulfill({ status: 200, contentType: "text/javascript", body: fakeOffice });
        const host = new URL(url).hostname;
        return host === "localhost" || host === "127.0.0.1" ? route.continue() : route.abort();
      });
      await page.goto(`https://localhost:${port}/taskpane.html`);
      await page
        .getByTestId("status-kind")
        .filter({ hasText: "Nog geen monitoringssjabloon" })
        .waitFor({ timeout: 60_000 });
      await page.getByRole("button", { name: "Sjabloon aanmaken" }).waitFor();
      expect(errors).toEqual([]);

      // A change to a source file: the server rebuilds without error and the page reloads and renders.
      const before = server!.output().length;
      const touched = join(ROOT, "src/excel/values.ts");
      const now = new Date();
      utimesSync(touched, now, now);
      const rebuilt = await waitFor(() => /compiled/.test(server!.output().slice(before)), 120_000);
      expect(rebuilt).toBe(true);
      expect(server!.output().slice(before)).not.toMatch(/error|Conflict/i);
      await page.waitForLoadState("load");
      await page
        .getByTestId("status-kind")
        .filter({ hasText: "Nog geen monitoringssjabloon" })
        .waitFor({ timeout: 60_000 });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 300_000);
});
