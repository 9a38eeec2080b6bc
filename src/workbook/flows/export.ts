/**
 * Export: the typed records of a workbook with computed fields. Every output indicator carries its
 * realisatiegraad computed as realisatie / streefwaarde (a fraction, unrounded; null when it cannot be
 * computed) next to the reported one; financing rows carry cluster, speerpunt, envelope and the
 * effective budget.
 */
import { effectiveBudget, realisatiegraad } from "../../core/calc";
import type { Finding } from "../../core/findings";
import type { TableReport } from "../../core/read";
import type { Financing, Indicator, Milestone, Project } from "../../core/schema";
import { envelopeOf, type EnvelopeKey, type Lang } from "../../core/vocabulary";
import type { WorkbookSnapshot } from "../port";
import type { SheetLedger } from "./ledger";
import { recordSources, type RecordSources } from "./csv-excel";
import { validateSnapshot } from "./validate";

export type ExportedIndicator = Omit<Indicator, "realisatiegraad" | "realisatiegraadBerekend"> & {
  /** Computed: realisatie / streefwaarde, a fraction, unrounded; null when it cannot be computed. */
  realisatiegraad: number | null;
  /** As typed in the workbook (a fraction), null when empty. */
  realisatiegraadGerapporteerd: number | null;
};
export type ExportedFinancing = Omit<Financing, "cluster" | "speerpunt" | "envelop"> & {
  cluster: string | null;
  speerpunt: string | null;
  envelop: EnvelopeKey | null;
  /** The budget that counts: the update where filled in, else begroot. */
  beleidsruimte: number;
};
export type ExportedProject = Project & { envelop: EnvelopeKey | null };

export interface ExportResult {
  meetmoment: string | null;
  projects: ExportedProject[];
  milestones: Milestone[];
  indicators: ExportedIndicator[];
  financing: ExportedFinancing[];
  errors: number;
  warnings: number;
}

const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : null);

export function exportRecords(
  snapshot: WorkbookSnapshot,
  opts: { meetmoment?: string | null; lang?: Lang; sources?: boolean } = {}
): ExportResult & {
  findings: Finding[];
  reading: TableReport[];
  ledger: SheetLedger[];
  sources?: RecordSources;
} {
  const v = validateSnapshot(snapshot, opts);
  const r = v.records;
  const byCode = new Map(r.projects.map((p) => [p.code, p]));
  return {
    meetmoment: v.meetmoment,
    projects: r.projects.map((p) => ({ ...p, envelop: envelopeOf(p.code) ?? null })),
    milestones: r.milestones,
    indicators: r.indicators.map((i) => {
      const { realisatiegraad: reported, realisatiegraadBerekend: _computedColumn, ...rest } = i;
      void _computedColumn;
      const c = realisatiegraad(num(i.realisatie), num(i.streefwaarde));
      return {
        ...rest,
        realisatiegraad: c.ok ? c.value : null,
        realisatiegraadGerapporteerd: reported ?? null,
      };
    }),
    financing: r.financing.map((f) => {
      const p = byCode.get(f.projectCode);
      return {
        ...f,
        cluster: p?.cluster ?? null,
        speerpunt: p?.speerpunt ?? null,
        envelop: envelopeOf(f.projectCode) ?? null,
        beleidsruimte: effectiveBudget(f),
      };
    }),
    errors: v.errors,
    warnings: v.warnings,
    findings: v.findings,
    reading: v.reading.tables,
    ledger: v.ledger ?? [],
    // The merged rows' source files, for the CSV for Excel (asked for: not in the public JSON).
    ...(opts.sources ? { sources: recordSources(snapshot, v.reading.refs) } : {}),
  };
}
