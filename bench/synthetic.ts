/**
 * A synthetic monitoring workbook of any size, deterministic (seeded), with realistic variety: Dutch and
 * English number text, quarter variants, a few wrong statuses and amounts, blanks. Shared by benchmarks
 * and large-input tests.
 */
import { SHEET_BY_KEY } from "../src/core/template";
import type { TableData } from "../src/core/table";
import {
  CLUSTERS,
  MILESTONE_STATUS_LABELS,
  PROJECT_STATUS_LABELS,
  SPEERPUNTEN,
} from "../src/core/vocabulary";
import type { SheetKey } from "../src/core/schema";

/** A small seeded generator (mulberry32): the same workbook on every run. */
export function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function table(key: SheetKey, rows: Record<string, unknown>[]): TableData {
  const spec = SHEET_BY_KEY[key];
  return {
    sheet: spec.name,
    tableName: spec.tableName,
    headerRow: 1,
    firstColumn: 0,
    headers: spec.columns.map((c) => c.header),
    rows: rows.map((r) => spec.columns.map((c) => r[c.key] ?? null)),
  };
}

/** About `total` rows: 180 projects and financing rows, the rest 80 % milestones and 20 % indicators. */
export function syntheticTables(total: number, seed = 1): TableData[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const code = (i: number) => "VV" + String(i).padStart(3, "0");
  const projects = [];
  const financing = [];
  for (let i = 1; i <= 180; i++) {
    const c = CLUSTERS[(i - 1) % 34];
    projects.push({
      code: code(i),
      title: `Project ${i}`,
      cluster: c.label,
      speerpunt: c.speerpunt ?? SPEERPUNTEN[0],
      status: pick(PROJECT_STATUS_LABELS),
      leadEntity: "Departement Omgeving",
    });
    const budget = Math.round(r() * 5e7);
    const vak = Math.round(budget * r() * 1.05);
    financing.push({
      projectCode: code(i),
      begroot: budget,
      update: r() < 0.3 ? Math.round(budget * 0.9) : null,
      vak,
      vek: Math.round(vak * r()),
      vlaamseRelancemiddelen: budget,
    });
  }
  const rest = Math.max(0, total - 360);
  const nMilestones = Math.round(rest * 0.8);
  const milestones = [];
  for (let i = 0; i < nMilestones; i++) {
    const y = 2020 + Math.floor(r() * 7);
    const q = 1 + Math.floor(r() * 4);
    const x = r();
    milestones.push({
      projectCode: x < 0.01 ? `vv${1 + Math.floor(r() * 180)} ` : code(1 + Math.floor(r() * 180)),
      name: `Mijlpaal ${i}`,
      timing: x < 0.02 ? `Q${q} ${y}` : `${y} Q${q}`,
      status: x > 0.995 ? "Bijna klaar" : pick(MILESTONE_STATUS_LABELS),
      description: x < 0.5 ? null : "Toelichting bij de status",
    });
  }
  const indicators = [];
  for (let i = 0; i < rest - nMilestones; i++) {
    const target = Math.round(r() * 10000) + 1;
    const real = Math.round(target * r() * 1.2);
    const x = r();
    indicators.push({
      projectCode: code(1 + Math.floor(r() * 180)),
      indicator: `Indicator ${i}`,
      streefwaarde:
        x < 0.05 ? "eerste versie in gebruik" : x < 0.1 ? target.toLocaleString("nl-BE") : target,
      timing: `${2021 + Math.floor(r() * 5)} Q4`,
      realisatie: real,
      realisatiegraad: x > 0.7 ? Math.round((real / target) * 1000) / 1000 : null,
    });
  }
  return [
    table("projects", projects),
    table("milestones", milestones),
    table("indicators", indicators),
    table("financing", financing),
  ];
}

export function rowCount(tables: readonly TableData[]): number {
  return tables.reduce((a, t) => a + t.rows.length, 0);
}
