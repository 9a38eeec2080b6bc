/**
 * The corpus of workbooks made by other programs (test/corpus/make-corpus.py: openpyxl, LibreOffice from
 * CSV) with their true totals, computed by that script from the data it wrote. For every case:
 * `totals` on the files, `convert` then `totals`, and `merge` then `totals` must give exactly the true
 * figures, or refuse with a message (exit 1 or 2). Exit 0 with other numbers fails.
 */
import { copyFileSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { main, type Io } from "../../src/cli/main";
import { tempDir } from "../flows/support";

interface Sums {
  count: number;
  begroot: number;
  update: number;
  vak: number;
  vek: number;
}
interface Expectation {
  exit: number;
  refuse?: string;
}
interface Case extends Expectation {
  files: string[];
  item: number;
  by: string;
  rules: string[];
  note: string;
  total?: Sums;
  groups?: Record<string, Sums>;
  after?: { convert?: Expectation; merge?: Expectation };
}

const cases = JSON.parse(readFileSync(join(__dirname, "truth.json"), "utf8")) as Case[];
const tmp = tempDir("vv-corpus-");
afterAll(() => tmp.cleanup());
beforeAll(() => {
  for (const f of readdirSync(join(__dirname, "files")))
    copyFileSync(join(__dirname, "files", f), tmp.path(f));
});

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io: Io = { stdout: (s) => void (out += s), stderr: (s) => void (err += s), isTTY: false };
  const code = await main(argv, io);
  return { code, out, err };
}

const KEYS = ["count", "begroot", "update", "vak", "vek"] as const;
/** Figures of the JSON (euro) in cents, as the truth has them. */
const cents = (s: Record<string, unknown>) =>
  KEYS.map((k) => (k === "count" ? s[k] : Math.round((s[k] as number) * 100)));
const truthOf = (s: Sums) => KEYS.map((k) => s[k]);

/** `totals` on files: the true figures (and findings), or a refusal with a message. */
async function totalsAre(files: string[], c: Case, e: Expectation, rules: string[] = []) {
  const r = await run("totals", ...files.map((f) => tmp.path(f)), "--by", c.by, "--json");
  expect({ code: r.code, err: r.err }).toMatchObject({ code: e.exit });
  if (e.refuse) {
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(new RegExp(e.refuse));
    if (r.code === 2) expect(r.out).toBe("");
    return;
  }
  const json = JSON.parse(r.out) as {
    total: Record<string, unknown>;
    groups: Record<string, unknown>[];
    findings: { rule: string }[];
  };
  expect(cents(json.total)).toEqual(truthOf(c.total!));
  const groups = Object.fromEntries(json.groups.map((g) => [g.key, cents(g)]));
  expect(groups).toEqual(
    Object.fromEntries(Object.entries(c.groups!).map(([k, g]) => [k, truthOf(g)]))
  );
  for (const rule of rules) expect(json.findings.map((f) => f.rule)).toContain(rule);
  if (e.exit !== 0) expect(r.err).not.toBe("");
}

describe.each(cases.map((c, i) => [`${i + 1}. item ${c.item}: ${c.note}`, c] as const))(
  "%s",
  (_name, c) => {
    it("totals: exact, or refused with a message", async () => {
      await totalsAre(c.files, c, c, c.rules);
    });

    it("convert, then totals on the converted files", async () => {
      const outs: string[] = [];
      for (const f of c.files) {
        const out = `converted-${f.replace(/\.\w+$/, "")}-${c.by}.xlsx`;
        const r = await run("convert", tmp.path(f), tmp.path(out));
        if (r.code !== 0) {
          // Only a refusal may stop here: a file that is not a monitoring workbook, or not .xlsx.
          expect(r.code).toBe(2);
          expect(r.err).toMatch(new RegExp(c.refuse!));
          return;
        }
        outs.push(out);
      }
      await totalsAre(outs, c, c.after?.convert ?? c);
    });

    it("merge, then totals on the merged workbook", async () => {
      const out = `merged-${c.files.join("+").replace(/\.\w+/g, "")}-${c.by}.xlsx`;
      const r = await run("merge", ...c.files.map((f) => tmp.path(f)), "-o", tmp.path(out));
      if (r.code === 2) {
        expect(r.err).toMatch(new RegExp(c.refuse!));
        return;
      }
      expect(r.code).toBe(c.rules.includes("overlap-conflict") ? 1 : 0);
      await totalsAre([out], c, c.after?.merge ?? c);
    });
  }
);

it("covers every numbered item of issue 9 that is about reading and totals", () => {
  expect([...new Set(cases.map((c) => c.item))].sort((a, b) => a - b)).toEqual([
    1, 2, 3, 4, 5, 6, 7, 8, 9, 13, 14, 15,
  ]);
});
