/**
 * Workbooks with the distributions the Mededeling aan de Vlaamse Regering of 31 December 2021 reports
 * (seed 001, section 3), and of the meting before it (September 2021, as far as the Mededeling gives it).
 * Built from the June 2022 report's projects, milestones and budgets: the statuses and the VAK/VEK of
 * VV001–VV158 are set to the published figures, VV159–VV180 keep their own amounts (they must not count).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadDataset, type LoadedDataset } from "../../src/core/dataset";
import type { Records } from "../../src/core/records";
import type { Milestone, Project } from "../../src/core/schema";
import { demoPlan } from "../../src/workbook/flows";
import { XlsxPort } from "../../src/xlsx/port";
// Node's entry to the file host lends XlsxPort its file system (port.ts may not import it: the pane bundles
// it), so that the workbooks made here can be saved by every test, the browser suites' included.
import "../../src/xlsx/open";

export interface Distribution {
  meetmoment: string;
  /** Project codes per status; every other project is "In uitvoering na agendering VR". */
  projects: Partial<Record<Project["status"], string[]>>;
  milestones: { total: number; counts: Partial<Record<Milestone["status"], number>> };
  /** Project whose milestone carries the Bijsturen status(es). */
  bijsturenIn: string;
  /** VAK and VEK of VV001–VV158 together, spread over the projects in proportion to their budget. */
  vak: number;
  vek: number;
}

const codes = (from: number, to: number, skip: number[] = []) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i)
    .filter((n) => !skip.includes(n))
    .map((n) => `VV${String(n).padStart(3, "0")}`);

/** 31 December 2021: section 3 of the Mededeling. */
export const DECEMBER_2021: Distribution = {
  meetmoment: "2021-12-31",
  projects: {
    Gerealiseerd: ["VV146"],
    "Aandacht nodig": ["VV056", "VV057", "VV058", "VV078", "VV087", "VV120", "VV168"],
    "Nog niet opgestart": ["VV137", "VV142"],
    Opgestart: codes(159, 176, [168]),
  },
  milestones: {
    total: 1257,
    counts: {
      "Op schema": 465,
      Gerealiseerd: 347,
      Vertraging: 61,
      Bijsturen: 1,
      "Nog niet gestart": 383,
    },
  },
  bijsturenIn: "VV113",
  vak: 1_524_000_000,
  vek: 218_600_000,
};

/**
 * September 2021, the meting before: what the December Mededeling says of it (1 project needing attention;
 * 479 (47,61%) milestones on schedule, 165 (16,4%) completed, 28 (2,78%) delayed, 95,4% of the started ones
 * on schedule or completed; 750 million committed; 142 million less paid than in December).
 * Where the text is silent (how many not started, how many Bijsturen) the figures are made up to fit.
 */
export const SEPTEMBER_2021: Distribution = {
  meetmoment: "2021-09-30",
  projects: {
    "Aandacht nodig": ["VV056"],
    "Nog niet opgestart": ["VV137", "VV142", "VV150", "VV151", "VV152"],
    Opgestart: codes(141, 176, [142, 146, 150, 151, 152, 168]),
  },
  milestones: {
    total: 1006,
    counts: {
      "Op schema": 479,
      Gerealiseerd: 165,
      Vertraging: 28,
      Bijsturen: 3,
      "Nog niet gestart": 331,
    },
  },
  bijsturenIn: "VV113",
  vak: 750_000_000,
  vek: 76_600_000,
};

/** A small deterministic generator (mulberry32): the same workbook on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Spread `total` euro over the budgets in proportion, in whole euro, adding up exactly. */
function spread(budgets: number[], total: number): number[] {
  const sum = budgets.reduce((a, b) => a + b, 0);
  const parts = budgets.map((b) => Math.floor((b / sum) * total));
  const rest = total - parts.reduce((a, b) => a + b, 0);
  const largest = budgets.indexOf(Math.max(...budgets));
  parts[largest] += rest;
  return parts;
}

export function june2022(): LoadedDataset {
  return loadDataset(
    JSON.parse(readFileSync(join(__dirname, "../../data/vlaamse-veerkracht-2022-06.json"), "utf8"))
  );
}

/** The records of a distribution. */
export function distributionRecords(d: Distribution): Records {
  const base = june2022().records;
  const statusOf = new Map<string, Project["status"]>();
  for (const [status, list] of Object.entries(d.projects))
    for (const c of list ?? []) statusOf.set(c, status as Project["status"]);
  const projects = base.projects.map((p) => ({
    ...p,
    status: statusOf.get(p.code) ?? "In uitvoering na agendering VR",
  }));
  // Drop evenly spread milestones down to the total (never all of one project).
  const n = base.milestones.length;
  const k = d.milestones.total;
  const kept = base.milestones.filter(
    (_, i) => Math.floor(((i + 1) * k) / n) > Math.floor((i * k) / n)
  );
  const statuses = Object.entries(d.milestones.counts).flatMap(([s, n]) =>
    Array.from({ length: n ?? 0 }, () => s as Milestone["status"])
  );
  const rnd = random(20211231);
  for (let i = statuses.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [statuses[i], statuses[j]] = [statuses[j], statuses[i]];
  }
  // Bijsturen milestones go to the named project.
  const target = kept
    .map((m, i) => (m.projectCode === d.bijsturenIn ? i : -1))
    .filter((i) => i >= 0);
  statuses.forEach((s, i) => {
    if (s !== "Bijsturen" || kept[i].projectCode === d.bijsturenIn) return;
    const j = target.find((x) => statuses[x] !== "Bijsturen");
    if (j === undefined) throw new Error(`${d.bijsturenIn} has too few milestones`);
    [statuses[i], statuses[j]] = [statuses[j], statuses[i]];
  });
  const milestones = kept.map((m, i) => ({ ...m, status: statuses[i] }));
  const recovery = base.financing.filter((f) => Number(f.projectCode.slice(2)) <= 158);
  const budgets = recovery.map((f) => f.update ?? f.begroot ?? 0);
  const vak = spread(budgets, d.vak);
  const vek = spread(budgets, d.vek);
  const financing = base.financing.map((f) => {
    const i = recovery.indexOf(f);
    return i < 0 ? f : { ...f, vak: vak[i], vek: vek[i] };
  });
  return { ...base, projects, milestones, financing };
}

/** A workbook (the whole template, stamped with the meetmoment) holding these records. */
export async function workbookOf(records: Records, meetmoment: string): Promise<XlsxPort> {
  const port = new XlsxPort();
  await port.apply(demoPlan({ data: { report: `meting ${meetmoment}`, meetmoment, records } }));
  return port;
}
