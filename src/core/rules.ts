/**
 * The rule catalogue: every check validation makes, with its code, severity, a title and a message in
 * Dutch and English. Messages speak to a spreadsheet user: what is wrong, what to type instead.
 * docs/rules.md is generated from this list (npm run docs:rules) and a test keeps them in step.
 */
import type { Severity } from "./findings";
import type { Lang } from "./vocabulary";

/** Message parameters: column header, value as shown, and rule-specific figures. */
export interface MsgParams {
  column?: string;
  value?: unknown;
  sheet?: string;
  [k: string]: unknown;
}

export interface RuleDef {
  code: string;
  severity: Severity;
  /** What the rule checks, for the catalogue. */
  title: { nl: string; en: string };
  message: { nl: (p: MsgParams) => string; en: (p: MsgParams) => string };
}

const v = (x: unknown) => (x === null || x === undefined || x === "" ? "(leeg)" : `'${String(x)}'`);
const ve = (x: unknown) =>
  x === null || x === undefined || x === "" ? "(empty)" : `'${String(x)}'`;
// Formatters made once: toLocaleString builds a new one per call, which dominates when findings are many.
const NUMBER_FORMAT = {
  nl: new Intl.NumberFormat("nl-BE", { maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 }),
};
const eur = (n: unknown, lang: Lang) =>
  typeof n === "number" ? NUMBER_FORMAT[lang].format(n) + " EUR" : String(n);
/** A value in a message: numbers in the language's notation, text quoted. */
const shown = (x: unknown, lang: Lang) =>
  typeof x === "number" ? NUMBER_FORMAT[lang].format(x) : lang === "nl" ? v(x) : ve(x);
const pct = (n: unknown, lang: Lang) =>
  typeof n === "number" ? NUMBER_FORMAT[lang].format(n * 100) + " %" : String(n);

function rule(
  code: string,
  severity: Severity,
  title: RuleDef["title"],
  nl: RuleDef["message"]["nl"],
  en: RuleDef["message"]["en"]
): RuleDef {
  return { code, severity, title, message: { nl, en } };
}

export const RULES = [
  // Structure
  rule(
    "sheet-missing",
    "error",
    { nl: "Een tabblad van het sjabloon ontbreekt", en: "A template sheet is missing" },
    (p) =>
      `Het tabblad '${p.sheet}' ontbreekt. Maak het sjabloon aan of zet de gegevens op een tabblad met die naam.`,
    (p) =>
      `The sheet '${p.sheet}' is missing. Create the template or put the data on a sheet with that name.`
  ),
  rule(
    "column-missing",
    "error",
    { nl: "Een verplichte kolom ontbreekt", en: "A required column is missing" },
    (p) =>
      `De kolom '${p.column}' ontbreekt op '${p.sheet}'. Voeg een kolom toe met precies die kop.`,
    (p) =>
      `The column '${p.column}' is missing on '${p.sheet}'. Add a column with exactly that header.`
  ),
  // Cells
  rule(
    "required",
    "error",
    { nl: "Verplicht veld is leeg", en: "Required field is empty" },
    (p) => `'${p.column}' is verplicht maar leeg. Vul een waarde in.`,
    (p) => `'${p.column}' is required but empty. Fill in a value.`
  ),
  rule(
    "cell-error",
    "error",
    { nl: "De cel bevat een foutwaarde", en: "The cell holds an error value" },
    (p) =>
      `'${p.column}' bevat de foutwaarde ${p.value}. Typ de waarde zelf in plaats van een formule die een fout geeft.`,
    (p) =>
      `'${p.column}' holds the error ${p.value}. Type the value instead of a formula that fails.`
  ),
  rule(
    "code-format",
    "error",
    { nl: "Projectcode niet in de vorm VV001", en: "Project code not like VV001" },
    (p) => `${v(p.value)} is geen projectcode. Typ VV gevolgd door drie cijfers, bv. VV012.`,
    (p) => `${ve(p.value)} is not a project code. Type VV and three digits, e.g. VV012.`
  ),
  rule(
    "code-range",
    "error",
    { nl: "Projectcode buiten VV001–VV180", en: "Project code outside VV001–VV180" },
    (p) => `${v(p.value)} bestaat niet in het plan: de codes lopen van VV001 tot VV180.`,
    (p) => `${ve(p.value)} is not in the plan: codes run from VV001 to VV180.`
  ),
  rule(
    "type-amount",
    "error",
    { nl: "Bedrag is geen getal", en: "Amount is not a number" },
    (p) =>
      `'${p.column}' moet een bedrag in euro zijn, maar bevat ${v(p.value)}. Typ enkel het getal, bv. 1650000 of 1.650.000.`,
    (p) =>
      `'${p.column}' must be an amount in euro but holds ${ve(p.value)}. Type the number only, e.g. 1650000.`
  ),
  rule(
    "amount-negative",
    "error",
    { nl: "Negatief bedrag", en: "Negative amount" },
    (p) =>
      `'${p.column}' is negatief (${eur(p.value, "nl")}). Bedragen zijn nooit negatief: typ het bedrag zonder minteken.`,
    (p) => `'${p.column}' is negative (${eur(p.value, "en")}). Amounts are never negative.`
  ),
  rule(
    "type-percent",
    "error",
    { nl: "Percentage is geen getal", en: "Percentage is not a number" },
    (p) => `'${p.column}' moet een percentage zijn, maar bevat ${v(p.value)}. Typ bv. 7,2 %.`,
    (p) => `'${p.column}' must be a percentage but holds ${ve(p.value)}. Type e.g. 7.2 %.`
  ),
  rule(
    "percent-range",
    "warning",
    { nl: "Onwaarschijnlijk percentage", en: "Unlikely percentage" },
    (p) =>
      `'${p.column}' is ${pct(p.value, "nl")}. Klopt dat? Een realisatiegraad ligt meestal tussen 0 % en 1000 %; typ het %-teken mee (7,2 %).`,
    (p) => `'${p.column}' is ${pct(p.value, "en")}. Is that right? Type the % sign (7.2 %).`
  ),
  rule(
    "number-as-text",
    "warning",
    { nl: "Getal als tekst getypt", en: "Number typed as text" },
    (p) =>
      `'${p.column}' bevat het getal ${v(p.value)} als tekst; formules zoals SOM tellen het niet mee. Typ het als getal (${p.parsed}).`,
    (p) =>
      `'${p.column}' holds the number ${ve(p.value)} as text; formulas such as SUM skip it. Type it as a number (${p.parsed}).`
  ),
  rule(
    "number-ambiguous",
    "warning",
    { nl: "Dubbelzinnig getal", en: "Ambiguous number" },
    (p) =>
      `${v(p.value)} in '${p.column}' is gelezen als ${p.parsed} (Nederlandse schrijfwijze), maar kan ook ${p.other} bedoelen. Typ het getal zonder scheidingsteken om twijfel te vermijden.`,
    (p) =>
      `${ve(p.value)} in '${p.column}' was read as ${p.parsed} (Dutch notation) but may mean ${p.other}. Type the number without separators.`
  ),
  rule(
    "enum-value",
    "error",
    { nl: "Waarde niet in de lijst", en: "Value not in the list" },
    (p) =>
      `${v(p.value)} is geen geldige waarde voor '${p.column}'. Kies uit de lijst, bv. ${v(p.example)}.`,
    (p) =>
      `${ve(p.value)} is not a valid value for '${p.column}'. Choose from the list, e.g. ${ve(p.example)}.`
  ),
  rule(
    "list-spelling",
    "warning",
    { nl: "Lijstwaarde anders geschreven", en: "List value spelled differently" },
    (p) =>
      p.zero
        ? `${v(p.value)} in '${p.column}' is gelezen als '${p.parsed}': het plan schrijft dit label met het cijfer 0 in plaats van de letter O. Kies het uit de lijst, dan vinden ook filters en formules het.`
        : `${v(p.value)} in '${p.column}' is gelezen als '${p.parsed}'. Schrijf het precies zoals in de lijst, anders tellen filters en totalen het niet mee.`,
    (p) =>
      p.zero
        ? `${ve(p.value)} in '${p.column}' was read as '${p.parsed}': the plan writes this label with the digit 0 instead of the letter O. Choose it from the list so that filters and formulas find it too.`
        : `${ve(p.value)} in '${p.column}' was read as '${p.parsed}'. Spell it exactly as in the list.`
  ),
  rule(
    "timing-format",
    "error",
    { nl: "Timing is geen kwartaal", en: "Timing is not a quarter" },
    (p) =>
      `${v(p.value)} in '${p.column}' is geen kwartaal. Typ het jaar en het kwartaal als JJJJ Qn, bv. 2022 Q1.`,
    (p) =>
      `${ve(p.value)} in '${p.column}' is not a quarter. Type year and quarter as YYYY Qn, e.g. 2022 Q1.`
  ),
  rule(
    "timing-variant",
    "warning",
    { nl: "Kwartaal anders geschreven", en: "Quarter written differently" },
    (p) =>
      `${v(p.value)} in '${p.column}' is gelezen als ${p.parsed}. Schrijf het kwartaal als ${p.parsed}.`,
    (p) =>
      `${ve(p.value)} in '${p.column}' was read as ${p.parsed}. Write the quarter as ${p.parsed}.`
  ),
  rule(
    "timing-range",
    "warning",
    { nl: "Timing buiten de looptijd van het plan", en: "Timing outside the plan's years" },
    (p) => `${v(p.value)} ligt buiten de looptijd van het plan (2020–2030). Controleer het jaar.`,
    (p) => `${ve(p.value)} is outside the plan's years (2020–2030). Check the year.`
  ),
  // Reading: where a table ends, total rows, formulas
  rule(
    "total-mismatch",
    "error",
    {
      nl: "Totaalrij klopt niet met de rijen erboven",
      en: "Total row disagrees with the rows above",
    },
    (p) =>
      `De totaalrij geeft ${eur(p.value, "nl")} voor '${p.column}', maar de rijen ${p.previous ? "sinds de vorige totaalrij" : "erboven"} tellen op tot ${eur(p.sum, "nl")} (verschil ${eur(p.diff, "nl")}). vv-monitor telt de rijen zelf en laat de totaalrij weg: kijk na of er een rij ontbreekt, te veel is of een bedrag als tekst getypt is.`,
    (p) =>
      `The total row gives ${eur(p.value, "en")} for '${p.column}', but the rows ${p.previous ? "since the previous total row" : "above"} add up to ${eur(p.sum, "en")} (difference ${eur(p.diff, "en")}). vv-monitor adds the rows itself and leaves the total row out: check for a missing or extra row, or an amount typed as text.`
  ),
  rule(
    "row-left-out",
    "warning",
    { nl: "Getal in een rij die niet meetelt", en: "Number in a row that does not count" },
    (p) =>
      `'${p.text}' is een tussenkop of voetnoot, geen project: ${eur(p.value, "nl")} in '${p.column}' telt niet mee. Hoort hier een project, typ dan zijn projectcode in de rij.`,
    (p) =>
      `'${p.text}' is a heading or footnote, not a project: ${eur(p.value, "en")} in '${p.column}' is not counted. If this is a project, type its project code in the row.`
  ),
  rule(
    "amount-scaled",
    "error",
    {
      nl: "Bedragen in duizend of miljoen euro",
      en: "Amounts in thousands or millions of euro",
    },
    (p) =>
      `De kolom ${v(p.value)} staat niet in euro maar in duizend of miljoen euro: vv-monitor leest ze niet als '${p.column}'. Zet de bedragen om naar euro in een kolom '${p.column}'.`,
    (p) =>
      `The column ${ve(p.value)} is not in euro but in thousands or millions: vv-monitor does not read it as '${p.column}'. Convert the amounts to euro in a column '${p.column}'.`
  ),
  rule(
    "formula-uncomputed",
    "error",
    { nl: "Formule zonder opgeslagen resultaat", en: "Formula without a stored result" },
    (p) =>
      `De formule =${p.formula} in '${p.column}' heeft geen opgeslagen resultaat en vv-monitor kan ze niet uitrekenen${p.fn ? ` (de functie ${p.fn} rekent vv-monitor niet uit)` : ""}. Open de werkmap in Excel of LibreOffice en bewaar ze opnieuw, of typ de waarde zelf.`,
    (p) =>
      `The formula =${p.formula} in '${p.column}' has no stored result and vv-monitor cannot compute it${p.fn ? ` (vv-monitor does not compute ${p.fn})` : ""}. Open the workbook in Excel or LibreOffice and save it again, or type the value.`
  ),
  // Across files
  rule(
    "overlap-identical",
    "warning",
    {
      nl: "Project identiek in meer dan één bestand",
      en: "Project identical in more than one file",
    },
    (p) => `${p.value} staat identiek in ${p.files}: het telt één keer mee.`,
    (p) => `${p.value} is identical in ${p.files}: it counts once.`
  ),
  rule(
    "overlap-conflict",
    "error",
    {
      nl: "Project in meer dan één bestand, met andere gegevens",
      en: "Project in more than one file, with different data",
    },
    (p) =>
      `${p.value} staat in ${p.first} (${p.firstCell}: ${shown(p.firstValue, "nl")}) en in ${p.second} (${p.secondCell}: ${shown(p.secondValue, "nl")}) met andere gegevens. Beslis welk bestand klopt en haal het project uit het andere; tot dan telt vv-monitor enkel ${p.first}.`,
    (p) =>
      `${p.value} is in ${p.first} (${p.firstCell}: ${shown(p.firstValue, "en")}) and in ${p.second} (${p.secondCell}: ${shown(p.secondValue, "en")}) with different data. Decide which file is right and remove the project from the other; until then vv-monitor counts ${p.first} only.`
  ),
  // Across rows and sheets
  rule(
    "code-duplicate",
    "error",
    { nl: "Projectcode komt twee keer voor", en: "Duplicate project code" },
    (p) =>
      `${p.value} staat al op rij ${p.firstRow} van '${p.sheet}'. Elk project staat er één keer: voeg de rijen samen of verbeter de code.`,
    (p) => `${p.value} is already on row ${p.firstRow} of '${p.sheet}'. Each project appears once.`
  ),
  rule(
    "project-unknown",
    "error",
    { nl: "Verwijst naar een onbekend project", en: "Refers to an unknown project" },
    (p) =>
      `${p.value} staat niet op het tabblad 'Projecten'. Voeg het project toe of verbeter de code.`,
    (p) => `${p.value} is not on the 'Projecten' sheet. Add the project or correct the code.`
  ),
  rule(
    "financing-duplicate",
    "error",
    { nl: "Meer dan één financieringsrij voor een project", en: "More than one financing row" },
    (p) =>
      `${p.value} heeft al een financieringsrij op rij ${p.firstRow}. Eén rij per project: tel de bedragen samen op één rij.`,
    (p) => `${p.value} already has a financing row on row ${p.firstRow}. One row per project.`
  ),
  rule(
    "financing-missing",
    "warning",
    { nl: "Project zonder financieringsrij", en: "Project without a financing row" },
    (p) =>
      `${p.value} heeft geen rij op 'Financiering'. Voeg een rij toe met de beleidsruimte, VAK en VEK.`,
    (p) => `${p.value} has no row on 'Financiering'. Add one with budget, VAK and VEK.`
  ),
  rule(
    "cluster-speerpunt",
    "error",
    { nl: "Cluster hoort niet bij dit speerpunt", en: "Cluster does not belong to this spearhead" },
    (p) =>
      `Cluster '${p.cluster}' hoort in het plan bij speerpunt '${p.expected}', niet bij ${v(p.value)}. Kies het juiste speerpunt.`,
    (p) => `Cluster '${p.cluster}' belongs to spearhead '${p.expected}', not ${ve(p.value)}.`
  ),
  rule(
    "koppeling-unknown",
    "warning",
    { nl: "Koppeling naar een onbekend project", en: "Link to an unknown project" },
    (p) =>
      `De koppeling verwijst naar ${p.code}, dat niet op 'Projecten' staat. Controleer de code.`,
    (p) => `The link refers to ${p.code}, which is not on 'Projecten'.`
  ),
  // Financial coherence
  rule(
    "vek-above-vak",
    "error",
    { nl: "VEK hoger dan VAK", en: "Payments above commitments" },
    (p) =>
      `Uitvoering VEK (${eur(p.value, "nl")}) is hoger dan uitvoering VAK (${eur(p.vak, "nl")}): er kan niet meer betaald zijn dan vastgelegd. Controleer beide bedragen.`,
    (p) =>
      `Payments (${eur(p.value, "en")}) exceed commitments (${eur(p.vak, "en")}). Check both amounts.`
  ),
  rule(
    "vak-above-budget",
    "warning",
    { nl: "VAK hoger dan de beleidsruimte", en: "Commitments above the budget" },
    (p) =>
      `Uitvoering VAK (${eur(p.value, "nl")}) is hoger dan de beleidsruimte (${eur(p.budget, "nl")}). Pas de beleidsruimte (update) aan of verbeter het bedrag.`,
    (p) => `Commitments (${eur(p.value, "en")}) exceed the budget (${eur(p.budget, "en")}).`
  ),
  rule(
    "spending-zero-budget",
    "warning",
    { nl: "Uitgaven tegenover een beleidsruimte van 0", en: "Spending against a budget of 0" },
    (p) =>
      `Er is ${eur(p.value, "nl")} vastgelegd of betaald, maar de beleidsruimte is 0. Vul de beleidsruimte (update) in.`,
    (p) =>
      `${eur(p.value, "en")} was committed or paid against a budget of 0. Fill in the (revised) budget.`
  ),
  rule(
    "origins-sum",
    "warning",
    { nl: "Oorsprong van de middelen telt niet op", en: "Origin of funds does not add up" },
    (p) =>
      `De oorsprong van de middelen telt op tot ${eur(p.value, "nl")}, de beleidsruimte is ${eur(p.budget, "nl")} (verschil ${eur(p.diff, "nl")}). Verdeel de beleidsruimte over de bronnen.`,
    (p) =>
      `The origins of funds add up to ${eur(p.value, "en")}, the budget is ${eur(p.budget, "en")} (difference ${eur(p.diff, "en")}).`
  ),
  // Time
  rule(
    "meetmoment-missing",
    "warning",
    { nl: "Geen meetmoment", en: "No measurement date" },
    () =>
      `De werkmap heeft geen meetmoment, dus achterstallige mijlpalen zijn niet gecontroleerd. Stel het meetmoment in (bv. 2022-06-01).`,
    () =>
      `The workbook has no measurement date, so overdue milestones were not checked. Set it (e.g. 2022-06-01).`
  ),
  rule(
    "milestone-overdue",
    "warning",
    { nl: "Mijlpaal over tijd", en: "Milestone overdue" },
    (p) =>
      `De mijlpaal was gepland voor ${p.timing} (vóór het meetmoment ${p.meetmoment}) maar staat nog op '${p.value}'. Zet de status op Gerealiseerd, Vertraging, Uitgesteld, Bijsturen of Stopgezet.`,
    (p) =>
      `The milestone was due ${p.timing} (before ${p.meetmoment}) but is still '${p.value}'. Update its status.`
  ),
  rule(
    "realised-open-milestones",
    "warning",
    { nl: "Gerealiseerd project met open mijlpalen", en: "Completed project with open milestones" },
    (p) =>
      `Het project staat op Gerealiseerd, maar ${p.open} mijlpa${p.open === 1 ? "al is" : "len zijn"} nog niet gerealiseerd of stopgezet (bv. rij ${p.exampleRow} op 'Mijlpalen'). Werk de mijlpalen of de projectstatus bij.`,
    (p) =>
      `The project is Completed but ${p.open} milestone(s) are not completed or stopped (e.g. row ${p.exampleRow} on 'Mijlpalen').`
  ),
  // Indicators
  rule(
    "target-not-number",
    "warning",
    { nl: "Streefwaarde is geen getal", en: "Target is not a number" },
    (p) =>
      `De streefwaarde ${v(p.value)} is geen getal, dus de realisatiegraad kan niet berekend worden. Typ een getal en zet de uitleg in 'Streefwaarde (toelichting)'.`,
    (p) => `The target ${ve(p.value)} is not a number, so no degree of realisation can be computed.`
  ),
  rule(
    "target-zero",
    "warning",
    { nl: "Streefwaarde 0", en: "Target of 0" },
    () =>
      `De streefwaarde is 0: de realisatiegraad kan niet berekend worden (deling door nul). Typ de echte streefwaarde.`,
    () => `The target is 0: no degree of realisation can be computed (division by zero).`
  ),
  rule(
    "realisatiegraad-mismatch",
    "warning",
    {
      nl: "Realisatiegraad wijkt af van de berekende",
      en: "Degree of realisation differs from computed",
    },
    (p) =>
      `De realisatiegraad ${pct(p.value, "nl")} wijkt af van realisatie/streefwaarde = ${pct(p.computed, "nl")}. Typ ${pct(p.expected, "nl")} of laat de cel leeg.`,
    (p) =>
      `The degree of realisation ${pct(p.value, "en")} differs from realised/target = ${pct(p.computed, "en")}. Type ${pct(p.expected, "en")} or leave it empty.`
  ),
  rule(
    "realisatiegraad-without-realisatie",
    "warning",
    { nl: "Realisatiegraad zonder realisatie", en: "Degree of realisation without realised value" },
    (p) =>
      `Er is een realisatiegraad (${pct(p.value, "nl")}) maar geen realisatie. Vul de gerealiseerde waarde in.`,
    (p) => `There is a degree of realisation (${pct(p.value, "en")}) but no realised value.`
  ),
] as const satisfies readonly RuleDef[];

export type RuleCode = (typeof RULES)[number]["code"];
export const RULE_BY_CODE: Readonly<Record<RuleCode, RuleDef>> = Object.fromEntries(
  RULES.map((r) => [r.code, r])
) as Record<RuleCode, RuleDef>;
