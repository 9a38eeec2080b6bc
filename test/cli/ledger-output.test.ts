/**
 * The reading ledger in `totals`: --verbose names the left-out cells with their reason, the JSON lists
 * them under `cells`, and a left-out cell that holds a number is always listed (also without --verbose).
 */
import { copyFileSync } from "node:fs";
import { join } from "node:path";
import { main, type Io } from "../../src/cli/main";
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

const file = () => {
  const f = tmp.path("summary.xlsx");
  copyFileSync(join(__dirname, "../corpus/files-26/26-samenvatting-per-cluster.xlsx"), f);
  return f;
};

it("lists the summary table's numbers as not counted, with the reason, in Dutch and English", async () => {
  const nl = await run("totals", file(), "--by", "project");
  expect(nl.code).toBe(0);
  expect(nl.err).toMatch(/9 getal\(len\) niet rechtstreeks gelezen/);
  expect(nl.err).toMatch(/Rapportering!F11 +87500000 +\(samenvattende tabel onder de gegevens\)/);
  const en = await run("totals", file(), "--by", "project", "--lang", "en");
  expect(en.err).toMatch(/Rapportering!F11 +87500000 +\(summary table under the data\)/);
});

it("--verbose shows every sheet's cells read and left out by reason", async () => {
  const r = await run("totals", file(), "--by", "project", "--verbose");
  expect(r.err).toMatch(/Rapportering: 51 gelezen, \d+ weggelaten/);
  expect(r.err).toMatch(/kolomkop: A1, B1/);
  expect(r.err).toMatch(/samenvattende tabel onder de gegevens: F10, H10/);
});

it("the JSON lists every left-out cell with its reason, value and amount", async () => {
  const r = await run("totals", file(), "--by", "project", "--json");
  const doc = JSON.parse(r.out) as {
    cells: {
      sheet: string;
      read: number;
      leftOut: { cell: string; reason: string; amount: number | null }[];
    }[];
  };
  const sheet = doc.cells.find((c) => c.sheet === "Rapportering")!;
  expect(sheet.read).toBe(51);
  expect(sheet.leftOut).toContainEqual({
    cell: "F11",
    reason: "summary",
    value: 87500000,
    amount: 87500000,
  });
});
