/** The template's own sheets: the hidden lists the dropdowns point at, and the instructions (from SHEETS). */
import {
  INSTRUCTIONS_SHEET,
  LISTS,
  LISTS_SHEET,
  OVERVIEW_SHEET,
  SHEETS,
  VALIDATION_SHEET,
  KEPT_SHEET,
  KEY_FIGURES_SHEET,
  COMPARISON_SHEET,
} from "../../core/template";
import {
  MILESTONE_STATUSES,
  PROJECT_STATUSES,
  TEMPLATE_VERSION,
  type Lang,
} from "../../core/vocabulary";
import { MEETMOMENT_LABEL, MEETMOMENT_ROW } from "../meetmoment-cell";
import type { BlockPlan, SheetPlan, WriteValue } from "../port";

/** The hidden sheet with every dropdown list, one list per column, its name in row 1. */
export function listsSheet(): SheetPlan {
  const height = Math.max(...LISTS.map((l) => l.values.length));
  const values: WriteValue[][] = [LISTS.map((l) => l.name)];
  for (let i = 0; i < height; i++) values.push(LISTS.map((l) => l.values[i] ?? null));
  return {
    name: LISTS_SHEET,
    mode: "replace",
    hidden: true,
    blocks: [
      { row: 1, column: 0, values: values.slice(0, 1), bold: true },
      { row: 2, column: 0, values: values.slice(1) },
    ],
    columnWidths: LISTS.map(() => 45),
  };
}

const T = {
  nl: {
    title: "Vlaamse Veerkracht: monitoringswerkmap",
    version: (v: string) => `Sjabloonversie ${v}.`,
    meetmomentHelp:
      "Vul naast 'Meetmoment' de datum in waarop deze werkmap rapporteert, als JJJJ-MM-DD (bv. 2022-06-01): achterstallige mijlpalen worden eraan getoetst. Op de opdrachtregel: 'vv-monitor template --meetmoment 2022-06-01 werkmap.xlsx' zet hem hier; 'vv-monitor validate --meetmoment ...' gebruikt voor één controle een andere.",
    sheets: "De tabbladen",
    required: "Verplichte kolommen",
    computed: "Berekende kolommen (niet invullen)",
    own: [
      [
        LISTS_SHEET,
        "Verborgen tabblad met de keuzelijsten van de kolommen met een vervolgkeuzelijst. Niet wijzigen.",
      ],
      [
        OVERVIEW_SHEET,
        "Totalen per speerpunt, cluster en envelop, als formules: ze rekenen mee als een bedrag wijzigt.",
      ],
      [
        VALIDATION_SHEET,
        "Het verslag van de laatste controle: de bevindingen per regel, met een link naar de cel.",
      ],
      [
        KEY_FIGURES_SHEET,
        "De kerncijfers van het meetmoment en de zinnen voor de Mededeling, met grafieken (invoegtoepassing, tabblad Kerncijfers).",
      ],
      [
        COMPARISON_SHEET,
        "Wat veranderde sinds de vorige meting, met een link naar elke rij (invoegtoepassing, Vergelijk met vorige meting).",
      ],
      [
        KEPT_SHEET,
        "Waarden die bij het omzetten van een werkmap geen plaats kregen in het sjabloon: niets gaat verloren.",
      ],
    ],
    howTitle: "Zo vult u de werkmap in",
    how: [
      "Eén rij per project op Projecten en Financiering; één rij per mijlpaal en per outputindicator.",
      "De projectcode (VV001 tot VV180) verbindt de tabbladen.",
      "Kies cluster, speerpunt en statussen uit de vervolgkeuzelijst; de status krijgt de kleur van het rapport.",
      "Bedragen in euro als getal, zonder tekst: 30000000 of 30.000.000,00.",
      "Timing als JJJJ Qn, bijvoorbeeld 2022 Q3.",
      "Realisatiegraad: de gerapporteerde waarde in %. De kolom 'Berekende realisatiegraad' rekent realisatie / streefwaarde zelf uit.",
      "De opmerking op elke kolomkop legt uit wat er in de kolom hoort.",
      "Controleer de werkmap vóór u ze verstuurt: met de knop Valideren van de invoegtoepassing, of met 'npx vv-monitor validate werkmap.xlsx'.",
    ],
    colours: "Kleuren van de projectstatus",
    mcolours: "Kleuren van de mijlpaalstatus",
  },
  en: {
    title: "Vlaamse Veerkracht: monitoring workbook",
    version: (v: string) => `Template version ${v}.`,
    meetmomentHelp:
      "Type beside 'Meetmoment' the date this workbook reports on (the measurement date), as YYYY-MM-DD (e.g. 2022-06-01): overdue milestones are checked against it. On the command line, 'vv-monitor template --meetmoment 2022-06-01 workbook.xlsx' puts it here; 'vv-monitor validate --meetmoment ...' uses another one for one check.",
    sheets: "The sheets",
    required: "Required columns",
    computed: "Computed columns (do not type)",
    own: [
      [LISTS_SHEET, "Hidden sheet with the dropdown lists. Do not change."],
      [OVERVIEW_SHEET, "Totals per spearhead, cluster and envelope, as formulas that recalculate."],
      [
        VALIDATION_SHEET,
        "The last validation report: findings per rule, with a link to each cell.",
      ],
      [
        KEY_FIGURES_SHEET,
        "Key figures of the measurement and the sentences for the Mededeling, with charts.",
      ],
      [COMPARISON_SHEET, "What changed since the previous measurement, with a link to each row."],
      [KEPT_SHEET, "Values that conversion could not place in the template: nothing is lost."],
    ],
    howTitle: "How to fill in the workbook",
    how: [
      "One row per project on Projecten and Financiering; one row per milestone and per output indicator.",
      "The project code (VV001 to VV180) links the sheets.",
      "Choose cluster, spearhead and statuses from the dropdown; the status gets the report's colour.",
      "Amounts in euro as numbers.",
      "Timing as YYYY Qn, e.g. 2022 Q3.",
      "Realisatiegraad: the reported value in %. 'Berekende realisatiegraad' computes realised / target.",
      "The note on each column header explains what goes in the column.",
      "Check the workbook before sending it: the add-in's Validate button, or 'npx vv-monitor validate workbook.xlsx'.",
    ],
    colours: "Project status colours",
    mcolours: "Milestone status colours",
  },
} as const;

/** The fill of a cell the user is asked to type in (Excel's "Input" style). */
const INPUT_FILL = "#FFCC99";

/** An ISO date as a date cell (midnight UTC, as both hosts write dates). */
function isoDate(iso: string): Date {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

/** The instructions sheet, generated from the template spec. */
export function instructionsSheet(
  lang: Lang,
  meetmoment: string | null,
  exists = false
): SheetPlan {
  const t = T[lang];
  const blocks: BlockPlan[] = [];
  let row = 1;
  const line = (values: WriteValue[], extra: Partial<BlockPlan> = {}) =>
    blocks.push({ row: row++, column: 0, values: [values], ...extra });
  line([t.title], { bold: true });
  // The meetmoment's home (src/workbook/meetmoment-cell.ts finds it by its label): the date in column B.
  blocks.push({ row: MEETMOMENT_ROW, column: 0, values: [[MEETMOMENT_LABEL]], bold: true });
  blocks.push({
    row: MEETMOMENT_ROW,
    column: 1,
    values: [[meetmoment ? isoDate(meetmoment) : null]],
    numFmt: "yyyy-mm-dd",
    fill: INPUT_FILL,
  });
  row = MEETMOMENT_ROW + 1;
  line([null, t.meetmomentHelp]);
  line([t.version(TEMPLATE_VERSION)]);
  row++;
  line([t.sheets], { bold: true });
  for (const s of SHEETS) {
    line([s.name, s.help[lang]]);
    const req = s.columns.filter((c) => c.required).map((c) => c.header);
    const comp = s.columns.filter((c) => c.kind === "computed").map((c) => c.header);
    line([null, `${t.required}: ${req.join(", ")}.`]);
    if (comp.length) line([null, `${t.computed}: ${comp.join(", ")}.`]);
  }
  for (const [name, text] of t.own) line([name, text]);
  row++;
  line([t.howTitle], { bold: true });
  for (const h of t.how) line([null, h]);
  row++;
  line([t.colours], { bold: true });
  for (const s of PROJECT_STATUSES)
    blocks.push({
      row: row++,
      column: 1,
      values: [[lang === "nl" ? s.label : `${s.label} (${s.en})`]],
      fill: s.fill,
    });
  row++;
  line([t.mcolours], { bold: true });
  for (const s of MILESTONE_STATUSES)
    blocks.push({
      row: row++,
      column: 1,
      values: [[lang === "nl" ? s.label : `${s.label} (${s.en})`]],
      fill: s.fill,
    });
  return {
    name: INSTRUCTIONS_SHEET,
    mode: "replace",
    position: exists ? undefined : 0,
    blocks,
    columnWidths: [24, 110],
    tabColour: "#1F4E79",
  };
}
