/**
 * The built page in a real browser under its own Content-Security-Policy: office.js (faked, served for
 * the CDN address) is allowed, eval is blocked, loading the page reports no CSP violation from our
 * bundles, the task pane renders into #root, the six functions register and compute. Needs Chromium (/usr/bin/chromium, installed by
 * .ci/run); on a machine without it this file is skipped and says so.
 */
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { chromium, type Browser } from "playwright-core";
import { builtDist } from "./dist";

const CHROMIUM = "/usr/bin/chromium";
const maybe = fs.existsSync(CHROMIUM) ? test : test.skip;

const FAKE_OFFICE_JS = `
  window.__assoc = {};
  window.__csp = [];
  document.addEventListener("securitypolicyviolation", (e) => window.__csp.push(e.violatedDirective + " " + e.sourceFile + ":" + e.lineNumber));
  window.CustomFunctions = {
    associate: (id, fn) => { window.__assoc[id] = fn; },
    Error: class { constructor(code, message) { this.code = code; this.message = message; } },
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!" },
  };
  window.Office = { onReady: (cb) => { const info = { host: null, platform: null }; if (cb) cb(info); return Promise.resolve(info); } };
  try { eval("1"); window.__evalAllowed = true; } catch (e) { window.__evalAllowed = false; }
`;

let server: http.Server;
let browser: Browser | undefined;
let base = "";

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) return;
  const dist = builtDist();
  server = http.createServer((req, res) => {
    const file = path.join(dist, decodeURIComponent((req.url ?? "/").split("?")[0]));
    if (!file.startsWith(dist) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.statusCode = 404;
      res.end();
      return;
    }
    const type = file.endsWith(".html")
      ? "text/html"
      : file.endsWith(".js")
        ? "text/javascript"
        : file.endsWith(".json")
          ? "application/json"
          : "application/octet-stream";
    res.setHeader("content-type", type);
    res.end(fs.readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  if (server) await new Promise((resolve) => server.close(resolve));
});

maybe(
  "taskpane.html under its CSP: no violation from the bundles, eval blocked, the functions register and compute",
  async () => {
    const page = await browser!.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.route("https://appsforoffice.microsoft.com/**", (route) =>
      route.fulfill({ contentType: "text/javascript", body: FAKE_OFFICE_JS })
    );
    await page.goto(`${base}/taskpane.html`);
    await page.waitForLoadState("load");
    await page.waitForTimeout(300); // violation events are dispatched asynchronously
    const r = await page.evaluate(() => {
      const w = window as unknown as {
        __assoc: Record<string, (...a: unknown[]) => unknown>;
        __csp: string[];
        __evalAllowed: boolean;
      };
      const table = [
        ["Projectcode", "Beleidsruimte (begroot)", "Uitvoering VAK"],
        ["VV001", "1.650.000", "344.000 EUR"],
        ["VV159", 1000, 500],
      ];
      return {
        ids: Object.keys(w.__assoc),
        rate: w.__assoc.REALISATIONRATE("119.000", "1.650.000"),
        vak: w.__assoc.COMMITMENTS(table),
        vakRelance: w.__assoc.COMMITMENTS(table, "envelop", "relance"),
        error: w.__assoc.REALISATIONRATE("", 200),
        csp: w.__csp,
        evalAllowed: w.__evalAllowed,
        rootElements: document.getElementById("root")?.childElementCount ?? -1,
      };
    });
    await page.close();
    expect(errors).toEqual([]);
    expect(r.evalAllowed).toBe(false); // the policy is in force
    // the only violation is the fake office.js's own eval attempt
    expect(r.csp.filter((v) => !v.includes("appsforoffice.microsoft.com"))).toEqual([]);
    expect(r.csp).toHaveLength(1);
    expect(r.rootElements).toBeGreaterThan(0); // the task pane rendered into the shell's #root
    expect(r.ids).toEqual([
      "REALISATIONRATE",
      "BUDGET",
      "COMMITMENTS",
      "PAYMENTS",
      "COMMITMENTRATE",
      "PAYMENTRATE",
    ]);
    expect(r.rate).toBeCloseTo(119000 / 1650000, 12);
    expect(r.vak).toBe(344500);
    expect(r.vakRelance).toBe(344000);
    expect(r.error).toEqual({ code: "#N/A", message: "Geen realisatie ingevuld." });
  },
  120_000
);
