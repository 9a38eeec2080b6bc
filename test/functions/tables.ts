/**
 * Test tables for the custom functions: the June 2022 data set as the Financiering and Projecten
 * tables a controller passes (header row first, columns in template order), and the expected totals
 * computed straight from the records, independently of the code under test.
 */
import data from "../../data/vlaamse-veerkracht-2022-06.json";
import { loadDataset, recordToRow } from "../../src/core/dataset";
import { SHEET_BY_KEY } from "../../src/core/template";
import type { Financing, Project } from "../../src/core/schema";

export const loaded = loadDataset(data);
export const projects: Project[] = loaded.records.projects;
export const financing: Financing[] = loaded.records.financing;

const FIN = SHEET_BY_KEY.financing;
const PROJ = SHEET_BY_KEY.projects;
export const finHeaders = FIN.columns.map((c) => c.header);
export const projHeaders = PROJ.columns.map((c) => c.header);
export const finIndex = (key: string) => FIN.columns.findIndex((c) => c.key === key);

/** The Financiering table with header row; computed columns blank, as recordToRow gives them. */
export function financingTable(): unknown[][] {
  return [finHeaders, ...financing.map((f) => recordToRow("financing", f))];
}

/** The Financiering table with its computed columns filled as Excel computes them (cluster, speerpunt, envelope). */
export function financingTableComputed(): unknown[][] {
  const byCode = new Map(projects.map((p) => [p.code, p]));
  return financingTable().map((row, i) => {
    if (i === 0) return row;
    const r = [...row];
    const p = byCode.get(String(r[finIndex("projectCode")]));
    r[finIndex("cluster")] = p?.cluster ?? "";
    r[finIndex("speerpunt")] = p?.speerpunt ?? "";
    r[finIndex("envelop")] =
      Number(String(r[finIndex("projectCode")]).slice(2)) <= 158 ? "relance" : "regulier";
    return r;
  });
}

/** The Financiering table without its computed columns (an older workbook). */
export function financingTableBare(): unknown[][] {
  const drop = new Set(["cluster", "speerpunt", "envelop"].map(finIndex));
  return financingTable().map((row) => row.filter((_, j) => !drop.has(j)));
}

export function projectsTable(): unknown[][] {
  return [projHeaders, ...projects.map((p) => recordToRow("projects", p))];
}

/** The same table with its columns in another order (reversed): formulas must survive column moves. */
export function permuteColumns(t: unknown[][]): unknown[][] {
  return t.map((row) => [...row].reverse());
}

export interface Expected {
  begroot: number;
  update: number;
  vak: number;
  vek: number;
}

/** Sums over the financing records that pass `keep`: update is the update where given, else begroot. */
export function expectedTotals(keep: (f: Financing, p: Project | undefined) => boolean): Expected {
  const byCode = new Map(projects.map((p) => [p.code, p]));
  const e: Expected = { begroot: 0, update: 0, vak: 0, vek: 0 };
  for (const f of financing) {
    if (!keep(f, byCode.get(f.projectCode))) continue;
    e.begroot += f.begroot ?? 0;
    e.update += f.update ?? f.begroot ?? 0;
    e.vak += f.vak ?? 0;
    e.vek += f.vek ?? 0;
  }
  return e;
}

export const codeNumber = (code: string) => Number(code.slice(2));

/** An amount written as Dutch text, the way people type it: 1.650.000 or 344.000 EUR. */
export function dutchText(n: number, suffix = ""): string {
  const [int, frac] = Math.abs(n).toFixed(2).split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return (n < 0 ? "-" : "") + grouped + (frac === "00" ? "" : "," + frac) + suffix;
}
