/**
 * Issue 9's command-line items on the corpus and on generated workbooks: notes kept at their moved cells
 * (9), inputs never overwritten (10), the Overzicht's status labels (11), no stack trace on a closed pipe
 * (12), one language (13), totals per project (14), cluster 04 with the letter O (15).
 */
import { spawn } from "node:child_process";
import { copyFileSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { main, type Io } from "../../src/cli/main";
import { RULES } from "../../src/core/rules";
import { MILESTONE_STATUSES, PROJECT_STATUSES } from "../../src/core/vocabulary";
import { overviewPlan } from "../../src/workbook/flows";
import { openXlsx } from "../../src/xlsx/open";
import { tempDir } from "../flows/support";

const tmp = tempDir("vv-commands-");
afterAll(() => tmp.cleanup());
const corpus = (f: string) => {
  copyFileSync(join(__dirname, "files", f), tmp.path(f));
  return tmp.path(f);
};

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io: Io = { stdout: (s) => void (out += s), stderr: (s) => void (err += s), isTTY: false };
  const code = await main(argv, io);
  return { code, out, err };
}

async function notesOf(file: string): Promise<Map<string, string>> {
  const snap = await (await openXlsx(file)).read();
  const out = new Map<string, string>();
  for (const s of snap.sheets)
    for (const n of s.notes ?? []) out.set(`${s.name}!${n.cell}`, n.text);
  return out;
}

describe("9. convert keeps every note at its moved cell", () => {
  it("notes on data go with their values; on headers, titles and total rows to Bewaard", async () => {
    const input = corpus("09-notities.xlsx");
    const before = await notesOf(input);
    expect([...before.values()]).toHaveLength(5);
    const out = tmp.path("09-converted.xlsx");
    expect((await run("convert", input, out)).code).toBe(0);
    const after = await notesOf(out);
    // The VAK of VV021 (G3) is now Financiering!D2; the title of VV024 (B4) is Projecten!B3.
    expect(after.get("Financiering!D2")).toBe("Bedrag volgens Orafin 15/05");
    expect(after.get("Projecten!B3")).toBe("Titel nog te bevestigen");
    const snap = await (await openXlsx(out)).read();
    const kept = snap.sheets.find((s) => s.name === "Bewaard")!;
    const rows = kept.used!.values;
    const noteOf = (cell: string) => {
      const i = rows.findIndex((r) => r[0] === "Onze projecten" && r[1] === cell);
      return kept.notes?.find((n) => n.cell === `C${kept.used!.firstRow + i}`)?.text;
    };
    expect(noteOf("F2")).toBe("Budget = beleidsruimte");
    expect(noteOf("A1")).toBe("Versie 3");
    expect(noteOf("F6")).toBe("Controle: klopt met Orafin");
    // Every note the user wrote is somewhere in the converted workbook.
    const texts = new Set(after.values());
    for (const t of before.values()) expect(texts).toContain(t);
  });

  it("a note on an empty cell of a data row goes to that cell's new place (a file by openpyxl)", async () => {
    const input = join(__dirname, "../fixtures/writers/openpyxl-notes-table.xlsx");
    expect((await notesOf(input)).get("Mijn projecten!E3")).toBe(
      "Status nog op te vragen bij de entiteit"
    );
    const out = tmp.path("openpyxl-converted.xlsx");
    expect((await run("convert", input, out)).code).toBe(0);
    // VV002's empty Projectstatus (E3) is Projecten!N3 now.
    expect((await notesOf(out)).get("Projecten!N3")).toBe(
      "Status nog op te vragen bij de entiteit"
    );
  });
});

describe("10. an input is never overwritten without --force", () => {
  const unchanged = (file: string, bytes: Buffer) =>
    expect(readFileSync(file).equals(bytes)).toBe(true);

  it("convert, merge and validate --annotate refuse in one line, exit 2, the file untouched", async () => {
    const a = corpus("07-overlap-a.xlsx");
    const b = corpus("07-overlap-b.xlsx");
    const bytes = readFileSync(a);
    const other = join(tmp.dir, ".", "sub", "..", "07-overlap-a.xlsx");
    const link = tmp.path("link.xlsx");
    symlinkSync(a, link);
    for (const argv of [
      ["convert", a, a],
      ["convert", a, other],
      ["convert", a, link],
      ["merge", a, b, "-o", a],
      ["validate", a, "--annotate", a],
    ]) {
      const r = await run(...argv);
      expect(r.code).toBe(2);
      expect(r.err.trim().split("\n")).toHaveLength(1);
      expect(r.err).toMatch(/invoerbestand.*--force/);
      unchanged(a, bytes);
    }
    const forced = await run("convert", a, a, "--force");
    expect(forced.code).toBe(0);
    expect(readFileSync(a).equals(bytes)).toBe(false);
  });
});

describe("11. the Overzicht's status tables show their labels in the statuses' colours", () => {
  it("every status row has its label, fill and font colour", async () => {
    const out = tmp.path("template.xlsx");
    expect((await run("template", out)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("Overzicht")!;
    const { layout } = overviewPlan();
    for (const sec of layout.statusRows) {
      const statuses = sec.key === "projects" ? PROJECT_STATUSES : MILESTONE_STATUSES;
      statuses.forEach((st, i) => {
        const cell = ws.getCell(`A${sec.first + i}`);
        expect(cell.value).toBe(st.label);
        expect((cell.fill as ExcelJS.FillPattern).fgColor?.argb).toBe(`FF${st.fill.slice(1)}`);
        expect(cell.font?.color?.argb).toBe(`FF${st.font.slice(1)}`);
        expect((ws.getCell(`B${sec.first + i}`).value as { formula: string }).formula).toContain(
          "COUNTIF("
        );
      });
    }
  });
});

describe("12. a closed pipe ends the command without a stack trace", () => {
  it("export --json | head -1", async () => {
    const demo = tmp.path("demo.xlsx");
    expect((await run("demo", demo)).code).toBe(0);
    const bin = join(__dirname, "../../bin/vv-monitor.cjs");
    const child = spawn(process.execPath, [bin, "export", demo, "--json"], {
      cwd: join(__dirname, "../.."),
    });
    let err = "";
    child.stderr.on("data", (d) => (err += d));
    // Read the first chunk, then close the pipe as `head -1` does.
    child.stdout.once("data", () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(err).toBe("");
    expect(code).toBe(0);
  }, 60_000);
});

describe("13. the command line in one language", () => {
  it("help in Dutch by default and in English with --lang en, commander's own texts included", async () => {
    const nl = await run("--help");
    expect(nl.out).toMatch(/^Gebruik: vv-monitor \[opties\] \[opdracht\]/);
    expect(nl.out).toContain("Opdrachten:");
    expect(nl.out).not.toMatch(/display help|Usage:|Options:/);
    const en = await run("--lang", "en", "--help");
    expect(en.out).toMatch(/^Usage: vv-monitor \[options\] \[command\]/);
    expect(en.out).toContain("turn an existing workbook into the template");
    expect(en.out).not.toMatch(/Gebruik|opdracht|werkmap/);
    const flat = (t: string) => t.replace(/\s+/g, " ");
    const sub = await run("--lang", "en", "totals", "--help");
    expect(flat(sub.out)).toContain(
      "(choices: cluster, speerpunt, project, envelop, default: speerpunt)"
    );
    expect(flat((await run("totals", "--help")).out)).toContain(
      "(keuze: cluster, speerpunt, project, envelop, standaard: speerpunt)"
    );
  });

  it("commander's errors in Dutch, English with --lang en", async () => {
    const nl = await run("totals", "x.xlsx", "--by", "foo");
    expect(nl.code).toBe(2);
    expect(nl.err).toContain("fout: 'foo' is geen geldige waarde voor --by <groep>");
    expect(nl.err).not.toMatch(/error|invalid|Allowed/);
    const en = await run("--lang", "en", "totals", "x.xlsx", "--by", "foo");
    expect(en.err).toContain("error: option '--by <group>' argument 'foo' is invalid");
    expect((await run("merge", "a.xlsx")).err).toContain(
      "fout: de optie '-o, --out <uit.xlsx>' is verplicht"
    );
    expect((await run("totls")).err).toMatch(
      /fout: onbekende opdracht 'totls'\n\(Bedoelt u totals\?\)/
    );
  });

  it("plurals, 'werkmap' only, Dutch number notation in Dutch messages", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Financiering").addRows([
      ["Projectcode", "Beleidsruimte (begroot)", "Uitvoering VAK", "Uitvoering VEK"],
      ["VV001", 1000, "7,2", 0],
    ]);
    const file = tmp.path("een.xlsx");
    await wb.xlsx.writeFile(file);
    const r = await run("validate", file, "--meetmoment", "2022-06-01");
    expect(r.out).toContain("Typ het als getal (7,2)");
    expect(r.out).toMatch(/: \d+ fouten, 1 waarschuwing \(/);
    const m = await run("merge", corpus("07-overlap-a.xlsx"), "-o", tmp.path("m1.xlsx"));
    expect(m.out).toMatch(/^1 werkmap samengevoegd/);
    expect(m.out).toContain("3 projecten, 0 mijlpalen");
    for (const rule of RULES) expect(rule.message.nl({}).toLowerCase()).not.toContain("werkboek");
  });

  it("the Validatie sheet names each rule by its title, the code beside it", async () => {
    const out = tmp.path("annotated.xlsx");
    await run("validate", corpus("05-voetnoten.xlsx"), "--annotate", out);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const rows: unknown[][] = [];
    wb.getWorksheet("Validatie")!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const left = rows.find((r) => r[1] === "row-left-out")!;
    expect(left[0]).toBe("Getal in een rij die niet meetelt");
  });
});

describe("14. totals --by project shows the code and the full title", () => {
  it("the code first, the title whole (never cut), also without Projecten", async () => {
    const r = await run("totals", corpus("01-totaalrij-lo.xlsx"), "--by", "project");
    const long = "Fietssnelwegen en fietsbruggen over kanalen en rivieren in heel Vlaanderen";
    expect(r.out).toMatch(new RegExp(`^VV012 .*EUR.* ${long}$`, "m"));
    const json = JSON.parse(
      (await run("totals", corpus("01-totaalrij-lo.xlsx"), "--by", "project", "--json")).out
    ) as { groups: { key: string; label: string }[] };
    expect(json.groups.find((g) => g.key === "VV012")!.label).toBe(long);
    const bare = await run("totals", corpus("14-financiering.xlsx"), "--by", "project");
    expect(bare.code).toBe(0);
    expect(bare.out).toMatch(/^VV021 .* Onbekend project$/m);
  });
});

describe("15. cluster 04 with the letter O is the plan's cluster, and vv-monitor says so", () => {
  it("counted under the official label, with a warning that names the digit zero", async () => {
    const file = corpus("15-cluster-o.xlsx");
    const t = JSON.parse((await run("totals", file, "--by", "cluster", "--json")).out) as {
      groups: { key: string; count: number }[];
    };
    expect(t.groups.find((g) => g.key === "04. 0pleidings- en loopbaanoffensief")?.count).toBe(1);
    const v = await run("validate", file, "--json");
    const f = (JSON.parse(v.out) as { rule: string; message: string }[]).find(
      (x) => x.rule === "list-spelling"
    )!;
    expect(f.message).toContain("het cijfer 0");
    const out = tmp.path("15-converted.xlsx");
    await run("convert", file, out);
    const snap = await (await openXlsx(out)).read();
    const p = snap.sheets.find((s) => s.name === "Projecten")!.tables[0];
    expect(p.rows[0][p.headers.indexOf("Cluster")]).toBe("04. 0pleidings- en loopbaanoffensief");
  });
});

it("writes nothing for a file that is not .xlsx, and says how to save it as .xlsx", async () => {
  writeFileSync(tmp.path("x.ods"), readFileSync(join(__dirname, "files", "13-rapport.ods")));
  const r = await run("--lang", "en", "validate", tmp.path("x.ods"));
  expect(r.code).toBe(2);
  expect(r.err).toContain("save it as an Excel workbook .xlsx");
});
