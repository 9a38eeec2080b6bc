/**
 * The `kerncijfers` table on the command line: one number of decimals per column (before, one column read
 * "5%", "0,56%", "37,3%"), while the sentences keep the Mededeling's own precision; with `--vorige`, every
 * line "niet of apart geteld" names its file.
 */
import { run } from "./run";
import { tempDir } from "../flows/support";
import {
  distributionRecords,
  DECEMBER_2021,
  SEPTEMBER_2021,
  workbookOf,
} from "../support/mededeling";

const tmp = tempDir("vv-kc-table-");
afterAll(() => tmp.cleanup());
const prev = tmp.path("september.xlsx");
const cur = tmp.path("december.xlsx");
beforeAll(async () => {
  const p = distributionRecords(SEPTEMBER_2021);
  const c = distributionRecords(DECEMBER_2021);
  // One milestone without a status in each file: a value the figures leave out.
  p.milestones[3].status = null as unknown as string;
  c.milestones[5].status = null as unknown as string;
  await (await workbookOf(p, SEPTEMBER_2021.meetmoment)).save(prev);
  await (await workbookOf(c, DECEMBER_2021.meetmoment)).save(cur);
}, 120_000);

it("prints every share of the table with two decimals, the sentences as published", async () => {
  const r = await run("kerncijfers", cur, "--vorige", prev);
  const [text, table] = r.out.split(/\nCijfers\n/);
  const shares = table.match(/-?\d[\d.]*(,\d+)?%/g)!;
  expect(shares.length).toBeGreaterThan(20);
  for (const s of shares) expect(s).toMatch(/,\d\d%$/);
  // The sentences keep the Mededeling's rounding (no trailing zeros).
  expect(text).toContain("(95%)");
});

it("names the file of every line 'niet of apart geteld' with --vorige", async () => {
  const r = await run("kerncijfers", cur, "--vorige", prev);
  const lines = r.out.split("\n").filter((l) => /^ {2}\S.*Mijlpalen!/.test(l));
  expect(lines).toHaveLength(2);
  expect(lines.some((l) => l.startsWith(`  ${cur}: `))).toBe(true);
  expect(lines.some((l) => l.startsWith(`  ${prev}: `))).toBe(true);
});

it("totals sets VAK and VEK against both bases, the second the one kerncijfers uses", async () => {
  const k = JSON.parse((await run("kerncijfers", cur, "--json")).out);
  const t = await run("totals", cur);
  const line = t.out.split("\n").find((l) => l.includes("tegenover hun beleidsruimte"))!;
  const pct = (x: number) => `${(Math.round(x * 10000) / 100).toFixed(2).replace(".", ",")} %`;
  const eur = new Intl.NumberFormat("nl-BE").format(k.finance.budget);
  expect(line).toBe(
    `VV001–VV158 tegenover hun beleidsruimte ${eur} EUR (update, anders begroot; de basis van kerncijfers): VAK ${pct(k.finance.vakShare)}, VEK ${pct(k.finance.vekShare)}`
  );
  expect(t.out).toContain("VV001–VV158 tegenover 4,3 miljard");
});
