/**
 * The June 2022 report as data (data/vlaamse-veerkracht-2022-06.json) turned into the core's records.
 * Nothing is dropped: fields the four main columns cannot hold go to the extra columns of the schema
 * (Input (tekst), Streefwaarde/Realisatie (toelichting), Titel (kruisverwijzing), Agendering, Koppeling).
 */
import { z } from "zod";
import { parseNumberText, percentToFraction } from "./parse";
import type { Records } from "./records";
import type { Financing, Indicator, Milestone, Project, SheetKey } from "./schema";
import { SHEET_BY_KEY, SHEETS, type SheetSpec } from "./template";
import type { TableData } from "./table";

const num = z.number().nullable();
const str = z.string().nullable();
const label = z.object({ nr: z.number(), name: z.string(), label: z.string() });

/** The JSON file's shape: checked on load so that a changed data file fails loudly, not silently. */
export const DatasetSchema = z.object({
  report: z.string(),
  meetmoment: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  speerpunten: z.array(label),
  clusters: z.array(label),
  projects: z.array(
    z.object({
      code: z.string(),
      title: z.string(),
      title_crossref: str,
      cluster: label,
      speerpunt: label,
      bevoegde_ministers_text: str,
      bevoegde_ministers: z.array(z.string()),
      trekkende_entiteit: str,
      webpagina: str,
      betrokken_entiteiten: str,
      belanghebbenden: str,
      input_eur: num,
      input_text: str,
      output: str,
      outcome: str,
      projectstatus: str,
      projectstatus_beschrijving: str,
      noodzakelijke_politieke_actie: str,
      milestones: z.array(z.object({ name: str, timing: str, status: str, description: str })),
      output_indicators: z.array(
        z.object({
          indicator: str,
          streefwaarde: num,
          streefwaarde_text: str,
          timing: str,
          realisatie: num,
          realisatie_text: str,
          realisatiegraad: num,
          realisatiegraad_text: str,
          realisatiegraad_decimals: num,
        })
      ),
      financing: z.object({
        beleidsruimte_begroot: num,
        beleidsruimte_begroot_update: num,
        uitvoering_vak: num,
        uitvoering_vek: num,
        oorsprong_middelen: z.object({
          europees_herstelfonds: num,
          brexit_fonds: num,
          react_eu: num,
          vlaamse_relancemiddelen: num,
          reguliere_vlaamse_middelen: num,
        }),
      }),
      agendering: z.array(z.string()),
      koppeling: z.array(z.object({ code: z.string(), title: z.string().nullable() })),
    })
  ),
});
export type Dataset = z.infer<typeof DatasetSchema>;

export interface LoadedDataset {
  report: string;
  meetmoment: string;
  records: Records;
}

/** The number cell and, when the printed text says more than the number, the text as a toelichting. */
function numberAndText(
  n: number | null,
  text: string | null
): { value: number | string | null; note: string | null } {
  if (n === null) return { value: text, note: null };
  if (text === null) return { value: n, note: null };
  const r = parseNumberText(text);
  return { value: n, note: r.ok && r.value === n ? null : text };
}

// Kept whole (about 75 lines): one record literal per sheet, mapping the dataset's fields to the
// schema's side by side; apart they would be read without the field list they map.
export function loadDataset(json: unknown): LoadedDataset {
  const d = DatasetSchema.parse(json);
  const records: Records = { projects: [], milestones: [], indicators: [], financing: [] };
  for (const p of d.projects) {
    const input = numberAndText(p.input_eur, p.input_text);
    const project: Project = {
      code: p.code,
      title: p.title,
      cluster: p.cluster.label,
      speerpunt: p.speerpunt.label as Project["speerpunt"],
      ministers: p.bevoegde_ministers_text,
      leadEntity: p.trekkende_entiteit,
      involvedEntities: p.betrokken_entiteiten,
      stakeholders: p.belanghebbenden,
      webpage: p.webpagina,
      input: typeof input.value === "number" ? input.value : null,
      inputText: typeof input.value === "string" ? input.value : input.note,
      output: p.output,
      outcome: p.outcome,
      status: p.projectstatus as Project["status"],
      statusDescription: p.projectstatus_beschrijving,
      politicalAction: p.noodzakelijke_politieke_actie,
      agendering: p.agendering.length ? p.agendering.join("\n") : null,
      koppeling: p.koppeling.length
        ? p.koppeling.map((k) => (k.title ? `${k.code} ${k.title}` : k.code)).join("\n")
        : null,
      titleCrossref: p.title_crossref,
    };
    records.projects.push(project);
    for (const m of p.milestones) {
      records.milestones.push({
        projectCode: p.code,
        name: m.name ?? "",
        timing: m.timing ?? "",
        status: (m.status ?? "") as Milestone["status"],
        description: m.description,
      } as Milestone);
    }
    for (const i of p.output_indicators) {
      const target = numberAndText(i.streefwaarde, i.streefwaarde_text);
      const real = numberAndText(i.realisatie, i.realisatie_text);
      const ind: Indicator = {
        projectCode: p.code,
        indicator: i.indicator ?? "",
        streefwaarde: target.value,
        timing: i.timing,
        realisatie: real.value,
        realisatiegraad: i.realisatiegraad === null ? null : percentToFraction(i.realisatiegraad),
        realisatiegraadBerekend: null,
        streefwaardeToelichting: target.note,
        realisatieToelichting: real.note,
      };
      records.indicators.push(ind);
    }
    const f = p.financing;
    const o = f.oorsprong_middelen;
    const fin: Financing = {
      projectCode: p.code,
      begroot: f.beleidsruimte_begroot,
      update: f.beleidsruimte_begroot_update,
      vak: f.uitvoering_vak,
      vek: f.uitvoering_vek,
      europeesHerstelfonds: o.europees_herstelfonds,
      brexitFonds: o.brexit_fonds,
      reactEu: o.react_eu,
      vlaamseRelancemiddelen: o.vlaamse_relancemiddelen,
      regulierVlaams: o.reguliere_vlaamse_middelen,
      cluster: null,
      speerpunt: null,
      envelop: null,
    };
    records.financing.push(fin);
  }
  return { report: d.report, meetmoment: d.meetmoment, records };
}

/** Cell values of a record in the sheet's column order; computed columns are null (hosts write formulas). */
export function recordToRow(sheet: SheetKey, record: object): unknown[] {
  const r = record as Record<string, unknown>;
  return SHEET_BY_KEY[sheet].columns.map((c) =>
    c.kind === "computed" ? null : (r[c.key] ?? null)
  );
}

/** Records as template tables (header row 1, column A): for validating records without a workbook. */
export function recordsToTables(
  records: Records,
  specs: readonly SheetSpec[] = SHEETS
): TableData[] {
  return specs.map((s) => ({
    sheet: s.name,
    tableName: s.tableName,
    headerRow: 1,
    firstColumn: 0,
    headers: s.columns.map((c) => c.header),
    rows: (records[s.key] as object[]).map((rec) => recordToRow(s.key, rec)),
  }));
}
