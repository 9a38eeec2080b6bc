/**
 * @jest-environment jsdom
 */
/**
 * The production build (cached, see dist.ts): the deployable files exist, every URL of the built manifest
 * points at a file of the build under ADDIN_URL, the metadata files are the golden ones, the page has a
 * strict CSP, functions.js carries no React/Fluent and runs with code generation from strings disabled
 * (so the page needs no 'unsafe-eval'), and the registered functions compute the June 2022 totals.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { gzipSync } from "node:zlib";
import nl from "../../src/functions/nl.json";
import { all, parseXml, resources, urls } from "../manifest/xml";
import { expectedTotals, financingTable, projectsTable } from "../functions/tables";
import { builtDist, ROOT, TEST_URL } from "./dist";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { translateMetadata } = require("../../src/functions/translate.cjs") as {
  translateMetadata: (m: unknown, map: unknown) => unknown;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { CSP } = require("../../webpack.config.js") as { CSP: string };

let dist: string;
const read = (f: string) => fs.readFileSync(path.join(dist, f), "utf8");
beforeAll(() => {
  dist = builtDist();
}, 180_000);

test("dist holds the deployable add-in", () => {
  for (const f of [
    "taskpane.html",
    "taskpane.js",
    "functions.js",
    "functions.json",
    "functions-nl.json",
    "manifest.xml",
    "assets/icon-16.png",
    "assets/icon-32.png",
    "assets/icon-64.png",
    "assets/icon-80.png",
  ])
    expect([f, fs.existsSync(path.join(dist, f))]).toEqual([f, true]);
});

test("the built manifest: production URL everywhere, every URL is a file of the build, and it parses", () => {
  const text = read("manifest.xml");
  expect(text).not.toMatch(/localhost/);
  const doc = parseXml(text);
  const list = urls(doc);
  expect(list.length).toBeGreaterThan(8);
  for (const u of list) {
    expect(u.startsWith(TEST_URL + "/")).toBe(true);
    const file = path.join(dist, u.slice(TEST_URL.length + 1));
    expect([u, fs.existsSync(file) && fs.statSync(file).isFile()]).toEqual([u, true]);
  }
  // overrides are URLs too and are covered above; the Dutch one is there
  expect([...resources(doc).get("Functions.Metadata.Url")!.overrides.values()]).toEqual([
    `${TEST_URL}/functions-nl.json`,
    `${TEST_URL}/functions-nl.json`,
  ]);
  const out = execFileSync(
    process.execPath,
    [
      path.join(ROOT, "node_modules/office-addin-manifest/cli.js"),
      "info",
      path.join(dist, "manifest.xml"),
    ],
    { encoding: "utf8" }
  );
  expect(out).toMatch(`Source Location: ${TEST_URL}/taskpane.html`);
  // apart from the URLs, the built manifest is the source manifest
  expect(text.split(TEST_URL).join("https://localhost:3000")).toBe(
    fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8")
  );
});

test("functions.json is the golden file and functions-nl.json its Dutch twin", () => {
  const golden = JSON.parse(
    fs.readFileSync(path.join(ROOT, "test/functions/functions.golden.json"), "utf8")
  );
  expect(JSON.parse(read("functions.json"))).toEqual(golden);
  expect(JSON.parse(read("functions-nl.json"))).toEqual(translateMetadata(golden, nl));
});

test("taskpane.html: the CSP comes first and allows scripts only from the page's origin and office.js's CDN, no eval", () => {
  const html = read("taskpane.html");
  const doc = new DOMParser().parseFromString(html, "text/html");
  const metas = Array.from(doc.querySelectorAll('meta[http-equiv="Content-Security-Policy"]'));
  expect(metas).toHaveLength(1);
  const csp = metas[0].getAttribute("content")!;
  expect(csp).toBe(CSP);
  const directives = new Map(
    csp
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .map(([k, ...v]) => [k, v])
  );
  expect(directives.get("script-src")).toEqual(["'self'", "https://appsforoffice.microsoft.com"]);
  expect(directives.get("default-src")).toEqual(["'self'"]);
  expect(directives.get("object-src")).toEqual(["'none'"]);
  expect(csp).not.toMatch(/unsafe-eval|wasm-unsafe-eval|\*/);
  // the policy precedes every script
  expect(html.indexOf("Content-Security-Policy")).toBeLessThan(html.indexOf("<script"));
  const scripts = Array.from(doc.querySelectorAll("script"));
  expect(scripts.map((s) => s.getAttribute("src"))).toEqual([
    "https://appsforoffice.microsoft.com/lib/1/hosted/office.js",
    "functions.js",
    "taskpane.js",
  ]);
  for (const s of scripts) expect(s.textContent).toBe("");
  expect(doc.getElementById("root")).not.toBeNull();
});

test("functions.js is small and free of React and Fluent UI; no bundle calls eval", () => {
  const fn = read("functions.js");
  for (const marker of [
    "react.transitional.element",
    "react.element",
    "__reactFiber",
    "@fluentui",
    "griffel",
    "tabster",
  ])
    expect([marker, fn.includes(marker)]).toEqual([marker, false]);
  expect(gzipSync(fn).length).toBeLessThan(60_000);
  for (const f of ["functions.js", "taskpane.js"])
    expect([f, /\beval\(/.test(read(f))]).toEqual([f, false]);
});

test("functions.js runs with code generation from strings disabled and registers working functions", () => {
  const associated = new Map<string, (...a: unknown[]) => unknown>();
  class FakeError {
    constructor(
      public code: string,
      public message?: string
    ) {}
  }
  const context = vm.createContext(
    {
      CustomFunctions: {
        associate: (id: string, fn: (...a: unknown[]) => unknown) => associated.set(id, fn),
        Error: FakeError,
        ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!" },
      },
      console,
    },
    { codeGeneration: { strings: false, wasm: false } }
  );
  // the setting bites: eval and new Function throw in this context
  expect(() => vm.runInContext('eval("1")', context)).toThrow();
  expect(() => vm.runInContext('new Function("return 1")', context)).toThrow();
  vm.runInContext(read("functions.js"), context, { filename: "functions.js" });
  expect([...associated.keys()]).toEqual([
    "REALISATIONRATE",
    "BUDGET",
    "COMMITMENTS",
    "PAYMENTS",
    "COMMITMENTRATE",
    "PAYMENTRATE",
  ]);
  const call = (id: string, ...args: unknown[]) => associated.get(id)!(...args);
  expect(call("REALISATIONRATE", "119.000", "1.650.000")).toBeCloseTo(119000 / 1650000, 12);
  const t = financingTable();
  const e = expectedTotals(() => true);
  expect(call("BUDGET", t)).toBeCloseTo(e.update, 2);
  expect(call("COMMITMENTS", t)).toBeCloseTo(e.vak, 2);
  expect(call("PAYMENTS", t)).toBeCloseTo(e.vek, 2);
  const c = expectedTotals((_f, p) => p?.cluster === "05. Versterking O&O");
  expect(call("COMMITMENTRATE", t, "cluster", "05", projectsTable())).toBeCloseTo(
    c.vak / c.update,
    12
  );
  const err = call("PAYMENTRATE", t, "cluster", "05") as FakeError;
  expect(err).toBeInstanceOf(FakeError);
  expect(err.code).toBe("#N/A");
});

test("the built manifest's icons are the committed PNGs", () => {
  const doc = parseXml(read("manifest.xml"));
  for (const img of all(doc, "Image").filter((e) => e.hasAttribute("DefaultValue"))) {
    const rel = img.getAttribute("DefaultValue")!.slice(TEST_URL.length + 1);
    expect(
      fs.readFileSync(path.join(dist, rel)).equals(fs.readFileSync(path.join(ROOT, rel)))
    ).toBe(true);
  }
});
