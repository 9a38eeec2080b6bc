/**
 * A corpus of broken and awkward inputs, made by the test: the command line answers each with a one-line
 * message and exit code 2, or with a validation report (exit 0 or 1) — never a stack trace — and a
 * 100,000-row workbook is validated within a bounded heap.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { SHEET_BY_KEY } from "../../src/core/template";
import { writeDemo } from "../../src/workbook/flows";
import { XlsxPort } from "../../src/xlsx/port";

const dir = mkdtempSync(join(tmpdir(), "vv-bad-"));
const file = (name: string) => join(dir, name);

async function cli(...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
    isTTY: false,
  });
  return { code, stdout, stderr };
}

function expectOneLineError(r: { code: number; stderr: string; stdout: string }, pattern: RegExp) {
  expect(r.code).toBe(2);
  const lines = r.stderr.trim().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

let demoBytes: Buffer;
beforeAll(async () => {
  const port = new XlsxPort();
  await writeDemo(port, {});
  demoBytes = await port.toBuffer();
});

describe("unreadable files: one line, exit 2", () => {
  test("a truncated zip", async () => {
    writeFileSync(file("truncated.xlsx"), demoBytes.subarray(0, Math.floor(demoBytes.length / 2)));
    expectOneLineError(
      await cli("validate", file("truncated.xlsx")),
      /truncated\.xlsx: .*beschadigd/
    );
  });
  test("not a zip (a text file named .xlsx)", async () => {
    writeFileSync(file("text.xlsx"), "Projectcode;Projecttitel\nVV001;Asbest\n");
    expectOneLineError(await cli("validate", file("text.xlsx")), /text\.xlsx: geen Excel-werkmap/);
  });
  test("an empty file", async () => {
    writeFileSync(file("empty.xlsx"), "");
    expectOneLineError(
      await cli("validate", file("empty.xlsx")),
      /empty\.xlsx: het bestand is leeg/
    );
  });
  test("a password-protected workbook (an OLE container with EncryptionInfo and EncryptedPackage streams)", async () => {
    const ole = Buffer.alloc(4096);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole, 0);
    Buffer.from("EncryptionInfo", "utf16le").copy(ole, 1024);
    Buffer.from("EncryptedPackage", "utf16le").copy(ole, 1152);
    writeFileSync(file("secret.xlsx"), ole);
    expectOneLineError(await cli("validate", file("secret.xlsx")), /secret\.xlsx: .*wachtwoord/);
  });
  test("a missing file and a directory", async () => {
    expectOneLineError(
      await cli("validate", file("nope.xlsx")),
      /nope\.xlsx: bestand niet gevonden/
    );
    mkdirSync(file("folder.xlsx"));
    expectOneLineError(await cli("validate", file("folder.xlsx")), /folder\.xlsx: /);
  });
  test("in English with --lang en", async () => {
    expectOneLineError(
      await cli("--lang", "en", "validate", file("empty.xlsx")),
      /empty\.xlsx: the file is empty/
    );
  });
  test("every command answers an unreadable input the same way", async () => {
    for (const argv of [
      ["totals", file("text.xlsx")],
      ["export", file("text.xlsx"), "--json"],
      ["convert", file("text.xlsx"), file("out.xlsx")],
      ["merge", file("text.xlsx"), "-o", file("m.xlsx")],
    ])
      expectOneLineError(await cli(...argv), /text\.xlsx: geen Excel-werkmap/);
  });
});

/** A workbook of plain sheets (no Excel tables), built with exceljs. */
async function plainWorkbook(
  name: string,
  sheets: { name: string; rows: unknown[][]; merge?: string }[]
) {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.rows.forEach((r) => ws.addRow(r));
    if (s.merge) ws.mergeCells(s.merge);
  }
  await wb.xlsx.writeFile(file(name));
  return file(name);
}
const headers = (k: keyof typeof SHEET_BY_KEY) => SHEET_BY_KEY[k].columns.map((c) => c.header);

describe("awkward workbooks: a report, never a crash", () => {
  test("a workbook with no tables at all (plain ranges) is read from its used ranges", async () => {
    const f = await plainWorkbook("plain.xlsx", [
      {
        name: "Projecten",
        rows: [
          headers("projects"),
          ["VV001", "Asbest", "05. Versterking O&O", "01. Economie en samenleving verduurzamen"],
        ],
      },
      {
        name: "Mijlpalen",
        rows: [headers("milestones"), ["VV001", "Regelgeving", "2022 Q5", "Op schema"]],
      },
    ]);
    const r = await cli("validate", f, "--json", "--meetmoment", "2022-06-01");
    expect(r.code).toBe(1);
    const findings = JSON.parse(r.stdout) as { rule: string; cell: string; sheet: string }[];
    expect(findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ rule: "timing-format", sheet: "Mijlpalen", cell: "C2" }),
        expect.objectContaining({ rule: "sheet-missing" }),
      ])
    );
  });

  test("renamed sheets: the template sheets are reported missing, by name", async () => {
    const f = await plainWorkbook("renamed.xlsx", [{ name: "Blad1", rows: [["iets"], [1]] }]);
    const r = await cli("validate", f, "--json");
    expect(r.code).toBe(1);
    const rules = (JSON.parse(r.stdout) as { rule: string; sheet: string }[])
      .filter((x) => x.rule === "sheet-missing")
      .map((x) => x.sheet);
    expect(rules.sort()).toEqual(["Financiering", "Mijlpalen", "Outputindicatoren", "Projecten"]);
  });

  test("the header row moved down: findings point at the real cells", async () => {
    const f = await plainWorkbook("moved.xlsx", [
      {
        name: "Mijlpalen",
        rows: [
          ["Mijlpalen van entiteit X"],
          [],
          [],
          headers("milestones"),
          ["VV001", "Regelgeving", "2022 Q1", "Klaar"],
        ],
      },
    ]);
    const r = await cli("validate", f, "--json");
    const enumFinding = (JSON.parse(r.stdout) as { rule: string; cell: string }[]).find(
      (x) => x.rule === "enum-value"
    );
    expect(enumFinding?.cell).toBe("D5");
  });

  test("merged header cells are reported, not fatal", async () => {
    const f = await plainWorkbook("merged.xlsx", [
      {
        name: "Financiering",
        rows: [headers("financing"), ["VV001", 10, 10, 5, 2]],
        merge: "B1:C1",
      },
    ]);
    const r = await cli("validate", f, "--json");
    expect([0, 1]).toContain(r.code);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(Array.isArray(JSON.parse(r.stdout))).toBe(true);
  });

  test("blank rows in the middle of a table are skipped, and later rows keep their real row numbers", async () => {
    const f = await plainWorkbook("gaps.xlsx", [
      {
        name: "Mijlpalen",
        rows: [
          headers("milestones"),
          ["VV001", "Eerste", "2022 Q3", "Op schema"],
          [],
          [null, null, null, null],
          ["VV001", "Na de gaten", "2022 Q3", "Klaar"],
        ],
      },
    ]);
    const r = await cli("validate", f, "--json", "--meetmoment", "2022-06-01");
    const mine = (JSON.parse(r.stdout) as { rule: string; cell: string; sheet: string }[]).filter(
      (x) => x.sheet === "Mijlpalen"
    );
    expect(mine.map((x) => `${x.rule}@${x.cell}`)).toEqual(["enum-value@D5"]);
  });
});

test("100,000 milestone rows validate within a 512 MB heap, with a report", async () => {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file("big.xlsx") });
  const p = wb.addWorksheet("Projecten");
  p.addRow(headers("projects")).commit();
  for (let i = 1; i <= 180; i++)
    p.addRow([
      `VV${String(i).padStart(3, "0")}`,
      `Project ${i}`,
      "05. Versterking O&O",
      "01. Economie en samenleving verduurzamen",
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      "Opgestart",
    ]).commit();
  p.commit();
  const m = wb.addWorksheet("Mijlpalen");
  m.addRow(headers("milestones")).commit();
  const statuses = ["Op schema", "Gerealiseerd", "Vertraging", "Nog niet gestart"];
  for (let i = 0; i < 100_000; i++)
    m.addRow([
      `VV${String(1 + (i % 180)).padStart(3, "0")}`,
      `Mijlpaal ${i}`,
      `${2021 + (i % 5)} Q${1 + (i % 4)}`,
      statuses[i % 4],
      i % 7 ? null : "toelichting",
    ]).commit();
  m.commit();
  await wb.commit();
  const run = promisify(execFile);
  const t0 = Date.now();
  const r = await run(
    process.execPath,
    [
      "--max-old-space-size=512",
      join(__dirname, "../../bin/vv-monitor.cjs"),
      "validate",
      file("big.xlsx"),
      "--meetmoment",
      "2022-06-01",
    ],
    { maxBuffer: 64 * 1024 * 1024 }
  ).then(
    (x) => ({ code: 0, ...x }),
    (e: { code: number; stdout: string; stderr: string }) => e
  );
  expect(r.code).toBe(1); // Outputindicatoren and Financiering are missing: a report, with errors
  // "Per regel" names the rule in Dutch (its code is in --json).
  expect(r.stdout).toMatch(/15\.000 {2}waarschuwing Mijlpaal over tijd/);
  expect(r.stderr).not.toMatch(/heap|\n\s+at /i);
  process.stderr.write(`100,000-row validate through the CLI: ${Date.now() - t0} ms\n`);
}, 300_000);
