/**
 * Properties of the totals over random Financiering tables: however amounts are typed (numbers, Dutch
 * text with or without EUR, blanks as "" or null) and however the columns are ordered, VAK/VEK/BELEIDSRUIMTE
 * equal the plain sums; the envelopes and the clusters partition the whole.
 */
import fc from "fast-check";
import { CLUSTER_LABELS } from "../../src/core/vocabulary";
import { SHEET_BY_KEY } from "../../src/core/template";
import { financingTotal, type FnResult } from "../../src/functions/impl";
import { dutchText } from "./tables";

const FIN = SHEET_BY_KEY.financing;
const PROJ = SHEET_BY_KEY.projects;
const col = (k: string) => FIN.columns.findIndex((c) => c.key === k);

interface Row {
  code: number;
  begroot: number | null;
  update: number | null;
  vak: number | null;
  vek: number | null;
}

const amount = fc.option(fc.integer({ min: 0, max: 5_000_000_000 }), { nil: null, freq: 4 });
const rowArb = fc.record({
  code: fc.integer({ min: 1, max: 180 }),
  begroot: amount,
  update: amount,
  vak: amount,
  vek: amount,
});
const styleArb = fc.constantFrom("number", "dutch", "eur", "blank-empty");

function cell(v: number | null, style: string): unknown {
  if (v === null) return style === "blank-empty" ? "" : null;
  if (style === "dutch") return dutchText(v);
  if (style === "eur") return dutchText(v, " EUR");
  return v;
}

function table(rows: Row[], styles: string[], perm: number[]): unknown[][] {
  const header = FIN.columns.map((c) => c.header);
  const body = rows.map((r, i) => {
    const out: unknown[] = FIN.columns.map(() => null);
    out[col("projectCode")] = "VV" + String(r.code).padStart(3, "0");
    for (const k of ["begroot", "update", "vak", "vek"] as const)
      out[col(k)] = cell(r[k], styles[(i + k.length) % styles.length]);
    return out;
  });
  return [header, ...body].map((row) => perm.map((j) => row[j]));
}

const value = (r: FnResult) => {
  if (!r.ok) throw new Error(r.message.en);
  return r.value;
};

const permArb = fc.shuffledSubarray([...FIN.columns.keys()], {
  minLength: FIN.columns.length,
  maxLength: FIN.columns.length,
});

test("totals equal the plain sums, whatever the typing and the column order", () => {
  fc.assert(
    fc.property(
      fc.array(rowArb, { maxLength: 60 }),
      fc.array(styleArb, { minLength: 1, maxLength: 4 }),
      permArb,
      (rows, styles, perm) => {
        const t = table(rows, styles, perm);
        const sum = (f: (r: Row) => number) => rows.reduce((s, r) => s + f(r), 0);
        expect(value(financingTotal("begroot", t))).toBe(sum((r) => r.begroot ?? 0));
        expect(value(financingTotal("update", t))).toBe(sum((r) => r.update ?? r.begroot ?? 0));
        expect(value(financingTotal("vak", t))).toBe(sum((r) => r.vak ?? 0));
        expect(value(financingTotal("vek", t))).toBe(sum((r) => r.vek ?? 0));
      }
    ),
    { numRuns: 150 }
  );
});

test("relance plus regulier, and the sum over all clusters, are the whole", () => {
  // every project gets a cluster through the Projecten table
  const projects: unknown[][] = [PROJ.columns.map((c) => c.header)];
  for (let i = 1; i <= 180; i++) {
    const r: unknown[] = PROJ.columns.map(() => null);
    r[PROJ.columns.findIndex((c) => c.key === "code")] = "VV" + String(i).padStart(3, "0");
    r[PROJ.columns.findIndex((c) => c.key === "cluster")] =
      CLUSTER_LABELS[(i * 7) % CLUSTER_LABELS.length];
    projects.push(r);
  }
  fc.assert(
    fc.property(
      fc.array(rowArb, { maxLength: 40 }),
      fc.array(styleArb, { minLength: 1, maxLength: 4 }),
      (rows, styles) => {
        const t = table(rows, styles, [...FIN.columns.keys()]);
        const whole = value(financingTotal("vak", t));
        const env = ["relance", "regulier"].map((e) =>
          value(financingTotal("vak", t, { filtersoort: "envelop", filterwaarde: e }))
        );
        expect(env[0] + env[1]).toBe(whole);
        const clusters = CLUSTER_LABELS.map((c) =>
          value(
            financingTotal("vak", t, {
              filtersoort: "cluster",
              filterwaarde: c,
              projecten: projects,
            })
          )
        );
        expect(clusters.reduce((a, b) => a + b, 0)).toBe(whole);
      }
    ),
    { numRuns: 40 }
  );
});
