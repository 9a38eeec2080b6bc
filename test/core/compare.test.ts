/**
 * Comparing two meetmomenten: known changes to the June 2022 report's records are found, and nothing
 * else, whatever the order of the rows; renamed milestones are matched loosely and said to be.
 */
import { compareRecords } from "../../src/core/compare";
import { isSmallEdit, matchMilestones, normaliseText } from "../../src/core/milestone-match";
import type { Records } from "../../src/core/records";
import { june2022 } from "../support/mededeling";

/** Deterministic shuffle: the comparison must not depend on row order. */
function shuffled<T>(xs: readonly T[], seed: number): T[] {
  const out = [...xs];
  let a = seed;
  for (let i = out.length - 1; i > 0; i--) {
    a = (a * 1103515245 + 12345) % 2147483648;
    const j = a % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

describe("matching milestone texts", () => {
  it("normalises case, accents, punctuation and spaces", () => {
    expect(normaliseText("  Opstart — Fase 1. Café ")).toBe("opstart fase 1 cafe");
  });
  it("takes a small edit for the same milestone, and another milestone for another", () => {
    const same = (a: string, b: string) => isSmallEdit(normaliseText(a), normaliseText(b));
    expect(
      same("Lancering oproep circulaire economie", "Lancering van de oproep circulaire economie")
    ).toBe(true);
    expect(same("Aanbesteding fietspad Gent", "Aanbestding fietspad Gent")).toBe(true);
    expect(same("Opmaak nota aan de VR", "Opmaak nota aan de VR (bijgewerkt)")).toBe(true);
    // Pairs of different milestones that the June 2022 report itself holds side by side.
    expect(same("Lanceren 2e call", "Lanceren 1e call")).toBe(false);
    expect(same("Gunning tweede call", "Gunning eerste call")).toBe(false);
    expect(same("Herverdeling 1,25 mio euro in 2022", "Herverdeling 1,25 mio euro in 2021")).toBe(
      false
    );
    expect(
      same(
        "(III - VV023) Bevraging van het veld is afgerond",
        "(II - VV023) Bevraging van het veld"
      )
    ).toBe(false);
    expect(
      same(
        "Gunning werken depotinrichting Huis Janssens",
        "Oplevering werken depotinrichting Huis Janssens"
      )
    ).toBe(false);
    expect(
      same("W-L-S: start uitvoering gebiedsprogramma's", "W-L-S: gebiedsprogramma's uitgevoerd")
    ).toBe(false);
  });
  it("pairs equal texts by timing before row order", () => {
    const prev = [
      { projectCode: "VV001", name: "Oproep", timing: "2022 Q1", status: "Op schema" },
      { projectCode: "VV001", name: "Oproep", timing: "2022 Q3", status: "Op schema" },
    ];
    const cur = [prev[1], prev[0]];
    const m = matchMilestones(prev, cur);
    expect(m.pairs.map((p) => [p.previous, p.current])).toEqual([
      [1, 0],
      [0, 1],
    ]);
  });
});

describe("comparing two meetmomenten", () => {
  const prev = june2022().records;
  const idx = (code: string, pred: (m: Records["milestones"][number]) => boolean) => {
    const i = prev.milestones.findIndex((m) => m.projectCode === code && pred(m));
    if (i < 0) throw new Error(`no milestone in ${code}`);
    return i;
  };
  const onSchema = (code: string) => idx(code, (m) => m.status === "Op schema" && !!m.timing);
  const toComplete = onSchema("VV010");
  const toDelay = onSchema("VV012");
  const toMove = onSchema("VV013");
  const toRename = idx("VV006", () => true);
  const toRemove = idx("VV007", () => true);

  // The current meetmoment: the known changes, then every sheet shuffled.
  const cur: Records = structuredClone(prev);
  cur.projects.find((p) => p.code === "VV001")!.status = "Aandacht nodig";
  const f2 = cur.financing.find((f) => f.projectCode === "VV002")!;
  const vak2 = f2.vak ?? 0;
  f2.vak = vak2 + 1_000_000;
  cur.milestones[toComplete].status = "Gerealiseerd";
  cur.milestones[toDelay].status = "Bijsturen";
  const oldTiming = cur.milestones[toMove].timing;
  cur.milestones[toMove].timing = "2029 Q4";
  const oldName = cur.milestones[toRename].name;
  cur.milestones[toRename].name = `${oldName}.`.replace(/^(\S+)/, (w) => w.toUpperCase());
  cur.milestones.push({
    projectCode: "VV008",
    name: "Een volledig nieuwe mijlpaal over de evaluatie",
    timing: "2023 Q2",
    status: "Nog niet gestart",
    description: null,
  });
  cur.milestones.splice(toRemove, 1);
  // VV180 is gone now; VV179 was not there before.
  const drop = (r: Records, code: string) => {
    r.projects = r.projects.filter((p) => p.code !== code);
    r.milestones = r.milestones.filter((m) => m.projectCode !== code);
    r.financing = r.financing.filter((f) => f.projectCode !== code);
  };
  drop(cur, "VV180");
  const before: Records = structuredClone(prev);
  drop(before, "VV179");
  const after: Records = {
    ...cur,
    projects: shuffled(cur.projects, 1),
    milestones: shuffled(cur.milestones, 2),
    financing: shuffled(cur.financing, 3),
  };
  const c = compareRecords(before, after);

  it("finds the project changes, the added and removed projects, and nothing else", () => {
    expect(c.projects.map((p) => p.code).sort()).toEqual(["VV001", "VV002"]);
    const p1 = c.projects.find((p) => p.code === "VV001")!;
    expect(p1.status).toEqual({ from: "In uitvoering na agendering VR", to: "Aandacht nodig" });
    expect(p1.vak.delta).toBe(0);
    const p2 = c.projects.find((p) => p.code === "VV002")!;
    expect(p2.status).toBeNull();
    expect(p2.vak).toEqual({ from: vak2, to: vak2 + 1_000_000, delta: 1_000_000 });
    expect(c.added.map((a) => a.code)).toEqual(["VV179"]);
    expect(c.removed.map((a) => a.code)).toEqual(["VV180"]);
  });

  it("finds the milestone changes whatever the row order", () => {
    const m = c.milestones;
    expect(m.completed.map((x) => [x.code, x.from])).toEqual([["VV010", "Op schema"]]);
    expect(m.delayed.map((x) => [x.code, x.from, x.to])).toEqual([
      ["VV012", "Op schema", "Bijsturen"],
    ]);
    expect(m.timingMoved.map((x) => [x.code, x.from, x.to])).toEqual([
      ["VV013", oldTiming, "2029 Q4"],
    ]);
    expect(m.added.map((x) => [x.code, x.milestone])).toEqual([
      ["VV008", "Een volledig nieuwe mijlpaal over de evaluatie"],
    ]);
    // VV007 lost a milestone; VV179's milestones are new, VV180's are gone.
    expect(m.removed.filter((x) => x.code === "VV007").map((x) => x.milestone)).toEqual([
      prev.milestones[toRemove].name,
    ]);
    expect(new Set(m.removed.map((x) => x.code))).toEqual(new Set(["VV007", "VV180"]));
    // VV179 reports no milestones in the June data: nothing of it to add.
    expect(prev.milestones.some((x) => x.projectCode === "VV179")).toBe(false);
    expect(new Set(m.added.map((x) => x.code))).toEqual(new Set(["VV008"]));
  });

  it("matches a renamed milestone only by normalising, a reworded one loosely, and says so", () => {
    // Case and a full stop: the same text after normalising, not a loose match.
    expect(c.milestones.matchedLoosely).toEqual([]);
    const reworded: Records = structuredClone(after);
    const m = reworded.milestones.find(
      (x) => x.projectCode === "VV006" && x.name.startsWith(oldName.split(" ")[0].toUpperCase())
    )!;
    m.name = `${oldName} (bijgewerkt)`;
    const r = compareRecords(before, reworded);
    expect(r.milestones.matchedLoosely.map((x) => [x.code, x.from, x.to])).toEqual([
      ["VV006", oldName, `${oldName} (bijgewerkt)`],
    ]);
    expect(r.milestones.added.filter((x) => x.code === "VV006")).toEqual([]);
  });

  it("computes the totals' deltas", () => {
    const sum = (r: Records, k: "vak" | "vek") =>
      r.financing.reduce((a, f) => a + Math.round((f[k] ?? 0) * 100), 0) / 100;
    expect(c.totals.vak).toEqual({
      from: sum(before, "vak"),
      to: sum(after, "vak"),
      delta: (Math.round(sum(after, "vak") * 100) - Math.round(sum(before, "vak") * 100)) / 100,
    });
  });
});
