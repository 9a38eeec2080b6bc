/**
 * The one safe writer (src/cli/output-file.ts): no existing file replaced without --force, a write that
 * fails leaves the target as it was and no temporary file behind, and every system error said in the
 * user's words (write-errors.ts), per error code, in Dutch and English.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ExitError } from "../../src/cli/exit-error";
import { writeOutputFile, writeOutputText } from "../../src/cli/output-file";
import { run } from "./run";
import { tempDir } from "../flows/support";

const tmp = tempDir("vv-out-");
afterAll(() => tmp.cleanup());
const root = join(__dirname, "../..");
const bin = join(root, "bin/vv-monitor.cjs");

/** The message of the ExitError `p` rejects with (and that it is exit code 2). */
async function refusal(p: Promise<unknown>): Promise<string> {
  const e = await p.then(
    () => null,
    (x: unknown) => x
  );
  expect(e).toBeInstanceOf(ExitError);
  expect((e as ExitError).code).toBe(2);
  return (e as ExitError).message;
}

const nl = { force: false, lang: "nl" as const };

/** An error as Node's fs gives it. */
const sysError = (code: string) => Object.assign(new Error(`${code}: injected`), { code });

describe("writeOutputFile", () => {
  it("refuses an existing file without --force, with one line saying so and how; replaces it with", async () => {
    const dir = tmp.path("exists");
    mkdirSync(dir);
    const f = join(dir, "x.txt");
    writeFileSync(f, "oud");
    expect(await refusal(writeOutputText(f, nl, "nieuw"))).toBe(
      `${f}: bestaat al en wordt niet overschreven; kies een andere naam, of gebruik --force om het te vervangen`
    );
    expect(await refusal(writeOutputText(f, { force: false, lang: "en" }, "new"))).toBe(
      `${f}: already exists and is not overwritten; choose another name, or use --force to replace it`
    );
    expect(readFileSync(f, "utf8")).toBe("oud");
    await writeOutputText(f, { force: true, lang: "nl" }, "nieuw");
    expect(readFileSync(f, "utf8")).toBe("nieuw");
    expect(readdirSync(dir)).toEqual(["x.txt"]);
  });

  it("writes under a temporary name in the target's folder, and only then puts the file in place", async () => {
    const dir = tmp.path("beside");
    mkdirSync(dir);
    const f = join(dir, "x.txt");
    let seen = "";
    await writeOutputFile(f, nl, async (path) => {
      seen = path;
      writeFileSync(path, "inhoud");
      expect(readdirSync(dir)).toEqual([path.slice(dir.length + 1)]);
    });
    expect(seen.startsWith(join(dir, "."))).toBe(true);
    expect(readdirSync(dir)).toEqual(["x.txt"]);
  });

  it("a file made by someone else while the command worked is not replaced", async () => {
    const dir = tmp.path("race");
    mkdirSync(dir);
    const f = join(dir, "x.txt");
    const msg = await refusal(
      writeOutputFile(f, nl, async (path) => {
        writeFileSync(f, "van iemand anders");
        writeFileSync(path, "van ons");
      })
    );
    expect(msg).toContain("bestaat al");
    expect(readFileSync(f, "utf8")).toBe("van iemand anders");
    expect(readdirSync(dir)).toEqual(["x.txt"]);
  });

  // Each system error: the file named, what happened and what to do; the old file intact, no temporary left.
  const cases: [string, RegExp, RegExp][] = [
    [
      "ENOSPC",
      /: de schijf is vol; maak ruimte vrij of kies een andere schijf/,
      /: the disk is full; free some space or choose another disk/,
    ],
    [
      "EBUSY",
      /: kan niet geschreven worden, het bestand is geopend in een ander programma \(bv\. Excel\) of is alleen-lezen; sluit het daar/,
      /: cannot be written, the file is open in another program \(e\.g\. Excel\) or read-only; close it there/,
    ],
    // Excel on Windows holds the file: the rename fails with EPERM while the folder is writable.
    ["EPERM", /geopend in een ander programma/, /open in another program/],
    [
      "EROFS",
      /: de schijf of map is alleen-lezen; kies een andere map/,
      /: the disk or folder is read-only/,
    ],
    ["EIO", /: kan het bestand niet schrijven \(EIO\)$/, /: cannot write the file \(EIO\)$/],
  ];
  it.each(cases)(
    "%s (injected): one line in the user's words, old file intact",
    async (code, nlText, enText) => {
      const dir = tmp.path(`inject-${code}`);
      mkdirSync(dir);
      const f = join(dir, "x.xlsx");
      writeFileSync(f, "oud");
      for (const [lang, text] of [
        ["nl", nlText],
        ["en", enText],
      ] as const) {
        const msg = await refusal(
          writeOutputFile(f, { force: true, lang }, async (path) => {
            writeFileSync(path, "half");
            throw sysError(code);
          })
        );
        expect(msg.startsWith(`${f}: `)).toBe(true);
        expect(msg).toMatch(text);
        expect(msg).not.toContain("\n");
      }
      expect(readFileSync(f, "utf8")).toBe("oud");
      expect(readdirSync(dir)).toEqual(["x.xlsx"]);
    }
  );

  it("an error of ours (not a system error) is not dressed up as one, and leaves nothing behind", async () => {
    const dir = tmp.path("bug");
    mkdirSync(dir);
    await expect(
      writeOutputFile(join(dir, "x.xlsx"), nl, async (path) => {
        writeFileSync(path, "half");
        throw new TypeError("a bug");
      })
    ).rejects.toThrow(TypeError);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe("the commands: every output refused when it exists, without --force", () => {
  const filled = tmp.path("mijn-werkmap.xlsx");
  beforeAll(async () => {
    expect((await run("demo", filled)).code).toBe(0);
  });

  it("template over a filled workbook refuses without --force and leaves it as it was", async () => {
    const before = readFileSync(filled);
    const r = await run("template", filled);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `vv-monitor: ${filled}: bestaat al en wordt niet overschreven; kies een andere naam, of gebruik --force om het te vervangen\n`
    );
    expect(readFileSync(filled).equals(before)).toBe(true);
    const copy = tmp.path("kopie.xlsx");
    writeFileSync(copy, before);
    expect((await run("template", copy, "--force")).code).toBe(0);
    expect(readFileSync(copy).equals(before)).toBe(false);
  });

  it("demo, convert, merge, validate --annotate and export --csv refuse an existing output too", async () => {
    const taken = tmp.path("bezet.xlsx");
    writeFileSync(taken, "van de gebruiker");
    const csvDir = tmp.path("csv");
    mkdirSync(csvDir);
    writeFileSync(join(csvDir, "datapackage.json"), "van de gebruiker");
    for (const argv of [
      ["demo", taken],
      ["convert", filled, taken],
      ["merge", filled, "-o", taken],
      ["validate", filled, "--annotate", taken],
      ["export", filled, "--csv", csvDir],
    ]) {
      const r = await run("--lang", "en", ...argv);
      expect([argv[0], r.code]).toEqual([argv[0], 2]);
      expect(r.err).toMatch(
        /already exists and is not overwritten; choose another name, or use --force/
      );
    }
    expect(readFileSync(taken, "utf8")).toBe("van de gebruiker");
    // export checks every file before it writes the first: the folder is as it was.
    expect(readdirSync(csvDir)).toEqual(["datapackage.json"]);
    expect((await run("export", filled, "--csv", csvDir, "--force")).code).toBe(0);
    expect(readdirSync(csvDir).length).toBeGreaterThan(1);
  });

  it("an output that is also the input keeps its own message", async () => {
    const r = await run("convert", filled, filled);
    expect(r.code).toBe(2);
    expect(r.err).toContain("is ook een invoerbestand en wordt niet overschreven");
  });
});

describe("system errors on real folders (real process)", () => {
  const cli = (args: string[], opts: { uid?: number } = {}) =>
    spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: "utf8", ...opts });

  it("a folder given as the output file (EISDIR)", () => {
    const dir = tmp.path("een-map");
    mkdirSync(dir);
    for (const [lang, text] of [
      ["nl", `${dir}: is een map, geen bestand; geef een bestandsnaam, bv. ${dir}/werkmap.xlsx`],
      ["en", `${dir}: is a folder, not a file; give a file name, e.g. ${dir}/workbook.xlsx`],
    ]) {
      const r = cli(["--lang", lang, "template", dir, "--force"]);
      expect(r.status).toBe(2);
      expect(r.stderr).toBe(`vv-monitor: ${text}\n`);
    }
  });

  it("a missing folder (ENOENT), and a file where a folder should be (ENOTDIR)", () => {
    const out = tmp.path("nergens/dieper/x.xlsx");
    const r = cli(["--lang", "en", "template", out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      `vv-monitor: ${out}: the folder ${tmp.path("nergens")} does not exist; create it first or choose an existing folder\n`
    );
    const file = tmp.path("gewoon-bestand");
    writeFileSync(file, "");
    const r2 = cli(["template", join(file, "x.xlsx")]);
    expect(r2.status).toBe(2);
    expect(r2.stderr).toBe(
      `vv-monitor: ${join(file, "x.xlsx")}: ${file} is een bestand, geen map; kies een bestaande map\n`
    );
  });

  it("a read-only folder (EACCES): no permission to write there", () => {
    const dir = tmp.path("alleen-lezen");
    mkdirSync(dir);
    chmodSync(dir, 0o555);
    // root may write anywhere: run the command as an ordinary user then (as Node can when it is root).
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    chmodSync(tmp.dir, 0o755);
    const out = join(dir, "x.xlsx");
    const r = cli(["template", out], asUser);
    expect(r.stderr).toBe(
      `vv-monitor: ${out}: u hebt geen toestemming om te schrijven in de map ${dir}; kies een andere map\n`
    );
    expect(r.status).toBe(2);
    expect(readdirSync(dir)).toEqual([]);
  });
});

it("export --csv into a name that is a file: that file is named, not called an existing output", async () => {
  const demo = tmp.path("csv-demo.xlsx");
  expect((await run("demo", demo)).code).toBe(0);
  const file = tmp.path("geen-map.txt");
  writeFileSync(file, "van de gebruiker");
  const r = await run("export", demo, "--csv", file);
  expect([r.code, r.err]).toEqual([
    2,
    `vv-monitor: ${file}: ${file} is een bestand, geen map; kies een bestaande map\n`,
  ]);
  expect(readFileSync(file, "utf8")).toBe("van de gebruiker");
});
