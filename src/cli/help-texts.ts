/** The command line's help texts, Dutch and English: commands, arguments, options. */
import type { Lang } from "../core/vocabulary";

const nl = {
  program:
    "Monitoringswerkmappen van Vlaamse Veerkracht: sjabloon, omzetten, valideren, totalen, export, samenvoegen",
  lang: "taal van de uitvoer: nl of en",
  help: "toon de hulp bij deze opdracht",
  helpCommand: "toon de hulp bij een opdracht",
  arg: {
    file: "werkmap.xlsx",
    out: "uit.xlsx",
    in: "in.xlsx",
    date: "JJJJ-MM-DD",
    group: "groep",
    dir: "map",
  },
  csv: "één CSV per tabblad en een datapackage.json (Frictionless) in deze map",
  excel:
    "met --csv: CSV voor Excel in het Nederlands (puntkomma's, decimale komma, kolomkoppen van het sjabloon, Bronbestand), als <tabblad>-excel.csv",
  json: "als JSON op stdout",
  verbose: "zeg per tabblad wat gelezen is en welke rijen weggelaten zijn (en waarom), op stderr",
  force:
    "vervang een bestaand uitvoerbestand (ook een invoerbestand); zonder --force wordt niets overschreven",
  meetmomentSet: "meetmoment om in de werkmap te zetten",
  meetmomentUse: "meetmoment (anders dat van de werkmap)",
  template: "een lege monitoringswerkmap",
  demo: "de werkmap gevuld met de gegevens van juni 2022 (180 projecten), met een samenvatting",
  convert: "een bestaande werkmap omzetten naar het sjabloon, met behoud van alle gegevens",
  validate:
    "controleer werkmappen; exitcode 0 zonder fouten, 1 met fouten, 2 als een bestand niet te lezen is",
  annotate: "schrijf een kopie met gemarkeerde cellen en een tabblad Validatie",
  totals:
    "beleidsruimte, VAK en VEK per groep en in totaal; exitcode 1 als een bedrag niet exact te lezen is, 2 als de nodige kolommen ontbreken",
  by: "groepering",
  export: "de getypeerde records, met berekende velden (realisatiegraad als breuk)",
  merge: "één werkmap uit vele, met een samenvatting per bestand",
  kerncijfers:
    "kerncijfers van een meetmoment (projecten en mijlpalen per status, VAK en VEK van VV001-VV158) en de zinnen voor de Mededeling",
  kerncijfersFiles: "de werkmap(pen) van het meetmoment",
  vorige: "de werkmap(pen) van de vorige meting, om te vergelijken",
  compare:
    "vergelijk twee meetmomenten: projectstatus, VAK en VEK per project, mijlpalen gerealiseerd, vertraagd, verschoven, nieuw of verdwenen",
  previousFile: "de werkmap van de vorige meting",
  currentFile: "de werkmap van deze meting",
  argPrevious: "vorige.xlsx",
  argCurrent: "huidige.xlsx",
  mergeOut: "de samengevoegde werkmap",
  kerncijfersOut:
    "schrijf de kerncijfers ook als werkmap: het tabblad Kerncijfers zoals de invoegtoepassing het maakt, met de zinnen en grafieken",
  compareOut:
    "schrijf de huidige werkmap met het tabblad Vergelijking erbij (elke wijziging met een koppeling naar haar rij)",
  pdf: "druk de werkmap van -o ook af als PDF ernaast (met LibreOffice, als dat geïnstalleerd is)",
};

const en: typeof nl = {
  program:
    "Vlaamse Veerkracht monitoring workbooks: template, convert, validate, totals, export, merge",
  lang: "language of the output: nl or en",
  help: "show the help of this command",
  helpCommand: "show the help of a command",
  arg: {
    file: "file.xlsx",
    out: "out.xlsx",
    in: "in.xlsx",
    date: "YYYY-MM-DD",
    group: "group",
    dir: "dir",
  },
  csv: "one CSV per sheet and a datapackage.json (Frictionless) in this directory",
  excel:
    "with --csv: CSV for Excel in Dutch (semicolons, decimal comma, the template's headers, Bronbestand), as <sheet>-excel.csv",
  json: "as JSON on stdout",
  verbose: "say per sheet what was read and which rows were left out (and why), on stderr",
  force:
    "replace an existing output file (also an input file); without --force nothing is overwritten",
  meetmomentSet: "measurement date to stamp into the workbook",
  meetmomentUse: "measurement date (else the workbook's own)",
  template: "an empty monitoring workbook",
  demo: "the workbook filled with the June 2022 report (180 projects), with a summary",
  convert: "turn an existing workbook into the template, keeping all its data",
  validate:
    "check workbooks; exit code 0 without errors, 1 with errors, 2 when a file cannot be read",
  annotate: "write a copy with marked cells and a Validatie sheet",
  totals:
    "budget, VAK and VEK per group and in total; exit code 1 when an amount cannot be read exactly, 2 when needed columns are missing",
  by: "grouping",
  export: "the typed records, with computed fields (realisatiegraad as a fraction)",
  merge: "one workbook from many, with a summary per file",
  kerncijfers:
    "key figures of a measurement date (projects and milestones per status, VAK and VEK of VV001-VV158) and the sentences for the Mededeling",
  kerncijfersFiles: "the workbook(s) of the measurement date",
  vorige: "the workbook(s) of the previous measurement, to compare",
  compare:
    "compare two measurement dates: project status, VAK and VEK per project, milestones completed, delayed, moved, added or removed",
  previousFile: "the workbook of the previous measurement",
  currentFile: "the workbook of this measurement",
  argPrevious: "previous.xlsx",
  argCurrent: "current.xlsx",
  mergeOut: "the merged workbook",
  kerncijfersOut:
    "also write the key figures as a workbook: the Kerncijfers sheet as the add-in makes it, with the sentences and charts",
  compareOut:
    "write the current workbook with the Vergelijking sheet added (each change linked to its row)",
  pdf: "also print the -o workbook to a PDF beside it (with LibreOffice, when it is installed)",
};

export const HELP: Record<Lang, typeof nl> = { nl, en };
