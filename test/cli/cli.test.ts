/**
 * The command line: commands, JSON shapes and exit codes of DESIGN.md, on real files. Most runs are
 * in-process (main with captured output); a few spawn bin/vv-monitor.cjs as a user would.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { run } from "./run";
import { expectedSums, rawDataset, tempDir } from "../flows/support";

const tmp = tempDir("vv-cli-");
afterAll(() => tmp.cleanup());
const root = join(__dirname, "../..");

const demo = tmp.path("demo.xlsx");
const template = tmp.path("template.xlsx");
beforeAll(async () => {
  expect((await run("demo", demo)).code).toBe(0);
  expect((await run("template", template)).code).toBe(0);
});

it("demo prints the validation summary and the totals per speerpunt", async () => {
  const r = await run("demo", tmp.path("demo2.xlsx"));
  expect(r.out).toContain("180 projecten");
  expect(r.out).toMatch(/\d+ fouten, \d+ waarschuwingen \(meetmoment 2022-06-01\)/);
  expect(r.out).toContain("Totalen per speerpunt");
  const en = await run("--lang", "en", "demo", tmp.path("demo3.xlsx"));
  expect(en.out).toContain("Totals per spearhead");
});

it("validate --json prints one array of findings with the public shape; exit 1 with errors", async () => {
  const r = await run("validate", demo, "--json");
  expect(r.code).toBe(1);
  const findings = JSON.parse(r.out) as Record<string, unknown>[];
  expect(findings.length).toBeGreaterThan(0);
  for (const f of findings) {
    expect(Object.keys(f)).toEqual([
      "file",
      "sheet",
      "cell",
      "row",
      "column",
      "projectCode",
      "rule",
      "severity",
      "message",
      "value",
    ]);
    expect(f.file).toBe(demo);
    expect(["error", "warning"]).toContain(f.severity);
  }
  expect(findings.some((f) => f.severity === "error")).toBe(true);
  // The meetmoment comes from the workbook unless --meetmoment overrides it.
  const early = JSON.parse(
    (await run("validate", demo, "--json", "--meetmoment", "2020-01-01")).out
  ) as { rule: string }[];
  expect(early.filter((f) => f.rule === "milestone-overdue").length).toBeLessThan(
    findings.filter((f) => f.rule === "milestone-overdue").length
  );
});

it("validate exits 0 without errors (warnings allowed) and 2 when an input cannot be read", async () => {
  const ok = await run("validate", template);
  expect(ok.code).toBe(0);
  const bad = tmp.path("bad.xlsx");
  writeFileSync(bad, "not a workbook");
  const r = await run("validate", template, bad, "--json");
  expect(r.code).toBe(2);
  expect(r.err.trim().split("\n")).toHaveLength(1);
  expect(r.err).toContain("bad.xlsx");
  expect(Array.isArray(JSON.parse(r.out))).toBe(true);
});

it("validate --annotate writes a marked copy", async () => {
  const out = tmp.path("annotated.xlsx");
  const r = await run("validate", demo, "--annotate", out);
  expect(r.code).toBe(1);
  const check = await run("validate", out, "--json");
  expect(JSON.parse(check.out).length).toBe(
    JSON.parse((await run("validate", demo, "--json")).out).length
  );
});

it("totals --json has {groups: [{key,label,count,begroot,update,vak,vek}], total} equal to the data set", async () => {
  const r = await run("totals", demo, "--by", "speerpunt", "--json");
  expect(r.code).toBe(0);
  const t = JSON.parse(r.out) as {
    groups: Record<string, number | string>[];
    total: Record<string, number | string>;
  };
  const expected = expectedSums("speerpunt");
  expect(t.groups).toHaveLength(expected.size);
  for (const g of t.groups) {
    expect(Object.keys(g)).toEqual(["key", "label", "count", "begroot", "update", "vak", "vek"]);
    const e = expected.get(g.key as string)!;
    expect([
      g.count,
      Math.round((g.begroot as number) * 100),
      Math.round((g.update as number) * 100),
      Math.round((g.vak as number) * 100),
      Math.round((g.vek as number) * 100),
    ]).toEqual([e.count, e.begroot, e.update, e.vak, e.vek]);
  }
  expect(Object.keys(t.total)).toEqual([
    "key",
    "label",
    "count",
    "begroot",
    "update",
    "vak",
    "vek",
  ]);
  expect(t.total.count).toBe(180);
  const env = JSON.parse((await run("totals", demo, "--by", "envelop", "--json")).out) as {
    groups: { key: string; count: number }[];
  };
  expect(env.groups.map((g) => [g.key, g.count])).toEqual([
    ["relance", 158],
    ["regulier", 22],
  ]);
  expect((await run("totals", demo, "--by", "nonsense")).code).toBe(2);
});

it("export --json gives typed records with the computed realisatiegraad", async () => {
  const r = await run("export", demo, "--json");
  expect(r.code).toBe(0);
  const ex = JSON.parse(r.out) as {
    meetmoment: string;
    projects: unknown[];
    indicators: Record<string, unknown>[];
  };
  expect(ex.meetmoment).toBe("2022-06-01");
  expect(ex.projects).toHaveLength(rawDataset().projects.length);
  for (const i of ex.indicators)
    for (const k of ["projectCode", "indicator", "streefwaarde", "realisatie", "realisatiegraad"])
      expect(i).toHaveProperty(k);
  const first = ex.indicators[0];
  expect(first.realisatiegraad).toBe((first.realisatie as number) / (first.streefwaarde as number));
});

it("export --json waits for stdout to take each piece before it writes the next", async () => {
  const { main } = await import("../../src/cli/main");
  const events: string[] = [];
  let out = "";
  const code = await main(["export", demo, "--json"], {
    stdout: (s) => {
      out += s;
      events.push("write");
    },
    stderr: () => {},
    drained: async () => void events.push("drained"),
    isTTY: false,
  });
  expect(code).toBe(0);
  expect(events.filter((e) => e === "write").length).toBeGreaterThan(1);
  // Every write is waited for before the next one.
  expect(events.join(" ")).toMatch(/^(write drained ?)+$/);
  expect(out).toBe((await run("export", demo, "--json")).out);
});

it("convert and merge write files and say what they did", async () => {
  const conv = await run("convert", demo, tmp.path("converted.xlsx"));
  expect(conv.code).toBe(0);
  expect(conv.out).toContain("al in het sjabloon, niet gewijzigd");
  const m = await run("merge", demo, template, "-o", tmp.path("merged.xlsx"));
  expect(m.code).toBe(0);
  expect(m.out).toContain("2 werkmappen samengevoegd");
  expect((await run("totals", tmp.path("merged.xlsx"), "--json")).code).toBe(0);
  expect((await run("merge", demo)).code).toBe(2); // -o is required
});

it("merge into a folder that does not exist: one line naming the file, exit 2, no stack trace", () => {
  const out = tmp.path("geen-map/samen.xlsx");
  const bin = join(root, "bin/vv-monitor.cjs");
  const r = spawnSync(process.execPath, [bin, "merge", demo, template, "-o", out], {
    cwd: root,
    encoding: "utf8",
  });
  expect(r.status).toBe(2);
  expect(r.stderr.trim()).toBe(
    `vv-monitor: ${out}: de map ${tmp.path("geen-map")} bestaat niet; maak ze eerst aan of kies een bestaande map`
  );
});

describe("bad inputs: one line, exit 2, no stack trace (real process)", () => {
  const bin = join(root, "bin/vv-monitor.cjs");
  const cases: [string, Buffer][] = [
    ["empty.xlsx", Buffer.alloc(0)],
    ["text.xlsx", Buffer.from("hello")],
    ["truncated.xlsx", Buffer.alloc(0)],
    [
      "locked.xlsx",
      Buffer.concat([
        Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
        Buffer.alloc(100),
        Buffer.from("EncryptedPackage", "utf16le"),
      ]),
    ],
  ];
  it.each(cases)("%s", (name, bytes) => {
    const file = tmp.path(name);
    writeFileSync(file, name === "truncated.xlsx" ? readFileSync(demo).subarray(0, 5000) : bytes);
    const r = spawnSync(process.execPath, [bin, "validate", file], { cwd: root, encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/^vv-monitor: .*\.xlsx: /);
    expect(r.stderr).not.toMatch(/\bat .*\.(ts|js):\d+/);
  });

  it("starts without a build step and prints help", () => {
    const out = execFileSync(process.execPath, [bin, "--help"], { cwd: root, encoding: "utf8" });
    for (const c of ["template", "demo", "convert", "validate", "totals", "export", "merge"])
      expect(out).toContain(c);
  });
});
