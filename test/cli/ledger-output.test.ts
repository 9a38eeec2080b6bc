/**
 * The reading ledger everywhere a person or a script looks: --verbose of validate, totals, export and
 * convert names the left-out cells by reason (as ranges, capped), the JSON carries them as `cells`, a
 * left-out number is the finding amount-left-out (validate, totals, convert), and convert's Bewaard lists
 * the numbers that do not count, in Dutch or English, once.
 */
import { copyFileSync } from "node:fs";
import { join } from "node:path";
import { main, type Io } from "../../src/cli/main";
import { cellRanges, formatLedger } from "../../src/cli/ledger-format";
import type { SheetLedger } from "../../src/workbook/flows";
import { openXlsx } from "../../src/xlsx/open";
import { tempDir } from "../flows/support";

const tmp = tempDir("vv-ledger-");
afterAll(() => tmp.cleanup());

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io: Io = { stdout: (s) => void (out += s), stderr: (s) => void (err += s), isTTY: false };
  const code = await main(argv, io);
  return { code, out, err };
}

const corpus = (dir: string, name: string) => {
  const f = tmp.path(name);
  copyFileSync(join(__dirname, `../corpus/${dir}/${name}`), f);
  return f;
};
const summary = () => corpus("files-26", "26-samenvatting-per-cluster.xlsx");
/** A hidden 'Financiering (oud)' beside the visible 'Financiering juni 2022': 16 numbers left out. */
const hidden = () => corpus("files-26", "26-verborgen-oud-blad.xlsx");
/** Financiering's VEK reads Betalingen!B2+C2 by formula, except for VV027 (row 4): B4 and C4 count nowhere. */
const formulas = () => corpus("files", "06-formules.xlsx");

describe("amount-left-out", () => {
  it("totals lists a number no formula reads, naming sheet, cell, reason and number, in Dutch and English", async () => {
    const nl = await run("totals", formulas(), "--by", "project");
    expect(nl.code).toBe(0);
    expect(nl.err).toMatch(
      /waarschuwing +.*06-formules\.xlsx: Betalingen!B4 +Het getal 312\.500 in Betalingen!B4 telt niet mee: geen tabblad van het sjabloon\./
    );
    // The numbers the VEK formulas read (Betalingen!B2, B3, B5) count through them: not listed.
    expect(nl.err).not.toMatch(/Betalingen!B2 /);
    const en = await run("totals", formulas(), "--by", "project", "--lang", "en");
    expect(en.err).toMatch(
      /The number 312,500 in Betalingen!B4 is not counted: not a template sheet\./
    );
  });

  it("validate: one finding per sheet, column and reason, with the count and sum of the others", async () => {
    const r = await run("validate", hidden());
    expect(r.out).toMatch(
      /Financiering \(oud\)!B2 +Het getal 24\.000\.000 in Financiering \(oud\)!B2 telt niet mee: verborgen tabblad: een zichtbaar tabblad levert hetzelfde; ook 3 andere getallen in kolom B \(samen 94\.000\.000\) tellen daarom niet mee/
    );
    expect(r.out).toMatch(/4 +waarschuwing Getal dat niet meetelt/);
  });

  it("the summary table's numbers are named once, by row-left-out, not again", async () => {
    const r = await run("totals", summary(), "--by", "project");
    expect(r.code).toBe(0);
    expect(r.err).toMatch(
      /Rapportering!F11 .*87\.500\.000 EUR in 'Beleidsruimte \(begroot\)' telt niet mee/
    );
    expect(r.err).not.toMatch(/Het getal 87\.500\.000/);
  });
});

describe("--verbose shows every cell", () => {
  it("totals: per sheet the cells read and the cells left out by reason, as ranges", async () => {
    const r = await run("totals", summary(), "--by", "project", "--verbose");
    expect(r.err).toMatch(/Rapportering: 51 gelezen, \d+ weggelaten/);
    expect(r.err).toMatch(/kolomkop: A1:I1/);
    expect(r.err).toMatch(/samenvattende tabel onder de gegevens: (\S+, )?F10:F13, H10:I13\n/);
  });

  it.each([
    ["validate", []],
    ["export", []],
    ["convert", ["out.xlsx"]],
  ])("%s --verbose", async (command, rest) => {
    const extra = rest.map((f) => tmp.path(`${command}-${f}`));
    const r = await run(command, hidden(), ...extra, "--verbose", "--force");
    expect(r.err).toMatch(/26-verborgen-oud-blad\.xlsx: elke cel/);
    expect(r.err).toMatch(/Financiering \(oud\): 0 gelezen, 25 weggelaten/);
    expect(r.err).toMatch(/verborgen tabblad: een zichtbaar tabblad levert hetzelfde: A1:E5\n/);
  });

  it("10,000 left-out cells: a few lines, the rest counted", () => {
    const leftOut = Array.from({ length: 10_000 }, (_, i) => ({
      sheet: "Oud",
      // Every other row of B and D: 5,000 one-cell runs per column.
      cell: `${i % 2 ? "B" : "D"}${2 * Math.floor(i / 2) + 2}`,
      reason: "not-template" as const,
      value: i,
      amount: i,
    }));
    const ledger: SheetLedger[] = [{ sheet: "Oud", read: 0, readAmount: 0, own: 0, leftOut }];
    const text = formatLedger([{ file: "x.xlsx", ledger }], "nl");
    expect(text.split("\n").length).toBeLessThan(6);
    expect(text).toMatch(/geen tabblad van het sjabloon: B2, B4, .* \(\+9\.988 cellen\)\n/);
  });

  it("cells as ranges: runs per column, neighbouring columns with the same rows as one rectangle", () => {
    const cells = ["A1", "B1", "C1", "A2", "B2", "C2", "E7", "E8", "E10"];
    expect(cellRanges(cells)).toEqual([
      { range: "A1:C2", cells: 6 },
      { range: "E7:E8", cells: 2 },
      { range: "E10", cells: 1 },
    ]);
  });
});

describe("the JSON carries the ledger as cells", () => {
  type Cells = {
    file: string;
    sheet: string;
    read: number;
    leftOut: { cell: string; reason: string; value: unknown; amount: number | null }[];
  }[];
  const oldB2 = { cell: "B2", reason: "hidden-superseded", value: 24000000, amount: 24000000 };

  it("totals --json", async () => {
    const r = await run("totals", summary(), "--by", "project", "--json");
    const doc = JSON.parse(r.out) as { cells: Cells };
    const sheet = doc.cells.find((c) => c.sheet === "Rapportering")!;
    expect(sheet.read).toBe(51);
    expect(sheet.leftOut).toContainEqual({
      cell: "F11",
      reason: "summary",
      value: 87500000,
      amount: 87500000,
    });
  });

  it("export --json", async () => {
    const r = await run("export", hidden(), "--json");
    const doc = JSON.parse(r.out) as { cells: Cells; financing: unknown[] };
    expect(doc.financing).toHaveLength(4);
    expect(doc.cells.find((c) => c.sheet === "Financiering (oud)")!.leftOut).toContainEqual(oldB2);
  });

  it("validate --json stays the array of findings; with --verbose it carries read and cells", async () => {
    const plain = JSON.parse((await run("validate", hidden(), "--json")).out) as {
      rule: string;
      cell: string;
      sheet: string;
    }[];
    expect(Array.isArray(plain)).toBe(true);
    expect(plain).toContainEqual(
      expect.objectContaining({ rule: "amount-left-out", sheet: "Financiering (oud)", cell: "B2" })
    );
    const verbose = JSON.parse((await run("validate", hidden(), "--json", "--verbose")).out) as {
      findings: unknown[];
      read: unknown[];
      cells: Cells;
    };
    expect(verbose.findings).toEqual(plain);
    expect(verbose.read.length).toBeGreaterThan(0);
    const old = verbose.cells.find((c) => c.sheet === "Financiering (oud)")!;
    expect(old.file).toMatch(/26-verborgen-oud-blad\.xlsx$/);
    expect(old.leftOut).toContainEqual(oldB2);
  });
});

describe("convert: Bewaard lists the numbers that do not count", () => {
  async function bewaard(file: string): Promise<unknown[][]> {
    const port = await openXlsx(file);
    const s = (await port.read()).sheets.find((x) => x.name === "Bewaard")!;
    return s.used!.values;
  }

  it("with their reason in Dutch, every value as it was, and says them as findings", async () => {
    const out = tmp.path("hidden-nl.xlsx");
    const r = await run("convert", hidden(), out);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Financiering \(oud\)!B2 +Het getal 24\.000\.000/);
    const rows = await bewaard(out);
    const old = rows.filter((x) => x[0] === "Financiering (oud)");
    expect(old).toHaveLength(16);
    expect(old).toContainEqual([
      "Financiering (oud)",
      "E5",
      4999999.995,
      "verborgen tabblad: een zichtbaar tabblad levert hetzelfde; het tabblad blijft zoals het was en dit getal telt niet mee",
    ]);
  });

  it("in English with --lang en, and converting again adds nothing", async () => {
    const out = tmp.path("hidden-en.xlsx");
    await run("convert", hidden(), out, "--lang", "en");
    const once = await bewaard(out);
    expect(once[0]).toEqual(["Sheet", "Cell", "Value", "Why kept here"]);
    expect(once).toContainEqual([
      "Financiering (oud)",
      "B2",
      24000000,
      "hidden sheet: a visible sheet feeds the same; the sheet stays as it was and this number is not counted",
    ]);
    const again = tmp.path("hidden-en-2.xlsx");
    await run("convert", out, again, "--lang", "en");
    expect((await bewaard(again)).filter((x) => x[0] === "Financiering (oud)")).toHaveLength(16);
  });

  it("a title above the header is kept with the ledger's reason", async () => {
    const out = tmp.path("title.xlsx");
    await run("convert", corpus("files-26", "26-eenheid-titel.xlsx"), out);
    expect(await bewaard(out)).toContainEqual([
      "Financiering",
      "A1",
      "Financiering per project, alle bedragen in duizend euro",
      "titel of eenheid boven de kop",
    ]);
  });
});
