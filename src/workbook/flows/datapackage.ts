/**
 * Publishing the data: the exported records as one table per template sheet (the machine-readable form:
 * numbers with a decimal point, no thousands separator, no unit), and a Frictionless Data Package
 * descriptor (datapackage.json) whose Table Schemas come from the zod schema (core/table-schema.ts).
 * Hosts write the tables as UTF-8, comma-separated CSV.
 */
import { SHEETS } from "../../core/template";
import { tableSchemaFields, type TableSchemaField } from "../../core/table-schema";
import type { SheetKey } from "../../core/schema";
import type { ExportResult } from "./export";

export interface CsvTable {
  /** Resource name, e.g. "mijlpalen". */
  name: string;
  /** File name, e.g. "mijlpalen.csv". */
  path: string;
  /** The sheet's Dutch name. */
  title: string;
  fields: TableSchemaField[];
  /** Cells as text: "" for an empty cell. */
  rows: string[][];
}

/** A number as Table Schema reads it: decimal point, no grouping, never an exponent. */
export function numberCell(n: number): string {
  const s = String(n);
  if (!/e/i.test(s)) return s;
  return n.toLocaleString("en-US", { useGrouping: false, maximumFractionDigits: 20 });
}

function cell(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return Number.isFinite(v) ? numberCell(v) : "";
  if (v instanceof Date) return v.toISOString();
  return String(v);
}

/** One table per template sheet, columns in the export's order (the Table Schema's fields). */
export function exportTables(r: ExportResult): CsvTable[] {
  return SHEETS.map((s) => {
    const fields = tableSchemaFields(s.key);
    const records = r[s.key] as unknown as Record<string, unknown>[];
    const name = s.name.toLowerCase();
    return {
      name,
      path: `${name}.csv`,
      title: s.name,
      fields,
      rows: records.map((rec) => fields.map((f) => cell(rec[f.name]))),
    };
  });
}

const KEYS: Record<SheetKey, { primaryKey?: string; reference?: string }> = {
  projects: { primaryKey: "code" },
  milestones: { reference: "projectCode" },
  indicators: { reference: "projectCode" },
  financing: { primaryKey: "projectCode", reference: "projectCode" },
};

/** The datapackage.json of the tables: a tabular data package, one resource per CSV. */
export function dataPackage(
  tables: readonly CsvTable[],
  opts: { meetmoment: string | null; created: string }
) {
  const projects = tables.find((t) => t.name === SHEETS[0].name.toLowerCase())!;
  return {
    profile: "tabular-data-package",
    name: `vlaamse-veerkracht-monitoring${opts.meetmoment ? `-${opts.meetmoment}` : ""}`,
    title: `Vlaamse Veerkracht: monitoring${opts.meetmoment ? `, meetmoment ${opts.meetmoment}` : ""}`,
    description:
      "De monitoringsgegevens van het relanceplan Vlaamse Veerkracht: projecten, mijlpalen, outputindicatoren en financiering, één CSV per tabblad (UTF-8, komma als scheidingsteken, decimale punt). Bedragen in euro; realisatiegraad als breuk.",
    created: opts.created,
    ...(opts.meetmoment ? { meetmoment: opts.meetmoment } : {}),
    resources: tables.map((t) => {
      const key = SHEETS.find((s) => s.name.toLowerCase() === t.name)!.key;
      const k = KEYS[key];
      return {
        name: t.name,
        title: t.title,
        path: t.path,
        profile: "tabular-data-resource",
        format: "csv",
        mediatype: "text/csv",
        encoding: "utf-8",
        dialect: { delimiter: ",", doubleQuote: true, header: true, lineTerminator: "\r\n" },
        schema: {
          fields: t.fields,
          missingValues: [""],
          ...(k.primaryKey ? { primaryKey: k.primaryKey } : {}),
          ...(k.reference && t !== projects
            ? {
                foreignKeys: [
                  { fields: k.reference, reference: { resource: projects.name, fields: "code" } },
                ],
              }
            : {}),
        },
      };
    }),
  };
}
