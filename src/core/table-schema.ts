/**
 * Frictionless Table Schemas (https://specs.frictionlessdata.io/table-schema/) of the exported records,
 * derived from the zod schema: field names are the records' keys, types, patterns, enums, minimums and
 * required-ness come from zod (through its JSON Schema), titles and descriptions from the column metadata.
 * The exported records are the template's plus the computed fields of `export` (envelope, effective
 * budget, realisatiegraad computed next to the reported one), declared here in zod too.
 */
import { z } from "zod";
import {
  columnMeta,
  FinancingSchema,
  IndicatorSchema,
  MilestoneSchema,
  ProjectSchema,
  type SheetKey,
} from "./schema";
import { ENVELOPES } from "./vocabulary";

const envelop = z.enum(ENVELOPES.map((e) => e.key) as [string, ...string[]]).nullable();
const FIELD_HELP: Record<string, { title: string; description: string }> = {
  envelop: {
    title: "Envelop",
    description:
      "relance voor VV001–VV158 (relancebudget van 4,3 miljard), regulier voor VV159–VV180.",
  },
  beleidsruimte: {
    title: "Beleidsruimte",
    description: "De beleidsruimte die telt: de update waar ingevuld, anders de begrote.",
  },
  realisatiegraad: {
    title: "Realisatiegraad (berekend)",
    description:
      "Realisatie gedeeld door streefwaarde, als breuk, onafgerond; leeg als dat niet kan.",
  },
  realisatiegraadGerapporteerd: {
    title: "Realisatiegraad (gerapporteerd)",
    description: "De realisatiegraad zoals in de werkmap getypt, als breuk.",
  },
};

/** The exported records (vv-monitor export), per sheet, as zod objects in column order. */
export const EXPORT_SCHEMAS = {
  projects: ProjectSchema.extend({ envelop }),
  milestones: MilestoneSchema,
  indicators: IndicatorSchema.omit({ realisatiegraad: true, realisatiegraadBerekend: true }).extend(
    {
      realisatiegraad: z.number().nullable(),
      realisatiegraadGerapporteerd: z.number().nullable(),
    }
  ),
  financing: FinancingSchema.extend({ envelop, beleidsruimte: z.number().nonnegative() }),
} as const satisfies Record<SheetKey, z.ZodObject>;

export interface TableSchemaField {
  name: string;
  title: string;
  description?: string;
  type: "string" | "number" | "integer" | "boolean" | "any";
  constraints?: { required?: boolean; pattern?: string; enum?: string[]; minimum?: number };
}

interface JsonSchemaProperty {
  type?: string | string[];
  anyOf?: JsonSchemaProperty[];
  pattern?: string;
  enum?: (string | null)[];
  minimum?: number;
}

/** The JSON Schema types of a property, with "null" for nullable ones. */
function typesOf(p: JsonSchemaProperty): string[] {
  if (p.anyOf) return p.anyOf.flatMap(typesOf);
  if (Array.isArray(p.type)) return p.type;
  return p.type ? [p.type] : [];
}

/** Pick the non-null branch of a nullable property (zod writes anyOf [x, null]). */
function mainBranch(p: JsonSchemaProperty): JsonSchemaProperty {
  return p.anyOf?.find((b) => !typesOf(b).includes("null")) ?? p;
}

function field(
  name: string,
  p: JsonSchemaProperty,
  schema: z.ZodType | undefined
): TableSchemaField {
  const types = typesOf(p);
  const real = types.filter((t) => t !== "null");
  const main = mainBranch(p);
  const meta = schema ? columnMeta.get(schema) : undefined;
  const help = FIELD_HELP[name];
  const out: TableSchemaField = {
    name,
    title: meta?.header ?? help?.title ?? name,
    type:
      real.length === 1 && ["string", "number", "integer", "boolean"].includes(real[0])
        ? (real[0] as TableSchemaField["type"])
        : "any",
  };
  const description = meta?.help.nl ?? help?.description;
  if (description) out.description = description;
  const constraints: NonNullable<TableSchemaField["constraints"]> = {};
  if (!types.includes("null")) constraints.required = true;
  // Table Schema patterns match the whole value: no anchors.
  if (main.pattern) constraints.pattern = main.pattern.replace(/^\^/, "").replace(/\$$/, "");
  const values = main.enum?.filter((v): v is string => v !== null);
  if (values?.length) constraints.enum = values;
  if (main.minimum !== undefined) constraints.minimum = main.minimum;
  if (Object.keys(constraints).length) out.constraints = constraints;
  return out;
}

/** The Table Schema fields of one sheet's exported records, in column order. */
export function tableSchemaFields(sheet: SheetKey): TableSchemaField[] {
  const schema = EXPORT_SCHEMAS[sheet];
  const json = z.toJSONSchema(schema, { io: "output", unrepresentable: "any" }) as {
    properties: Record<string, JsonSchemaProperty>;
  };
  const shape = schema.shape as Record<string, z.ZodType>;
  return Object.keys(shape).map((k) => field(k, json.properties[k], shape[k]));
}
