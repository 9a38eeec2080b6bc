/**
 * @jest-environment jsdom
 */
/**
 * Offline checks of manifest.xml (the online validator is not reachable here): it parses with
 * office-addin-manifest, the shared runtime's resource ids are consistent, every resid is defined, the
 * Dutch function metadata is wired for nl-NL and nl-BE, display texts are Dutch with English overrides,
 * and the icons exist with the sizes they claim.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { all, one, parseXml, resids, resources, top, urls } from "./xml";
import { REQUIRED_API } from "../../src/excel/host";
import { DUTCH_FUNCTION_LOCALES } from "../../src/functions/formulas";

const ROOT = path.resolve(__dirname, "../..");
const MANIFEST = path.join(ROOT, "manifest.xml");
const doc = parseXml(fs.readFileSync(MANIFEST, "utf8"));
const res = resources(doc);
const DEV = "https://localhost:3000/";

export function manifestInfo(file: string): string {
  return execFileSync(
    process.execPath,
    [path.join(ROOT, "node_modules/office-addin-manifest/cli.js"), "info", file],
    { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }
  );
}

test("office-addin-manifest info parses it", () => {
  const out = manifestInfo(MANIFEST);
  expect(out).toMatch(/Id: 9a866ab6-3876-4412-a94f-3999c024fb8b/);
  expect(out).toMatch(/Permissions: ReadWriteDocument/);
  expect(out).toMatch(/Hosts: Workbook/);
  expect(out).toMatch(/Default Locale: nl-NL/);
});

test("an Excel task pane add-in with the least permission that works and the shared runtime requirement", () => {
  expect(doc.documentElement.localName).toBe("OfficeApp");
  expect(doc.documentElement.getAttribute("xsi:type")).toBe("TaskPaneApp");
  expect(top(doc, "Permissions").textContent).toBe("ReadWriteDocument");
  expect(
    all(top(doc, "Hosts"), "Host").map((h) => h.getAttribute("Name") ?? h.getAttribute("xsi:type"))
  ).toContain("Workbook");
  const sets = all(top(doc, "Requirements"), "Set").map(
    (s) => `${s.getAttribute("Name")} ${s.getAttribute("MinVersion")}`
  );
  expect(sets).toContain("SharedRuntime 1.1");
  // The lowest ExcelApi set the add-in needs, as the Excel host declares it.
  expect(sets).toContain(`ExcelApi ${REQUIRED_API}`);
});

test("the Dutch function metadata goes to the display languages whose formulas get the Dutch names", () => {
  const overrides = all(doc, "Override")
    .filter((o) => (o.getAttribute("Value") ?? "").endsWith("functions-nl.json"))
    .map((o) => o.getAttribute("Locale"));
  expect([...overrides].sort()).toEqual([...DUTCH_FUNCTION_LOCALES].sort());
});

test("one shared runtime: the runtime, the functions page, the function file and the task pane button use the same resource", () => {
  const runtimes = all(doc, "Runtime");
  expect(runtimes).toHaveLength(1);
  expect(runtimes[0].getAttribute("lifetime")).toBe("long");
  const id = runtimes[0].getAttribute("resid")!;
  const cf = all(doc, "ExtensionPoint").find(
    (e) => e.getAttribute("xsi:type") === "CustomFunctions"
  )!;
  expect(one(one(cf, "Page"), "SourceLocation").getAttribute("resid")).toBe(id);
  expect(one(doc, "FunctionFile").getAttribute("resid")).toBe(id);
  const actions = all(doc, "Action").filter((a) => a.getAttribute("xsi:type") === "ShowTaskpane");
  expect(actions.length).toBeGreaterThan(0);
  for (const a of actions) expect(one(a, "SourceLocation").getAttribute("resid")).toBe(id);
  expect(res.get(id)!.value).toBe(`${DEV}taskpane.html`);
  // DefaultSettings (older hosts) points at the same page
  expect(one(top(doc, "DefaultSettings"), "SourceLocation").getAttribute("DefaultValue")).toBe(
    res.get(id)!.value
  );
  // the ribbon button sits on the Home tab
  expect(one(doc, "OfficeTab").getAttribute("id")).toBe("TabHome");
});

test("every resid is defined, every resource is used, ids are at most 32 characters", () => {
  const used = resids(doc);
  expect(used.length).toBeGreaterThan(10);
  for (const u of used) expect(res.has(u.resid)).toBe(true);
  const usedIds = new Set(used.map((u) => u.resid));
  for (const id of res.keys()) {
    expect(usedIds.has(id)).toBe(true);
    expect(id.length).toBeLessThanOrEqual(32);
  }
});

test("custom functions: namespace VV, script, metadata with Dutch overrides for nl-NL and nl-BE", () => {
  const cf = all(doc, "ExtensionPoint").find(
    (e) => e.getAttribute("xsi:type") === "CustomFunctions"
  )!;
  expect(res.get(one(cf, "Namespace").getAttribute("resid")!)!.value).toBe("VV");
  expect(res.get(one(one(cf, "Script"), "SourceLocation").getAttribute("resid")!)!.value).toBe(
    `${DEV}functions.js`
  );
  const meta = res.get(one(one(cf, "Metadata"), "SourceLocation").getAttribute("resid")!)!;
  expect(meta.value).toBe(`${DEV}functions.json`);
  expect(Object.fromEntries(meta.overrides)).toEqual({
    "nl-NL": `${DEV}functions-nl.json`,
    "nl-BE": `${DEV}functions-nl.json`,
  });
});

test("display texts: Dutch by default (nl-NL) with an en-US override for each", () => {
  expect(top(doc, "DefaultLocale").textContent).toBe("nl-NL");
  for (const name of ["DisplayName", "Description"]) {
    const el = top(doc, name);
    expect(el.getAttribute("DefaultValue")).toBeTruthy();
    expect(all(el, "Override").map((o) => o.getAttribute("Locale"))).toEqual(["en-US"]);
  }
  for (const [id, r] of res) {
    if (r.kind !== "String" || id === "Functions.Namespace") continue;
    expect([id, [...r.overrides.keys()]]).toEqual([id, ["en-US"]]);
  }
  expect(top(doc, "Description").getAttribute("DefaultValue")).toMatch(/controle|totalen/);
  expect(top(doc, "Description").getAttribute("DefaultValue")!.length).toBeLessThanOrEqual(250);
});

test("every URL is on the dev server, and the icons exist with the sizes they claim", () => {
  const list = urls(doc);
  expect(list.length).toBeGreaterThan(8);
  for (const u of list) expect(u.startsWith(DEV)).toBe(true);
  const images = [...res].filter(([, r]) => r.kind === "Image");
  const claimed = [
    ...images.map(([id, r]) => [r.value, Number(/(\d+)x\1$/.exec(id)![1])] as const),
    [top(doc, "IconUrl").getAttribute("DefaultValue")!, 32] as const,
    [top(doc, "HighResolutionIconUrl").getAttribute("DefaultValue")!, 64] as const,
  ];
  for (const [url, size] of claimed) {
    const file = path.join(ROOT, url.slice(DEV.length));
    const png = fs.readFileSync(file);
    expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
  }
});
