/** The sentences on the milestones per status (section 3.2 of the Mededeling), optionally against the previous meting. */
import { statusCount, type KeyFigures } from "./key-figures";
import { monthYear, plural as pl, trend, type KeyFigureInput } from "./key-figures-phrases";
import { listText, numberText, shareText } from "./report-numbers";
import type { Lang } from "./vocabulary";

/** "465 (36,99%)": a count with its share of all milestones. */
function countShare(f: KeyFigures, status: string | null, lang: Lang): string {
  const c = statusCount(f.milestones.byStatus, status);
  return `${numberText(c.count, lang)} (${shareText(c.share ?? 0, lang)})`;
}

/** "Het aantal mijlpalen op schema daalde tussen september 2021 en december 2021 van 479 (47,61%) naar 465 (36,99%)." */
function movement(
  what: { nl: string; en: string },
  status: string,
  f: KeyFigures,
  p: KeyFigures,
  lang: Lang
): string {
  const from = statusCount(p.milestones.byStatus, status).count;
  const to = statusCount(f.milestones.byStatus, status).count;
  const t = trend(from, to);
  const a = monthYear(p.meetmoment, lang);
  const b = monthYear(f.meetmoment, lang);
  if (lang === "nl") {
    const when = a && b ? ` tussen ${a} en ${b}` : " sinds de vorige meting";
    const verb = t === "up" ? "steeg" : t === "down" ? "daalde" : "bleef";
    return t === "same"
      ? `Het aantal ${what.nl} bleef${when} gelijk: ${countShare(f, status, lang)}.`
      : `Het aantal ${what.nl} ${verb}${when} van ${countShare(p, status, lang)} naar ${countShare(f, status, lang)}.`;
  }
  const when = a && b ? ` between ${a} and ${b}` : " since the previous measurement";
  return t === "same"
    ? `The number of ${what.en} stayed the same${when}: ${countShare(f, status, lang)}.`
    : `The number of ${what.en} ${t === "up" ? "rose" : "fell"}${when} from ${countShare(p, status, lang)} to ${countShare(f, status, lang)}.`;
}

/** The milestones of the Mededeling: on schedule, completed, delayed, to correct, not started, then the rest apart. */
export function milestoneSentences(input: KeyFigureInput, lang: Lang): string[] {
  const { figures: f, details: d, previous: p } = input;
  if (f.milestones.total === 0)
    return [
      lang === "nl" ? "De werkmap bevat geen mijlpalen." : "The workbook holds no milestones.",
    ];
  const n = (x: number) => numberText(x, lang);
  const nl = lang === "nl";
  const c = (status: string | null) => statusCount(f.milestones.byStatus, status).count;
  const cs = (status: string | null) => countShare(f, status, lang);
  /** "61 mijlpalen (4,85%)". */
  const cws = (status: string, one: string, many: string) => {
    const x = statusCount(f.milestones.byStatus, status);
    return `${n(x.count)} ${pl(x.count, one, many)} (${shareText(x.share ?? 0, lang)})`;
  };
  const [mp, mps] = nl ? ["mijlpaal", "mijlpalen"] : ["milestone", "milestones"];
  const out: string[] = [];
  const onSchedule = {
    nl: "gestarte mijlpalen dat op schema is",
    en: "started milestones on schedule",
  };
  const completed = { nl: "gerealiseerde mijlpalen", en: "completed milestones" };
  if (p)
    out.push(
      movement(onSchedule, "Op schema", f, p, lang),
      movement(completed, "Gerealiseerd", f, p, lang)
    );
  else
    out.push(
      nl
        ? `${cws("Op schema", mp, mps)} ${pl(c("Op schema"), "is", "zijn")} op schema en ${cs("Gerealiseerd")} ${pl(c("Gerealiseerd"), "is", "zijn")} gerealiseerd.`
        : `${cws("Op schema", mp, mps)} ${pl(c("Op schema"), "is", "are")} on schedule and ${cs("Gerealiseerd")} ${pl(c("Gerealiseerd"), "is", "are")} completed.`
    );
  const before = p ? countShare(p, "Vertraging", lang) : null;
  out.push(
    nl
      ? `Voor ${cws("Vertraging", mp, mps)} wordt een vertraging vastgesteld${before ? `, dat waren er bij de vorige meting ${before}` : ""}.`
      : `${cws("Vertraging", mp, mps)} ${pl(c("Vertraging"), "is", "are")} delayed${before ? `, against ${before} at the previous measurement` : ""}.`
  );
  const b = c("Bijsturen");
  const where = d.bijsturenProjects.length <= 10 ? listText(d.bijsturenProjects, lang) : "";
  out.push(
    b === 0
      ? nl
        ? "Geen enkele mijlpaal moet worden bijgestuurd (rood)."
        : "No milestone must be corrected (red)."
      : nl
        ? `${cws("Bijsturen", mp, mps)} ${pl(b, "moet", "moeten")} worden bijgestuurd (rood)${where ? `, in ${pl(d.bijsturenProjects.length, "project", "de projecten")} ${where}` : ""}.`
        : `${cws("Bijsturen", mp, mps)} must be corrected (red)${where ? `, in ${pl(d.bijsturenProjects.length, "project", "projects")} ${where}` : ""}.`,
    nl
      ? `Tot slot zijn er ${cws("Nog niet gestart", mp, mps)} die nog niet zijn gestart.`
      : `Finally, ${cws("Nog niet gestart", mp, mps)} have not started yet.`
  );
  const apart = [
    [c("Uitgesteld"), nl ? "uitgesteld" : "postponed"],
    [c("Stopgezet"), nl ? "stopgezet" : "stopped"],
  ].filter(([k]) => (k as number) > 0);
  if (apart.length)
    out.push(
      nl
        ? `Daarnaast ${pl(
            apart.reduce((k, [x]) => k + (x as number), 0),
            "is",
            "zijn"
          )} ${listText(
            apart.map(
              ([k, w]) => `${n(k as number)} ${pl(k as number, "mijlpaal", "mijlpalen")} ${w}`
            ),
            lang
          )}.`
        : `Besides, ${listText(
            apart.map(
              ([k, w]) =>
                `${n(k as number)} ${pl(k as number, "milestone", "milestones")} ${pl(k as number, "is", "are")} ${w}`
            ),
            lang
          )}.`
    );
  if (c(null))
    out.push(
      nl
        ? `${n(c(null))} ${pl(c(null), "mijlpaal heeft", "mijlpalen hebben")} geen geldige status en ${pl(c(null), "telt", "tellen")} bij geen enkele status mee.`
        : `${n(c(null))} ${pl(c(null), "milestone has", "milestones have")} no valid status and ${pl(c(null), "counts", "count")} under no status.`
    );
  out.push(startedSentence(f, p ?? null, lang));
  return out;
}

/** "Bij deze meting zijn 812 van de 874, of 92,9% van de gestarte mijlpalen op schema of reeds gerealiseerd." */
function startedSentence(f: KeyFigures, p: KeyFigures | null, lang: Lang): string {
  const s = f.milestones.started;
  const n = (x: number) => numberText(x, lang);
  // The Mededeling prints this share with one decimal ("92,9%", "95,4%").
  const share = (x: number | null) => shareText(x ?? 0, lang, 1);
  const prev = p && p.milestones.started.share !== null ? share(p.milestones.started.share) : null;
  if (s.count === 0)
    return lang === "nl" ? "Er zijn nog geen gestarte mijlpalen." : "No milestone has started yet.";
  return lang === "nl"
    ? `Bij deze meting zijn ${n(s.onScheduleOrCompleted)} van de ${n(s.count)}, of ${share(s.share)} van de gestarte mijlpalen op schema of reeds gerealiseerd${prev ? `, ten opzichte van ${prev} bij de vorige meting` : ""}.`
    : `At this measurement ${n(s.onScheduleOrCompleted)} of the ${n(s.count)}, or ${share(s.share)} of the started milestones are on schedule or completed${prev ? `, against ${prev} at the previous measurement` : ""}.`;
}
