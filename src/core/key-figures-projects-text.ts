/** The sentences on the projects per status (section 3.1 of the Mededeling), optionally with the trend. */
import { statusCount, type KeyFigures, type StatusCount } from "./key-figures";
import { monthYear, named, plural as pl, trend, type KeyFigureInput } from "./key-figures-phrases";
import { formatMeetmoment } from "./meetmoment";
import { numberText, shareText } from "./report-numbers";
import type { Lang } from "./vocabulary";

/**
 * The sentences in the Mededeling's order. About 65 lines: one short branch per sentence, kept in one
 * place so the order of the text can be read against the Mededeling.
 */
export function projectSentences(input: KeyFigureInput, lang: Lang): string[] {
  const { figures: f, details: d, previous } = input;
  const T = f.projects.total;
  if (T === 0)
    return [lang === "nl" ? "De werkmap bevat geen projecten." : "The workbook holds no projects."];
  const at = f.meetmoment ? formatMeetmoment(f.meetmoment, lang) : null;
  const s = (x: StatusCount) => shareText(x.share ?? 0, lang);
  const c = (status: string | null) => statusCount(f.projects.byStatus, status);
  const n = (x: number) => numberText(x, lang);
  const names = (status: string) => named(d.projectsByStatus.get(status) ?? [], lang);
  const out: string[] = [];
  const started = f.projects.started;
  const [opgestart, uitvoering, gerealiseerd, aandacht, actie, niet, none] = [
    c("Opgestart"),
    c("In uitvoering na agendering VR"),
    c("Gerealiseerd"),
    c("Aandacht nodig"),
    c("Actie nodig"),
    c("Nog niet opgestart"),
    c(null),
  ];
  if (lang === "nl") {
    const op = at ? `op ${at}` : "op dit meetmoment";
    out.push(
      `${n(started.count)} van de ${n(T)} relanceprojecten (${shareText(started.share ?? 0, lang)}) zijn opgestart ${op}.`,
      `${n(opgestart.count)} ${pl(opgestart.count, "project", "projecten")} of ${s(opgestart)} ${pl(opgestart.count, "heeft", "hebben")} de status \u2018Opgestart\u2019 maar ${pl(opgestart.count, "kende", "kenden")} nog geen formele agendering op de Vlaamse Regering (lichtgroen).`,
      `${n(uitvoering.count)} ${pl(uitvoering.count, "project", "projecten")} of ${s(uitvoering)} ${pl(uitvoering.count, "heeft", "hebben")} de status \u2018In uitvoering na agendering VR\u2019 en ${pl(uitvoering.count, "kende", "kenden")} al een agendering op de Vlaamse Regering (donkergroen).`,
      `${n(gerealiseerd.count)} ${pl(gerealiseerd.count, "project", "projecten")} of ${s(gerealiseerd)} ${pl(gerealiseerd.count, "krijgt", "krijgen")} de status \u2018Gerealiseerd\u2019 (geel)${names("Gerealiseerd")}.`,
      aandacht.count
        ? `Voor ${n(aandacht.count)} van de ${n(T)} relanceprojecten (${s(aandacht)}) is ${op} bijkomende aandacht nodig (oranje)${names("Aandacht nodig")}.`
        : `Voor geen enkel relanceproject is ${op} bijkomende aandacht nodig (oranje).`,
      actie.count
        ? `Voor ${n(actie.count)} van de ${n(T)} relanceprojecten (${s(actie)}) is ${op} bijkomende actie noodzakelijk (rood)${names("Actie nodig")}.`
        : `Geen enkel relanceproject krijgt ${op} de projectstatus \u2018Actie nodig\u2019 (rood), waarbij bijkomende actie noodzakelijk is.`,
      niet.count
        ? `${n(niet.count)} ${pl(niet.count, "relanceproject", "relanceprojecten")} (${s(niet)}) ${pl(niet.count, "is", "zijn")} nog niet opgestart (grijs) ${op}${names("Nog niet opgestart")}.`
        : `Geen enkel relanceproject staat ${op} nog op \u2018Nog niet opgestart\u2019 (grijs).`
    );
    if (none.count)
      out.push(
        `${n(none.count)} ${pl(none.count, "project heeft", "projecten hebben")} geen geldige projectstatus en ${pl(none.count, "telt", "tellen")} bij geen enkele status mee.`
      );
  } else {
    const op = at ? `as of ${at}` : "at this measurement";
    out.push(
      `${n(started.count)} of the ${n(T)} recovery projects (${shareText(started.share ?? 0, lang)}) have started ${op}.`,
      `${n(opgestart.count)} ${pl(opgestart.count, "project", "projects")} or ${s(opgestart)} ${pl(opgestart.count, "has", "have")} the status \u2018Opgestart\u2019 (started, not yet on the government's agenda; light green).`,
      `${n(uitvoering.count)} ${pl(uitvoering.count, "project", "projects")} or ${s(uitvoering)} ${pl(uitvoering.count, "has", "have")} the status \u2018In uitvoering na agendering VR\u2019 (already on the government's agenda; dark green).`,
      `${n(gerealiseerd.count)} ${pl(gerealiseerd.count, "project", "projects")} or ${s(gerealiseerd)} ${pl(gerealiseerd.count, "is", "are")} \u2018Gerealiseerd\u2019 (completed; yellow)${names("Gerealiseerd")}.`,
      aandacht.count
        ? `${n(aandacht.count)} of the ${n(T)} recovery projects (${s(aandacht)}) need extra attention ${op} (orange)${names("Aandacht nodig")}.`
        : `No recovery project needs extra attention ${op} (orange).`,
      actie.count
        ? `${n(actie.count)} of the ${n(T)} recovery projects (${s(actie)}) need action ${op} (red)${names("Actie nodig")}.`
        : `No recovery project has the status \u2018Actie nodig\u2019 (action needed; red) ${op}.`,
      niet.count
        ? `${n(niet.count)} recovery ${pl(niet.count, "project", "projects")} (${s(niet)}) ${pl(niet.count, "has", "have")} not started yet (grey) ${op}${names("Nog niet opgestart")}.`
        : `No recovery project is still \u2018Nog niet opgestart\u2019 (not started; grey) ${op}.`
    );
    if (none.count)
      out.push(
        `${n(none.count)} ${pl(none.count, "project has", "projects have")} no valid project status and ${pl(none.count, "counts", "count")} under no status.`
      );
  }
  if (previous) out.push(...projectTrends(f, previous, lang));
  return out;
}

function projectTrends(f: KeyFigures, previous: KeyFigures, lang: Lang): string[] {
  const since = monthYear(previous.meetmoment, lang);
  const n = (x: number) => numberText(x, lang);
  const was = (status: string) => statusCount(previous.projects.byStatus, status).count;
  const now = (status: string) => statusCount(f.projects.byStatus, status).count;
  const move = (from: number, to: number) => {
    const t = trend(from, to);
    if (lang === "nl")
      return t === "same"
        ? `blijft ${n(to)}`
        : `${t === "up" ? "neemt toe" : "neemt af"}, nl. van ${n(from)} naar ${n(to)}`;
    return t === "same"
      ? `stays at ${n(to)}`
      : `${t === "up" ? "rises" : "falls"} from ${n(from)} to ${n(to)}`;
  };
  const prev = previous.projects.started.count;
  const cur = f.projects.started.count;
  if (lang === "nl") {
    const ref = since ? `de meting van ${since}` : "de vorige meting";
    return [
      `In vergelijking met ${ref} ${trend(prev, cur) === "same" ? `blijft het aantal opgestarte projecten ${n(cur)}` : `${trend(prev, cur) === "up" ? "stijgt" : "daalt"} het aantal opgestarte projecten van ${n(prev)} naar ${n(cur)}`}.`,
      `Het aantal projecten waarvoor bijkomende aandacht nodig is ${move(was("Aandacht nodig"), now("Aandacht nodig"))}.`,
      `Het aantal projecten waarvoor bijkomende actie nodig is ${move(was("Actie nodig"), now("Actie nodig"))}.`,
      `Het aantal projecten dat nog niet is opgestart ${move(was("Nog niet opgestart"), now("Nog niet opgestart"))}.`,
    ];
  }
  const ref = since ? `the measurement of ${since}` : "the previous measurement";
  return [
    `Compared with ${ref}, the number of started projects ${move(prev, cur)}.`,
    `The number of projects that need extra attention ${move(was("Aandacht nodig"), now("Aandacht nodig"))}.`,
    `The number of projects that need action ${move(was("Actie nodig"), now("Actie nodig"))}.`,
    `The number of projects not started yet ${move(was("Nog niet opgestart"), now("Nog niet opgestart"))}.`,
  ];
}
