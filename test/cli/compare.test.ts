/**
 * `vv-monitor compare` on real .xlsx files with known changes between them: a status, an amount, a
 * completed, a delayed and a moved milestone, a renamed (reworded) milestone, a milestone added and one
 * removed, a project added and one removed, and every sheet's rows in another order.
 */
import { run } from "./run";
import type { Records } from "../../src/core/records";
import { tempDir } from "../flows/support";
import { june2022, workbookOf } from "../support/mededeling";

const tmp = tempDir("vv-cmp-");
afterAll(() => tmp.cleanup());

const reversed = <T>(xs: readonly T[]) => [...xs].reverse();
const drop = (r: Records, code: string) => {
  r.projects = r.projects.filter((p) => p.code !== code);
  r.milestones = r.milestones.filter((m) => m.projectCode !== code);
  r.financing = r.financing.filter((f) => f.projectCode !== code);
};

const before = june2022().records;
drop(before, "VV179");
const after: Records = structuredClone(june2022().records);
drop(after, "VV180");
const find = (code: string, status: string) =>
  after.milestones.find((m) => m.projectCode === code && m.status === status && m.timing)!;
find("VV010", "Op schema").status = "Gerealiseerd";
find("VV012", "Op schema").status = "Vertraging";
const moved = find("VV013", "Op schema");
const movedFrom = moved.timing;
moved.timing = "2030 Q1";
const renamed = after.milestones.find((m) => m.projectCode === "VV006")!;
const oldName = renamed.name;
renamed.name = `${oldName} (bijgewerkt)`;
after.milestones.push({
  projectCode: "VV008",
  name: "Evaluatie van de eerste oproep",
  timing: "2023 Q2",
  status: "Nog niet gestart",
  description: null,
});
const gone = after.milestones.findIndex((m) => m.projectCode === "VV007");
const goneName = after.milestones[gone].name;
after.milestones.splice(gone, 1);
after.projects.find((p) => p.code === "VV001")!.status = "Aandacht nodig";
const f2 = after.financing.find((f) => f.projectCode === "VV002")!;
f2.vek = (f2.vek ?? 0) + 250_000;

const prevFile = tmp.path("vorige.xlsx");
const curFile = tmp.path("huidige.xlsx");
beforeAll(async () => {
  await (await workbookOf(before, "2021-12-01")).save(prevFile);
  // The current workbook lists every sheet's rows the other way round.
  const shuffled = {
    ...after,
    projects: reversed(after.projects),
    milestones: reversed(after.milestones),
    financing: reversed(after.financing),
  };
  await (await workbookOf(shuffled, "2022-06-01")).save(curFile);
}, 60_000);

it("--json lists exactly the known changes", async () => {
  const r = await run("compare", prevFile, curFile, "--json");
  // The June report's one timing "Nog te bepalen" cannot be read: named in both files, exit 1.
  expect(r.err.split("\n").filter((l) => l.includes("'Nog te bepalen' in 'Timing'"))).toHaveLength(
    2
  );
  expect(r.err).toMatch(/^Niet gelezen \(2\)/);
  expect(r.code).toBe(1);
  const j = JSON.parse(r.out);
  expect(Object.keys(j)).toEqual([
    "previous",
    "current",
    "projects",
    "added",
    "removed",
    "milestones",
    "totals",
  ]);
  expect(j.previous).toEqual({ meetmoment: "2021-12-01" });
  expect(j.current).toEqual({ meetmoment: "2022-06-01" });
  expect(j.added).toEqual(["VV179"]);
  expect(j.removed).toEqual(["VV180"]);
  expect(j.projects.map((p: { code: string }) => p.code).sort()).toEqual(["VV001", "VV002"]);
  const p2 = j.projects.find((p: { code: string }) => p.code === "VV002");
  expect(p2.status).toBeNull();
  expect(p2.vek.delta).toBe(250_000);
  expect(p2.vak.delta).toBe(0);
  const m = j.milestones;
  expect(m.completed.map((x: { code: string }) => x.code)).toEqual(["VV010"]);
  expect(m.completed[0].from).toBe("Op schema");
  expect(m.delayed).toEqual([
    expect.objectContaining({ code: "VV012", from: "Op schema", to: "Vertraging" }),
  ]);
  expect(m.timingMoved).toEqual([
    expect.objectContaining({ code: "VV013", from: movedFrom, to: "2030 Q1" }),
  ]);
  expect(m.added).toEqual([
    {
      code: "VV008",
      milestone: "Evaluatie van de eerste oproep",
      timing: "2023 Q2",
      status: "Nog niet gestart",
    },
  ]);
  expect(
    m.removed
      .filter((x: { code: string }) => x.code === "VV007")
      .map((x: { milestone: string }) => x.milestone)
  ).toEqual([goneName]);
  expect(m.matchedLoosely).toEqual([
    { code: "VV006", from: oldName, to: `${oldName} (bijgewerkt)` },
  ]);
  const sum = (r: Records) => r.financing.reduce((a, f) => a + Math.round((f.vek ?? 0) * 100), 0);
  expect(j.totals.vek).toEqual({
    from: sum(before) / 100,
    to: sum(after) / 100,
    delta: (sum(after) - sum(before)) / 100,
  });
});

it("prints the changes in Dutch, and in English", async () => {
  const r = await run("compare", prevFile, curFile);
  expect(r.code).toBe(1);
  expect(r.out).toMatch(/Niet gelezen \(2\)[^\n]*\n {2}[^\n]*vorige\.xlsx: Mijlpalen!C\d+/);
  expect(r.out).toContain("Vergelijking:");
  expect(r.out).toContain("Projecten met wijzigingen (2)");
  expect(r.out).toContain("VV001  status: In uitvoering na agendering VR → Aandacht nodig");
  expect(r.out).toContain("Nieuwe projecten (1)\n  VV179");
  expect(r.out).toContain("Gerealiseerde mijlpalen (1)");
  expect(r.out).toContain("Mijlpalen met gewijzigde tekst (los gekoppeld) (1)");
  const en = await run("--lang", "en", "compare", prevFile, curFile);
  expect(en.out).toContain("Completed milestones (1)");
});

it("exits 2 with one line when a file cannot be read", async () => {
  const r = await run("compare", prevFile, tmp.path("bestaat-niet.xlsx"));
  expect(r.code).toBe(2);
  expect(r.err).toMatch(/bestaat-niet\.xlsx: bestand niet gevonden/);
  expect(r.out).toBe("");
});
