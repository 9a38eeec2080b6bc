/**
 * The single source of truth: the four record types as zod schemas, each field registered with the
 * template metadata (header label, kind, list, format, width, help). The template spec, the dropdown
 * lists, the parsers used by validation, the TypeScript types and the docs' column tables derive from here.
 *
 * Kept as one file (about 530 lines): it is data, the four record schemas with their column metadata side
 * by side; split per sheet, the shared lists and the registration would be spread over four files.
 */
import { z } from "zod";
import {
  CLUSTER_LABELS,
  MILESTONE_STATUS_LABELS,
  ORIGINS,
  PROJECT_STATUS_LABELS,
  SPEERPUNTEN,
} from "./vocabulary";

/** How a column's cells are read and written. */
export type ColumnKind =
  | "code" // project code VV001
  | "text" // short text
  | "longtext" // free text, wrapped
  | "list" // a value from a dropdown list
  | "amount" // EUR amount, non-negative
  | "numberOrText" // a number when it reads as one, else text (streefwaarde, realisatie)
  | "percent" // a fraction shown as %
  | "quarter" // YYYY Qn
  | "computed"; // a formula written by the template, never typed

export interface ColumnMeta {
  /** The Dutch header label: the template's public vocabulary. */
  header: string;
  /** English label, shown in help and English messages. */
  en: string;
  kind: ColumnKind;
  required?: boolean;
  /** Name of the dropdown list (a column of the hidden lists sheet) and its values. */
  list?: { name: string; values: readonly string[] };
  /** Excel number format. */
  numFmt?: string;
  /** Column width in characters. */
  width: number;
  help: { nl: string; en: string };
  /** Other headers that mean this column when converting an existing workbook. */
  synonyms?: readonly string[];
  /** For computed columns: the formula of one row (without "="), plain A1 references only. */
  formula?: (ref: FormulaRefs) => string;
}

/** References a computed column's formula may use; the host resolves them to A1 references. */
export interface FormulaRefs {
  /** The cell of another column of this sheet, in the same row: `E2`. */
  cell(key: string): string;
  /** A whole column of a template sheet, for lookups: `Projecten!$A:$A`. */
  column(sheet: "projects" | "milestones" | "indicators" | "financing", key: string): string;
}

export const columnMeta = z.registry<ColumnMeta>();

const EUR = '#,##0.00 "EUR";-#,##0.00 "EUR"';
const PCT = "0.00%";
/**
 * Targets and realised values: whole numbers (1650000) and decimals (74,032 km) alike. Not `#,##0.##`,
 * which shows a whole number with a dangling decimal separator ("1.650.000,"): Excel's number formats
 * cannot drop the separator for whole numbers only. "General" shows each as typed, without one.
 */
const WHOLE_OR_DECIMAL = "General";

function col<T extends z.ZodType>(schema: T, meta: ColumnMeta): T {
  columnMeta.add(schema, meta);
  return schema;
}

const code = (help: ColumnMeta["help"]) =>
  col(z.string().regex(/^VV\d{3}$/), {
    header: "Projectcode",
    en: "Project code",
    kind: "code",
    required: true,
    numFmt: "@",
    width: 12,
    help,
    synonyms: ["Code", "Project", "Projectnummer", "Project code", "Project ID", "VV-code", "Nr"],
  });
const text = (meta: Omit<ColumnMeta, "kind">) =>
  col(z.string().nullable(), { ...meta, kind: "text", numFmt: "@" });
const longtext = (meta: Omit<ColumnMeta, "kind" | "width"> & { width?: number }) =>
  col(z.string().nullable(), { width: 50, ...meta, kind: "longtext", numFmt: "@" });
const amount = (meta: Omit<ColumnMeta, "kind" | "numFmt" | "width">) =>
  col(z.number().nonnegative().nullable(), { ...meta, kind: "amount", numFmt: EUR, width: 20 });

export const ProjectSchema = z.object({
  code: code({
    nl: "De code van het project, VV001 tot VV180.",
    en: "The project code, VV001 to VV180.",
  }),
  title: text({
    header: "Projecttitel",
    en: "Project title",
    required: true,
    width: 50,
    synonyms: ["Titel", "Naam", "Project title", "Title", "Projectnaam"],
    help: {
      nl: "De titel van het project zoals in de projectfiche.",
      en: "The project title as on the project sheet.",
    },
  }),
  cluster: col(z.enum(CLUSTER_LABELS as [string, ...string[]]), {
    header: "Cluster",
    en: "Cluster",
    kind: "list",
    required: true,
    list: { name: "Clusters", values: CLUSTER_LABELS },
    width: 40,
    numFmt: "@",
    help: {
      nl: "Kies de cluster uit de lijst, bv. 05. Versterking O&O.",
      en: "Choose the cluster from the list, e.g. 05. Versterking O&O.",
    },
  }),
  speerpunt: col(z.enum(SPEERPUNTEN), {
    header: "Speerpunt",
    en: "Spearhead",
    kind: "list",
    required: true,
    list: { name: "Speerpunten", values: SPEERPUNTEN },
    width: 40,
    numFmt: "@",
    synonyms: ["Spearhead"],
    help: {
      nl: "Kies het speerpunt uit de lijst; het moet bij de cluster horen.",
      en: "Choose the spearhead from the list; it must match the cluster.",
    },
  }),
  ministers: text({
    header: "Bevoegde minister(s)",
    en: "Competent minister(s)",
    width: 30,
    synonyms: ["Minister", "Ministers", "Bevoegde minister", "Bevoegde ministers"],
    help: {
      nl: "De bevoegde minister(s), gescheiden door een komma.",
      en: "The competent minister(s), separated by commas.",
    },
  }),
  leadEntity: text({
    header: "Trekkende entiteit",
    en: "Lead entity",
    width: 35,
    synonyms: ["Entiteit", "Lead agency", "Lead entity", "Trekker"],
    help: { nl: "De entiteit die het project trekt.", en: "The agency that leads the project." },
  }),
  involvedEntities: longtext({
    header: "Betrokken entiteiten",
    en: "Involved entities",
    width: 35,
    help: { nl: "Andere betrokken entiteiten.", en: "Other agencies involved." },
  }),
  stakeholders: longtext({
    header: "Belanghebbenden",
    en: "Stakeholders",
    width: 35,
    help: {
      nl: "Belanghebbenden buiten de overheid.",
      en: "Stakeholders outside the administration.",
    },
  }),
  webpage: text({
    header: "Webpagina",
    en: "Web page",
    width: 20,
    help: {
      nl: "Link of verwijzing naar de projectpagina.",
      en: "Link or reference to the project page.",
    },
  }),
  input: col(z.number().nonnegative().nullable(), {
    header: "Input (EUR)",
    en: "Input (EUR)",
    kind: "amount",
    numFmt: EUR,
    width: 18,
    synonyms: ["Input"],
    help: {
      nl: "De input van het project in euro, als getal (bv. 23000000).",
      en: "The project's input in euro, as a number.",
    },
  }),
  inputText: text({
    header: "Input (tekst)",
    en: "Input (text)",
    width: 20,
    help: {
      nl: "De input zoals vermeld in de fiche, als de tekst meer zegt dan het bedrag.",
      en: "The input as printed on the sheet, when the text says more than the amount.",
    },
  }),
  output: longtext({
    header: "Output",
    en: "Output",
    help: { nl: "De beoogde output, in tekst.", en: "The intended output, as text." },
  }),
  outcome: longtext({
    header: "Outcome",
    en: "Outcome",
    help: { nl: "De beoogde outcome, in tekst.", en: "The intended outcome, as text." },
  }),
  status: col(z.enum(PROJECT_STATUS_LABELS as [string, ...string[]]), {
    header: "Projectstatus",
    en: "Project status",
    kind: "list",
    required: true,
    list: { name: "Projectstatussen", values: PROJECT_STATUS_LABELS },
    width: 30,
    numFmt: "@",
    synonyms: ["Status", "Project status"],
    help: {
      nl: "Kies de status: Nog niet opgestart, Opgestart, In uitvoering na agendering VR, Aandacht nodig, Actie nodig of Gerealiseerd.",
      en: "Choose the status from the list.",
    },
  }),
  statusDescription: longtext({
    header: "Beschrijving projectstatus",
    en: "Status description",
    width: 60,
    synonyms: ["Statusbeschrijving", "Toelichting status"],
    help: { nl: "Licht de projectstatus toe.", en: "Explain the project status." },
  }),
  politicalAction: longtext({
    header: "Noodzakelijke politieke actie",
    en: "Political action needed",
    help: {
      nl: "Welke politieke actie nodig is, indien van toepassing.",
      en: "Which political action is needed, if any.",
    },
  }),
  agendering: longtext({
    header: "Agendering Vlaamse Regering",
    en: "Government decisions",
    width: 60,
    help: {
      nl: "Beslissingen van de Vlaamse Regering over het project, één per regel.",
      en: "Flemish Government decisions on the project, one per line.",
    },
  }),
  koppeling: longtext({
    header: "Koppeling",
    en: "Linked projects",
    width: 40,
    help: {
      nl: "Gekoppelde projecten, één per regel, beginnend met de projectcode (bv. VV002 Asbestpremie ...).",
      en: "Linked projects, one per line, starting with the project code.",
    },
  }),
  titleCrossref: text({
    header: "Titel (kruisverwijzing)",
    en: "Title (cross-reference)",
    width: 40,
    help: {
      nl: "De titel zoals gebruikt in verwijzingen tussen projecten.",
      en: "The title as used in links between projects.",
    },
  }),
});

export const MilestoneSchema = z.object({
  projectCode: code({
    nl: "De code van het project waartoe de mijlpaal behoort.",
    en: "The project this milestone belongs to.",
  }),
  name: col(z.string(), {
    header: "Mijlpaal",
    en: "Milestone",
    kind: "longtext",
    required: true,
    width: 60,
    numFmt: "@",
    synonyms: ["Milestone", "Naam mijlpaal", "Omschrijving"],
    help: { nl: "Wat er bereikt moet zijn.", en: "What must be achieved." },
  }),
  timing: col(z.string().regex(/^\d{4} Q[1-4]$/), {
    header: "Timing",
    en: "Timing",
    kind: "quarter",
    required: true,
    width: 12,
    numFmt: "@",
    synonyms: ["Kwartaal", "Deadline", "Quarter", "Planning", "Datum"],
    help: {
      nl: "Het kwartaal als JJJJ Qn, bv. 2022 Q1.",
      en: "The quarter as YYYY Qn, e.g. 2022 Q1.",
    },
  }),
  status: col(z.enum(MILESTONE_STATUS_LABELS as [string, ...string[]]), {
    header: "Status",
    en: "Status",
    kind: "list",
    required: true,
    list: { name: "Mijlpaalstatussen", values: MILESTONE_STATUS_LABELS },
    width: 20,
    numFmt: "@",
    synonyms: ["Status mijlpaal"],
    help: {
      nl: "Kies de status: Nog niet gestart, Op schema, Vertraging, Uitgesteld, Stopgezet, Bijsturen of Gerealiseerd.",
      en: "Choose the status from the list.",
    },
  }),
  description: longtext({
    header: "Statusbeschrijving",
    en: "Status description",
    width: 60,
    synonyms: ["Toelichting", "Beschrijving", "Description"],
    help: {
      nl: "Licht de status toe, zeker bij vertraging of bijsturing.",
      en: "Explain the status, especially when delayed.",
    },
  }),
});

export const IndicatorSchema = z.object({
  projectCode: code({
    nl: "De code van het project waartoe de indicator behoort.",
    en: "The project this indicator belongs to.",
  }),
  indicator: col(z.string(), {
    header: "Indicator",
    en: "Indicator",
    kind: "longtext",
    required: true,
    width: 50,
    numFmt: "@",
    synonyms: ["Outputindicator", "Output indicator"],
    help: { nl: "Wat gemeten wordt.", en: "What is measured." },
  }),
  streefwaarde: col(z.union([z.number(), z.string()]).nullable(), {
    header: "Streefwaarde",
    en: "Target",
    kind: "numberOrText",
    width: 16,
    numFmt: WHOLE_OR_DECIMAL,
    synonyms: ["Target", "Doel", "Doelwaarde"],
    help: {
      nl: "De streefwaarde als getal (bv. 1650000). Tekst mag, maar dan kan de realisatiegraad niet berekend worden.",
      en: "The target as a number; text is allowed but then no degree of realisation can be computed.",
    },
  }),
  timing: col(
    z
      .string()
      .regex(/^\d{4} Q[1-4]$/)
      .nullable(),
    {
      header: "Timing",
      en: "Timing",
      kind: "quarter",
      width: 12,
      numFmt: "@",
      synonyms: ["Kwartaal", "Quarter", "Deadline"],
      help: {
        nl: "Het kwartaal waarin de streefwaarde bereikt moet zijn, als JJJJ Qn.",
        en: "The quarter by which the target must be reached, as YYYY Qn.",
      },
    }
  ),
  realisatie: col(z.union([z.number(), z.string()]).nullable(), {
    header: "Realisatie",
    en: "Realised",
    kind: "numberOrText",
    width: 16,
    numFmt: WHOLE_OR_DECIMAL,
    synonyms: ["Gerealiseerd", "Realised", "Actual", "Stand van zaken"],
    help: {
      nl: "De gerealiseerde waarde op het meetmoment, als getal.",
      en: "The realised value at the measurement date, as a number.",
    },
  }),
  realisatiegraad: col(z.number().nullable(), {
    header: "Realisatiegraad",
    en: "Degree of realisation",
    kind: "percent",
    width: 16,
    numFmt: PCT,
    synonyms: ["Realisatiegraad (%)", "% gerealiseerd", "Degree of realisation"],
    help: {
      nl: "De realisatiegraad in %, zoals gerapporteerd (bv. 7,2 %). Laat leeg om de berekende te gebruiken.",
      en: "The reported degree of realisation in %; leave empty to use the computed one.",
    },
  }),
  realisatiegraadBerekend: col(z.number().nullable(), {
    header: "Berekende realisatiegraad",
    en: "Computed degree of realisation",
    kind: "computed",
    width: 16,
    numFmt: PCT,
    help: {
      nl: "Berekend: realisatie gedeeld door streefwaarde. Niet invullen.",
      en: "Computed: realised divided by target. Do not type here.",
    },
    formula: (r) =>
      `IF(AND(ISNUMBER(${r.cell("realisatie")}),ISNUMBER(${r.cell("streefwaarde")}),${r.cell("streefwaarde")}<>0),${r.cell("realisatie")}/${r.cell("streefwaarde")},"")`,
  }),
  streefwaardeToelichting: text({
    header: "Streefwaarde (toelichting)",
    en: "Target (as written)",
    width: 30,
    help: {
      nl: "De streefwaarde zoals geschreven, als de tekst meer zegt dan het getal (bv. 150 MWatt).",
      en: "The target as written, when the text says more than the number.",
    },
  }),
  realisatieToelichting: text({
    header: "Realisatie (toelichting)",
    en: "Realised (as written)",
    width: 30,
    help: {
      nl: "De realisatie zoals geschreven, als de tekst meer zegt dan het getal.",
      en: "The realised value as written, when the text says more than the number.",
    },
  }),
});

const originColumns = Object.fromEntries(
  ORIGINS.map((o) => [
    o.key,
    amount({
      header: o.label,
      en: o.label,
      help: {
        nl: `Deel van de beleidsruimte uit ${o.label}, in euro.`,
        en: `Part of the budget from ${o.label}, in euro.`,
      },
    }),
  ])
) as Record<(typeof ORIGINS)[number]["key"], z.ZodNullable<z.ZodNumber>>;

export const FinancingSchema = z.object({
  projectCode: code({
    nl: "De code van het project; één rij per project.",
    en: "The project code; one row per project.",
  }),
  begroot: amount({
    header: "Beleidsruimte (begroot)",
    en: "Budget",
    required: true,
    synonyms: ["Beleidsruimte", "Budget", "Begroot", "Begroting"],
    help: {
      nl: "De oorspronkelijk begrote beleidsruimte in euro.",
      en: "The original budget in euro.",
    },
  }),
  update: amount({
    header: "Beleidsruimte (begroot) update",
    en: "Revised budget",
    synonyms: ["Beleidsruimte update", "Revised budget", "Budget update", "Begroot update"],
    help: {
      nl: "De bijgestelde beleidsruimte in euro; leeg als er geen bijstelling is.",
      en: "The revised budget in euro; empty when unchanged.",
    },
  }),
  vak: amount({
    header: "Uitvoering VAK",
    en: "Commitments (VAK)",
    synonyms: ["VAK", "Vastleggingen", "Vastleggingskredieten", "Commitments", "Vastgelegd"],
    help: {
      nl: "Wat is vastgelegd (vastleggingskredieten), in euro.",
      en: "Commitments made, in euro.",
    },
  }),
  vek: amount({
    header: "Uitvoering VEK",
    en: "Payments (VEK)",
    synonyms: [
      "VEK",
      "Vereffeningen",
      "Vereffeningskredieten",
      "Payments",
      "Betalingen",
      "Betaald",
      "Uitbetaald",
    ],
    help: { nl: "Wat is betaald (vereffeningskredieten), in euro.", en: "Payments made, in euro." },
  }),
  ...originColumns,
  // Looked up from Projecten so that plain SUMIFS formulas can total per cluster and speerpunt.
  cluster: col(z.string().nullable(), {
    header: "Cluster (berekend)",
    en: "Cluster (computed)",
    kind: "computed",
    width: 30,
    numFmt: "@",
    help: {
      nl: "Opgezocht in Projecten. Niet invullen.",
      en: "Looked up in Projecten. Do not type here.",
    },
    formula: (r) =>
      `IFERROR(INDEX(${r.column("projects", "cluster")},MATCH(${r.cell("projectCode")},${r.column("projects", "code")},0)),"")`,
  }),
  speerpunt: col(z.string().nullable(), {
    header: "Speerpunt (berekend)",
    en: "Spearhead (computed)",
    kind: "computed",
    width: 30,
    numFmt: "@",
    help: {
      nl: "Opgezocht in Projecten. Niet invullen.",
      en: "Looked up in Projecten. Do not type here.",
    },
    formula: (r) =>
      `IFERROR(INDEX(${r.column("projects", "speerpunt")},MATCH(${r.cell("projectCode")},${r.column("projects", "code")},0)),"")`,
  }),
  envelop: col(z.string().nullable(), {
    header: "Envelop (berekend)",
    en: "Envelope (computed)",
    kind: "computed",
    width: 14,
    numFmt: "@",
    help: {
      nl: "relance voor VV001–VV158 (4,3 miljard), regulier voor VV159–VV180. Niet invullen.",
      en: "relance for VV001–VV158, regulier for VV159–VV180.",
    },
    formula: (r) =>
      `IFERROR(IF(VALUE(MID(${r.cell("projectCode")},3,3))<=158,"relance","regulier"),"")`,
  }),
});

/** The typed records. Computed columns are never read from a sheet: they stay undefined in records. */
export type Project = z.infer<typeof ProjectSchema>;
export type Milestone = z.infer<typeof MilestoneSchema>;
export type Indicator = z.infer<typeof IndicatorSchema>;
export type Financing = z.infer<typeof FinancingSchema>;

export const SHEET_SCHEMAS = {
  projects: ProjectSchema,
  milestones: MilestoneSchema,
  indicators: IndicatorSchema,
  financing: FinancingSchema,
} as const;
export type SheetKey = keyof typeof SHEET_SCHEMAS;
// Keep FormulaRefs' literal sheet keys in step with SHEET_SCHEMAS.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const _sheetKeysInStep: Same<Parameters<FormulaRefs["column"]>[0], SheetKey> = true;
void _sheetKeysInStep;
