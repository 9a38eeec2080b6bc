/**
 * `vv-monitor kerncijfers` on real .xlsx files: the December 2021 workbook reproduces every figure the
 * Mededeling of 31 December 2021 prints (against September 2021 with --vorige); the June 2022 demo's figures
 * equal those computed here straight from data/; values that cannot be read are named, never counted as 0.
 */
import { run } from "./run";
import { tempDir, rawDataset } from "../flows/support";
import {
  DECEMBER_2021,
  distributionRecords,
  SEPTEMBER_2021,
  workbookOf,
} from "../support/mededeling";

const tmp = tempDir("vv-kern-");
afterAll(() => tmp.cleanup());

const dec = tmp.path("december-2021.xlsx");
const sep = tmp.path("september-2021.xlsx");
const demo = tmp.path("demo.xlsx");
beforeAll(async () => {
  await (await workbookOf(distributionRecords(DECEMBER_2021), DECEMBER_2021.meetmoment)).save(dec);
  await (
    await workbookOf(distributionRecords(SEPTEMBER_2021), SEPTEMBER_2021.meetmoment)
  ).save(sep);
  expect((await run("demo", demo)).code).toBe(0);
}, 60_000);

/** Every figure section 3 of the Mededeling of 31 December 2021 prints. */
const PRINTED = [
  "95%",
  "9,44%",
  "85%",
  "3,89%",
  "1,11%",
  "36,99%",
  "27,61%",
  "4,85%",
  "92,9%",
  "35,41%",
  "5,08%",
];

it("reproduces every figure of the Mededeling of 31 December 2021", async () => {
  const r = await run("kerncijfers", dec, "--vorige", sep);
  expect(r.err).toBe("");
  expect(r.code).toBe(0);
  for (const figure of PRINTED) expect(r.out).toContain(figure);
  expect(r.out).toContain(
    "171 van de 180 relanceprojecten (95%) zijn opgestart op 31 december 2021."
  );
  expect(r.out).toContain("neemt toe, nl. van 1 naar 7");
  expect(r.out).toContain(
    "1,524 miljard euro of 35,41% van de 4,304 miljard euro aan relancemiddelen (VV001-VV158) was vastgelegd op meetmoment 31 december 2021."
  );
  expect(r.out).toContain(
    "Dat is het dubbele van het bedrag in september 2021 (750 miljoen euro)."
  );
  expect(r.out).toContain("219 miljoen euro of 5,08% van de 4,304 miljard euro");
  expect(r.out).toContain("Dat is 142 miljoen euro meer dan in september 2021");
});

it("--json prints exactly the public shape, shares as unrounded fractions", async () => {
  const r = await run("kerncijfers", dec, "--vorige", sep, "--json");
  expect(r.code).toBe(0);
  const j = JSON.parse(r.out);
  expect(Object.keys(j)).toEqual([
    "meetmoment",
    "projects",
    "milestones",
    "finance",
    "previous",
    "text",
  ]);
  expect(j.meetmoment).toBe("2021-12-31");
  expect(Object.keys(j.projects)).toEqual(["total", "byStatus", "started"]);
  expect(j.projects.byStatus[0]).toEqual({
    status: "Nog niet opgestart",
    count: 2,
    share: 2 / 180,
  });
  expect(j.projects.started).toEqual({ count: 171, share: 0.95 });
  expect(j.milestones.started).toEqual({
    count: 874,
    onScheduleOrCompleted: 812,
    share: 812 / 874,
  });
  expect(j.finance).toEqual({
    codes: "VV001-VV158",
    budget: 4_303_972_320,
    vak: 1_524_000_000,
    vakShare: 1_524_000_000 / 4_303_972_320,
    vek: 218_600_000,
    vekShare: 218_600_000 / 4_303_972_320,
  });
  expect(Object.keys(j.previous)).toEqual(["meetmoment", "projects", "milestones", "finance"]);
  expect(j.previous.meetmoment).toBe("2021-09-30");
  expect(j.previous.finance.vak).toBe(750_000_000);
  expect(j.text.length).toBeGreaterThan(10);
  expect(j.text[0]).toBe(
    "171 van de 180 relanceprojecten (95%) zijn opgestart op 31 december 2021."
  );
  const en = await run("--lang", "en", "kerncijfers", dec, "--json");
  expect(JSON.parse(en.out).text[0]).toBe(
    "171 of the 180 recovery projects (95%) have started as of 31 December 2021."
  );
  expect(JSON.parse(en.out).previous).toBeUndefined();
});

it("on the June 2022 demo equals the figures computed from data/", async () => {
  const r = await run("kerncijfers", demo, "--json");
  const j = JSON.parse(r.out);
  const data = rawDataset() as unknown as {
    projects: {
      code: string;
      projectstatus: string;
      milestones: { status: string | null }[];
      financing: {
        beleidsruimte_begroot: number | null;
        beleidsruimte_begroot_update: number | null;
        uitvoering_vak: number | null;
        uitvoering_vek: number | null;
      };
    }[];
  };
  const count = <T>(xs: T[], f: (x: T) => boolean) => xs.filter(f).length;
  const milestones = data.projects.flatMap((p) => p.milestones);
  for (const s of j.projects.byStatus)
    expect(s.count).toBe(count(data.projects, (p) => p.projectstatus === s.status));
  for (const s of j.milestones.byStatus)
    expect(s.count).toBe(count(milestones, (m) => (m.status ?? null) === s.status));
  expect(j.milestones.total).toBe(1453);
  const recovery = data.projects.filter((p) => Number(p.code.slice(2)) <= 158);
  const cents = (f: (p: (typeof recovery)[number]) => number | null) =>
    recovery.reduce((a, p) => a + Math.round((f(p) ?? 0) * 100), 0) / 100;
  expect(j.finance.budget).toBe(
    cents((p) => p.financing.beleidsruimte_begroot_update ?? p.financing.beleidsruimte_begroot)
  );
  expect(j.finance.vak).toBe(cents((p) => p.financing.uitvoering_vak));
  expect(j.finance.vek).toBe(cents((p) => p.financing.uitvoering_vek));
  // Two milestones of the June report have no status: counted apart, and named as not counted (exit 1).
  expect(j.milestones.byStatus.at(-1)).toEqual({ status: null, count: 2, share: 2 / 1453 });
  expect(r.code).toBe(1);
  expect(r.err).toMatch(/Niet of apart geteld \(2\)/);
  expect(r.err).toMatch(/Mijlpalen!D\d+/);
});
