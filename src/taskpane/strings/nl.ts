/** Every text of the task pane, in Dutch (the default). en.ts has the same keys. */
import { plural } from "../../core/key-figures-phrases";

/** A count as Dutch readers write it: 1.453. */
const num = (n: number) => n.toLocaleString("nl-BE");
export const nl = {
  lang: "nl",
  appTitle: "Vlaamse Veerkracht",
  appSubtitle: "Monitoring van het relanceplan",
  tabs: {
    start: "Start",
    validate: "Valideren",
    overview: "Overzicht",
    keyFigures: "Kerncijfers",
    settings: "Instellingen",
  },
  status: {
    heading: "Deze werkmap",
    checking: "De werkmap wordt gelezen…",
    template: (v: string) => `Monitoringssjabloon, versie ${v}`,
    outdated: (v: string, want: string) =>
      `Monitoringssjabloon versie ${v}; de invoegtoepassing gebruikt versie ${want}`,
    convertible: "Bevat gegevens die nog niet in het sjabloon staan",
    empty: "Nog geen monitoringssjabloon",
    meetmoment: (m: string | null) => (m ? `Meetmoment: ${m}` : "Meetmoment: nog niet ingesteld"),
    next: "Wat nu?",
    nextTemplate: "Vul de tabbladen in en valideer de werkmap voor u ze verstuurt.",
    nextConvertible:
      "Zet de werkmap om naar het sjabloon. U ziet eerst welke kolom waar terechtkomt; er gaat geen waarde verloren.",
    nextEmpty:
      "Maak het sjabloon aan: vier tabellen met keuzelijsten, formaten en uitleg op elke kolomkop.",
    nextOutdated: "Zet de werkmap om naar de nieuwe versie van het sjabloon.",
    refresh: "Opnieuw lezen",
    /** Said after reading the workbook (again). */
    read: (what: string, next: string) => `${what}. ${next}`.trim(),
  },
  convert: {
    create: "Sjabloon aanmaken",
    convert: "Omzetten naar sjabloon",
    preview: "Voorbeeld bekijken",
    previewTitle: "Zo wordt de werkmap omgezet",
    previewIntro: "Er is nog niets gewijzigd. Controleer de kolommen en bevestig.",
    confirm: "Bevestigen en uitvoeren",
    cancel: "Annuleren",
    sheet: "Tabblad",
    from: "Kolom in de werkmap",
    to: "Kolom in het sjabloon",
    how: "Hoe herkend",
    howText: {
      exact: "zelfde kop",
      folded: "kop (hoofdletters/spaties)",
      synonym: "synoniem",
      extra: "extra kolom, blijft behouden",
      added: "nieuw, leeg",
    } as Record<string, string>,
    action: {
      unchanged: "al in orde",
      converted: "omgezet",
      moved: "verplaatst",
      kept: "blijft zoals het is",
      created: "nieuw",
    } as Record<string, string>,
    newSheet: (columns: string[]) =>
      `Nieuw tabblad met ${num(columns.length)} ${plural(columns.length, "kolom", "kolommen")}: ${columns.join(", ")}.`,
    rows: (n: number) => `${num(n)} ${plural(n, "rij", "rijen")}`,
    kept: (n: number) =>
      `${num(n)} ${plural(n, "waarde zonder plaats in het sjabloon gaat", "waarden zonder plaats in het sjabloon gaan")} naar het tabblad 'Bewaard'.`,
    isTemplate:
      "Deze werkmap is al het monitoringssjabloon: er is niets om te zetten. Vul de tabbladen in en valideer ze op het tabblad Valideren.",
    /** Said when the preview shows. */
    previewReady: (sheets: number) =>
      `Zo wordt de werkmap omgezet: ${num(sheets)} ${plural(sheets, "tabblad", "tabbladen")}. Er is nog niets gewijzigd.`,
    done: "Het sjabloon staat klaar.",
    doneDetail: (created: number, kept: number) =>
      `${num(created)} ${plural(created, "tabblad", "tabbladen")} aangemaakt, ${num(kept)} ${plural(kept, "bestaand tabblad", "bestaande tabbladen")} behouden of omgezet.`,
    working: "Het sjabloon wordt geschreven…",
  },
  validate: {
    run: "Valideren",
    annotate: "Cellen markeren en het tabblad Validatie schrijven",
    working: "De werkmap wordt gecontroleerd…",
    none: "Nog niet gevalideerd.",
    ok: "Geen fouten of waarschuwingen gevonden.",
    summary: (e: number, w: number) =>
      `${num(e)} ${plural(e, "fout", "fouten")}, ${num(w)} ${plural(w, "waarschuwing", "waarschuwingen")}`,
    /** Said when live validation finds other counts than before. */
    liveSummary: (e: number, w: number) =>
      `Live validatie: ${num(e)} ${plural(e, "fout", "fouten")}, ${num(w)} ${plural(w, "waarschuwing", "waarschuwingen")}.`,
    count: (n: number) => num(n),
    list: "Meldingen per regel; pijltjestoetsen om te bewegen",
    selecting: (where: string) => `${where} wordt geselecteerd…`,
    selected: (where: string) => `Cel ${where} is geselecteerd in Excel.`,
    filter: "Toon",
    all: "Alles",
    errors: "Fouten",
    warnings: "Waarschuwingen",
    error: "fout",
    warning: "waarschuwing",
    more: (n: number) => `en nog ${num(n)}: zie het tabblad Validatie.`,
    goTo: (where: string) => `Ga naar ${where}`,
    live: "Live valideren na wijzigingen",
    liveOn: "Live validatie staat aan: na elke wijziging of plakactie wordt opnieuw gecontroleerd.",
    /** Sheets the add-in could not mark (their findings are in the list all the same). */
    protectedSheets: (sheets: string[]) =>
      `Cellen op ${sheets.join(", ")} niet gemarkeerd: ${sheets.length === 1 ? "het blad is" : "de bladen zijn"} beveiligd. De meldingen staan hieronder.`,
    /** A user's own sheet moved out of the way of the add-in's sheet of the same name, whole. */
    renamedSheet: (from: string, to: string) =>
      `Uw eigen blad ${from} heet nu ${to}: de invoegtoepassing schrijft haar eigen blad ${from}. Er ging niets verloren.`,
    meetmoment: (m: string | null) =>
      m
        ? `Gecontroleerd tegen meetmoment ${m}.`
        : "Zonder meetmoment: achterstallige mijlpalen worden niet gecontroleerd.",
  },
  overview: {
    title: "Overzicht van de totalen",
    intro:
      "Beleidsruimte, VAK en VEK per speerpunt, cluster en envelop, met grafieken in de statuskleuren.",
    mode: "Formules",
    functions: "Met de functies van de invoegtoepassing (VV.VAK, …)",
    formulas: "Met gewone Excel-formules (werkt ook zonder invoegtoepassing)",
    build: "Overzicht maken of vernieuwen",
    working: "Het overzicht wordt gemaakt…",
    done: "Het tabblad Overzicht is bijgewerkt.",
  },
  keyFigures: {
    title: "Kerncijfers en vergelijking",
    intro:
      "De cijfers en zinnen voor de Mededeling aan de Vlaamse Regering: projecten en mijlpalen per status, VAK en VEK van VV001–VV158 tegenover hun beleidsruimte.",
    build: "Kerncijfers maken of vernieuwen",
    working: "De kerncijfers worden berekend…",
    done: "Het tabblad Kerncijfers is bijgewerkt.",
    previous: "Vorige meting (werkmap .xlsx)",
    previousHint:
      "Kies de werkmap van de vorige meting: ze wordt hier gelezen, niet gewijzigd en niet verstuurd.",
    reading: "De vorige werkmap wordt gelezen…",
    loaded: (name: string, m: string | null) =>
      `Vorige meting: ${name}${m ? ` (meetmoment ${m})` : ""}.`,
    compare: "Vergelijk met vorige meting",
    comparing: "De werkmappen worden vergeleken…",
    compared: "Het tabblad Vergelijking is bijgewerkt.",
    clear: "Vorige meting wissen",
    sentences: "Tekst voor de Mededeling",
    changes: (p: number, c: number, d: number, a: number, r: number) =>
      `${num(p)} ${plural(p, "project", "projecten")} met wijzigingen, ${num(c)} ${plural(c, "mijlpaal", "mijlpalen")} gerealiseerd, ${num(d)} nieuw vertraagd, ${num(a)} nieuw en ${num(r)} verdwenen.`,
    gaps: (n: number) =>
      `${num(n)} ${n === 1 ? "waarde kon" : "waarden konden"} niet gelezen worden: zie het tabblad.`,
  },
  settings: {
    meetmoment: "Meetmoment",
    meetmomentHint:
      "De datum van de meting (kies ze in de kalender of typ ze zoals het veld ze toont). Mijlpalen met een timing vóór deze datum die nog niet gestart of op schema zijn, zijn achterstallig.",
    save: "Meetmoment in de werkmap bewaren",
    saved: "Het meetmoment is in de werkmap bewaard (ook voor de opdrachtregel).",
    language: "Taal",
    dutch: "Nederlands",
    english: "English",
    live: "Live validatie",
    liveHint:
      "Na wijzigingen en plakacties in de tabellen opnieuw valideren. Plakken omzeilt de keuzelijsten van Excel.",
  },
  capabilities: {
    title: "Niet alles werkt in deze versie van Excel",
    required:
      "Deze Excel is te oud voor de invoegtoepassing: ze heeft ExcelApi 1.8 nodig (Microsoft 365, Excel 2019 of nieuwer, of Excel op het web). Gebruik zolang vv-monitor op de opdrachtregel.",
    notes:
      "Deze Excel kent geen notities via de invoegtoepassing (ExcelApi 1.18, Microsoft 365). Markeringen zijn daarom enkel kleuren: de meldingen staan hier in het taakvenster en op het tabblad Validatie, de uitleg bij de kolommen in de keuzelijsten en op het tabblad Instructies.",
  },
  errors: {
    title: "Dat is niet gelukt",
    /** Advice per reason a picked file could not be read (src/xlsx/errors.ts), after its one line. */
    file: {
      missing: "Kies het bestand opnieuw.",
      empty: "Kies de werkmap van de vorige meting, niet een leeg bestand.",
      encrypted: "",
      "not-xlsx":
        "Kies de Excel-werkmap (.xlsx) van de vorige meting, geen pdf of ander bestand. Hebt u enkel een .xls- of .csv-bestand, open het dan in Excel en sla het op als Excel-werkmap (.xlsx).",
      corrupt: "Open de werkmap in Excel, sla ze op als .xlsx en kies ze opnieuw.",
      unsupported: "Open de werkmap in Excel, sla ze op als .xlsx en kies ze opnieuw.",
      unreadable: "Kies een Excel-werkmap (.xlsx).",
    },
    /** After a file of another kind (a PDF, a CSV, a Word file…) or a file the system would not give: its line says what. */
    otherFile: "Kies daarna de Excel-werkmap (.xlsx) van de vorige meting.",
    retry: "Opnieuw proberen",
    dismiss: "Sluiten",
    notInExcel:
      "De invoegtoepassing draait niet in Excel. Open ze vanuit Excel (Start > Invoegtoepassingen).",
    payload:
      "De werkmap is te groot om in één keer te lezen. Sluit andere werkmappen, of gebruik de opdrachtregel (npx vv-monitor).",
    protected:
      "Een tabblad of de werkmap is beveiligd. Hef de beveiliging op (Controleren > Beveiliging opheffen) en probeer opnieuw.",
    editMode: "Excel is nog in bewerkmodus. Druk op Enter of Esc in de cel en probeer opnieuw.",
    generic: (m: string) =>
      `${m} Probeer opnieuw; blijft het mislukken, sla de werkmap op en open de invoegtoepassing opnieuw.`,
  },
  busy: "Bezig…",
  /** The title of the success bar. */
  done: "Gelukt",
};
export type Strings = typeof nl;
