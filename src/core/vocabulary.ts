/**
 * The plan's fixed vocabulary: statuses with their report colours, speerpunten, clusters, origins of
 * funds and budget envelopes. Labels are the report's own (note cluster 04 starts with a digit zero).
 */

export type Lang = "nl" | "en";

export interface StatusDef {
  readonly label: string;
  /** Fill colour as #RRGGBB, as used in the printed report. */
  readonly fill: string;
  /** Font colour that stays readable on the fill. */
  readonly font: string;
  readonly en: string;
}

export const PROJECT_STATUSES = [
  { label: "Nog niet opgestart", fill: "#BFBFBF", font: "#000000", en: "Not started" },
  { label: "Opgestart", fill: "#C6EFCE", font: "#006100", en: "Started" },
  {
    label: "In uitvoering na agendering VR",
    fill: "#00B050",
    font: "#FFFFFF",
    en: "In progress after government decision",
  },
  { label: "Aandacht nodig", fill: "#FFC000", font: "#000000", en: "Needs attention" },
  { label: "Actie nodig", fill: "#FF0000", font: "#FFFFFF", en: "Action needed" },
  { label: "Gerealiseerd", fill: "#FFFF00", font: "#000000", en: "Completed" },
] as const satisfies readonly StatusDef[];

export const MILESTONE_STATUSES = [
  { label: "Nog niet gestart", fill: "#BFBFBF", font: "#000000", en: "Not started" },
  { label: "Op schema", fill: "#00B050", font: "#FFFFFF", en: "On schedule" },
  { label: "Vertraging", fill: "#FFC000", font: "#000000", en: "Delayed" },
  { label: "Uitgesteld", fill: "#9DC3E6", font: "#000000", en: "Postponed" },
  { label: "Stopgezet", fill: "#1F4E79", font: "#FFFFFF", en: "Stopped" },
  { label: "Bijsturen", fill: "#FF0000", font: "#FFFFFF", en: "Must be corrected" },
  { label: "Gerealiseerd", fill: "#FFFF00", font: "#000000", en: "Completed" },
] as const satisfies readonly StatusDef[];

export type ProjectStatus = (typeof PROJECT_STATUSES)[number]["label"];
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number]["label"];

export const PROJECT_STATUS_LABELS = PROJECT_STATUSES.map((s) => s.label) as ProjectStatus[];
export const MILESTONE_STATUS_LABELS = MILESTONE_STATUSES.map((s) => s.label) as MilestoneStatus[];

/** Milestone statuses that mean "work still open": overdue when dated before the meetmoment. */
export const OPEN_MILESTONE_STATUSES: readonly MilestoneStatus[] = [
  "Nog niet gestart",
  "Op schema",
];
/** Milestone statuses that are finished one way or another. */
export const CLOSED_MILESTONE_STATUSES: readonly MilestoneStatus[] = ["Gerealiseerd", "Stopgezet"];

export const SPEERPUNTEN = [
  "01. Economie en samenleving verduurzamen",
  "02. Investeren in infrastructuur",
  "03. Vlaanderen digitaal transformeren",
  "04. Investeren in mensen en talenten",
  "05. Het Vlaamse zorg- en welzijnssysteem versterken",
  "06. De coronacrisis beheren en Brexit",
  "07. De overheid efficiënter maken",
] as const;
export type Speerpunt = (typeof SPEERPUNTEN)[number];

/** Every cluster with the speerpunt it belongs to; cluster 35 spans all speerpunten (null). */
export const CLUSTERS: readonly { readonly label: string; readonly speerpunt: Speerpunt | null }[] =
  [
    {
      label: "01. Renovatie gebouwenpatrimonium (energetisch & asbestverwijdering)",
      speerpunt: SPEERPUNTEN[0],
    },
    { label: "02. Fietsinfrastructuur", speerpunt: SPEERPUNTEN[1] },
    { label: "03. Digitale versnelling leerplichtonderwijs", speerpunt: SPEERPUNTEN[3] },
    { label: "04. 0pleidings- en loopbaanoffensief", speerpunt: SPEERPUNTEN[3] },
    { label: "05. Versterking O&O", speerpunt: SPEERPUNTEN[0] },
    { label: "06. Blue deal", speerpunt: SPEERPUNTEN[0] },
    { label: "07. Investeringen in verkeersveilige wegen", speerpunt: SPEERPUNTEN[1] },
    { label: "08. Modal shift naar water", speerpunt: SPEERPUNTEN[1] },
    { label: "09. Welzijnsinfrastructuur", speerpunt: SPEERPUNTEN[4] },
    { label: "10. Waterstofonderzoek", speerpunt: SPEERPUNTEN[0] },
    { label: "11. Vergroening weginfrastructuur", speerpunt: SPEERPUNTEN[0] },
    { label: "12. Iedereen lokaal digitaal", speerpunt: SPEERPUNTEN[2] },
    { label: "13. Digitalisering Vlaamse overheid", speerpunt: SPEERPUNTEN[2] },
    { label: "14. Culturele infrastructuur", speerpunt: SPEERPUNTEN[1] },
    { label: "15. Investeringen onroerend erfgoed", speerpunt: SPEERPUNTEN[1] },
    { label: "16. Verbetering en verduurzaming ruimtelijke ordening", speerpunt: SPEERPUNTEN[0] },
    { label: "17. Vergroening openbaar vervoer (De Lijn)", speerpunt: SPEERPUNTEN[0] },
    { label: "18. Brexit", speerpunt: SPEERPUNTEN[5] },
    { label: "19. Congres-, beurs- en toeristische infrastructuur", speerpunt: SPEERPUNTEN[1] },
    { label: "20. Voorsprongfonds Hoger Onderwijs", speerpunt: SPEERPUNTEN[3] },
    { label: "21. Digitalisering zorgbeleid", speerpunt: SPEERPUNTEN[2] },
    { label: "22. Investeren in personen met een handicap", speerpunt: SPEERPUNTEN[4] },
    { label: "23. Sportinfrastructuur", speerpunt: SPEERPUNTEN[1] },
    { label: "24. Uitbouwen circulaire economie", speerpunt: SPEERPUNTEN[0] },
    { label: "25. Investeringen groene warmte", speerpunt: SPEERPUNTEN[0] },
    { label: "26. Digibanken", speerpunt: SPEERPUNTEN[2] },
    { label: "27. Digitale vaardigheden", speerpunt: SPEERPUNTEN[2] },
    { label: "28. Digitalisering Vlaamse media- en cultuursector", speerpunt: SPEERPUNTEN[2] },
    { label: "29. Versterken mentaal welzijn", speerpunt: SPEERPUNTEN[4] },
    { label: "30. Armoedebestrijding en wijkverbetering", speerpunt: SPEERPUNTEN[4] },
    { label: "31. Investeringen audiovisuele sector", speerpunt: SPEERPUNTEN[5] },
    { label: "32. Jeugdinfrastructuur", speerpunt: SPEERPUNTEN[1] },
    { label: "33. Gemeenschapsinfrastructuur in Brussel", speerpunt: SPEERPUNTEN[1] },
    { label: "34. Spending reviews", speerpunt: SPEERPUNTEN[6] },
    { label: "35. Extra relanceprojecten", speerpunt: null },
  ];
export const CLUSTER_LABELS: readonly string[] = CLUSTERS.map((c) => c.label);

const clusterSpeerpunt = new Map(CLUSTERS.map((c) => [c.label, c.speerpunt]));
/** True when the plan has this cluster under this speerpunt. */
export function isValidClusterSpeerpunt(cluster: string, speerpunt: string): boolean {
  if (!clusterSpeerpunt.has(cluster)) return false;
  const sp = clusterSpeerpunt.get(cluster);
  return sp === null ? (SPEERPUNTEN as readonly string[]).includes(speerpunt) : sp === speerpunt;
}
export function speerpuntOfCluster(cluster: string): Speerpunt | null | undefined {
  return clusterSpeerpunt.get(cluster);
}

/** Origin-of-funds categories, in report order; `europees` marks the "Europese middelen". */
export const ORIGINS = [
  { key: "europeesHerstelfonds", label: "Europees Herstelfonds", europees: true },
  { key: "brexitFonds", label: "Brexit-fonds", europees: true },
  { key: "reactEu", label: "React EU", europees: true },
  { key: "vlaamseRelancemiddelen", label: "Vlaamse relancemiddelen", europees: false },
  { key: "regulierVlaams", label: "Reguliere Vlaamse middelen", europees: false },
] as const;
export type OriginKey = (typeof ORIGINS)[number]["key"];

/** The one-off recovery budget that VV001–VV158 are paid from. */
export const RECOVERY_BUDGET_EUR = 4_300_000_000;
/** Highest project number paid from the recovery budget; VV159–VV180 use regular budgets. */
export const LAST_RECOVERY_PROJECT = 158;
export const LAST_PROJECT = 180;

export const ENVELOPES = [
  {
    key: "relance",
    label: "VV001–VV158 (relancebudget 4,3 miljard)",
    en: "VV001–VV158 (4.3 billion recovery budget)",
  },
  {
    key: "regulier",
    label: "VV159–VV180 (reguliere begroting)",
    en: "VV159–VV180 (regular budgets)",
  },
] as const;
export type EnvelopeKey = (typeof ENVELOPES)[number]["key"];

/** The envelope of a project code such as "VV012"; undefined for a malformed code. */
export function envelopeOf(code: string): EnvelopeKey | undefined {
  const m = /^VV(\d{3})$/.exec(code);
  if (!m) return undefined;
  const n = Number(m[1]);
  if (n < 1 || n > LAST_PROJECT) return undefined;
  return n <= LAST_RECOVERY_PROJECT ? "relance" : "regulier";
}

/** The plan runs from 2020 to 2030: timings outside these years are suspicious. */
export const PLAN_FIRST_YEAR = 2020;
export const PLAN_LAST_YEAR = 2030;

/** Version of the template layout; stamped into every workbook. */
export const TEMPLATE_VERSION = "1.0";
