/**
 * `kerncijfers` on two entity workbooks of one meetmoment made with openpyxl (test/fixtures/kerncijfers/make.py:
 * plain sheets, Dutch text amounts, statuses in other case, an unreadable commitment, a project in both
 * files): the figures equal those of data/ minus exactly what could not be read, nothing counts twice, and
 * every value left out is named by file, sheet and cell.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { rawDataset } from "../flows/support";
import { run } from "./run";

const DIR = join(__dirname, "../fixtures/kerncijfers");
const A = join(DIR, "entiteit-a.xlsx");
const B = join(DIR, "entiteit-b.xlsx");

interface RawProject {
  code: string;
  projectstatus: string;
  milestones: { status: string | null }[];
  financing: { uitvoering_vak: number | null; uitvoering_vek: number | null };
}

it("counts both files as one meetmoment, once, and names what it left out", async () => {
  const r = await run("kerncijfers", A, B, "--meetmoment", "2022-06-01", "--json");
  const j = JSON.parse(r.out);
  const data = rawDataset() as unknown as { projects: RawProject[] };
  const milestones = data.projects.flatMap((p) => p.milestones);
  expect(j.projects.total).toBe(180); // VV050 is in both files: counted once
  expect(j.milestones.total).toBe(milestones.length); // and so are its 28 milestones
  for (const s of j.milestones.byStatus)
    expect(s.count).toBe(milestones.filter((m) => (m.status ?? null) === s.status).length);
  for (const s of j.projects.byStatus)
    expect(s.count).toBe(data.projects.filter((p) => p.projectstatus === s.status).length);
  const recovery = data.projects.filter((p) => Number(p.code.slice(2)) <= 158);
  const sum = (f: (p: RawProject) => number | null) =>
    recovery.reduce((a, p) => a + (f(p) ?? 0), 0);
  const vv100 = data.projects.find((p) => p.code === "VV100")!.financing.uitvoering_vak!;
  expect(vv100).toBeGreaterThan(0);
  // The Dutch text amounts are read; VV100's "n.b." is not, and is not counted as anything.
  expect(j.finance.vak).toBe(sum((p) => p.financing.uitvoering_vak) - vv100);
  expect(j.finance.vek).toBe(sum((p) => p.financing.uitvoering_vek));
  expect(r.code).toBe(1);
  const lines = r.err
    .trim()
    .split("\n")
    .slice(1)
    .map((l) => l.trim());
  // VV050 is reported identically by both files: it counts once, as in `totals` (not an error).
  expect(lines).toHaveLength(3);
  expect(lines).toContainEqual(
    expect.stringMatching(
      /entiteit-b\.xlsx: Financiering!D\d+ {2}'Uitvoering VAK' moet een bedrag in euro zijn, maar bevat 'n\.b\.'/
    )
  );
  expect(r.err).not.toMatch(/VV050/);
  expect(
    lines.filter((l) => /Mijlpalen!D\d+ {2}'Status' is verplicht maar leeg/.test(l))
  ).toHaveLength(2);
});

it("gives no figures when one of the files cannot be read", async () => {
  const r = await run("kerncijfers", A, join(DIR, "ontbreekt.xlsx"));
  expect(r.code).toBe(2);
  expect(r.out).toBe("");
  expect(r.err).toMatch(/ontbreekt\.xlsx: bestand niet gevonden/);
});

it("reads several files with the overlap rule of totals: the same project once, a conflict named", async () => {
  const corpus = (f: string) => join(__dirname, "../corpus/files", f);
  const truth = JSON.parse(readFileSync(join(__dirname, "../corpus/truth.json"), "utf8")) as {
    files: string[];
    total: { vak: number; vek: number };
  }[];
  for (const second of ["07-overlap-b.xlsx", "07-overlap-c.xlsx"]) {
    const files = ["07-overlap-a.xlsx", second];
    const expected = truth.find((t) => t.files.join() === files.join())!;
    const r = await run("kerncijfers", ...files.map(corpus), "--json");
    const j = JSON.parse(r.out);
    // The corpus' codes are all VV001-VV158: the key figures' VAK and VEK are the totals' (truth in cents).
    expect(Math.round(j.finance.vak * 100)).toBe(expected.total.vak);
    expect(Math.round(j.finance.vek * 100)).toBe(expected.total.vek);
    const conflict = /07-overlap-c\.xlsx: Financiering!D2 {2}VV021 staat in \S*07-overlap-a\.xlsx/;
    if (second.endsWith("c.xlsx")) expect(r.err).toMatch(conflict);
    else expect(r.err).not.toMatch(/VV021/);
  }
});
