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

/** "61 mijlpalen (4,85%)": a count of one status with the word and its share. */
function countWordShare(f: KeyFigures, status: string, lang: Lang): string {
  const x = statusCount(f.milestones.byStatus, status);
  const [one, many] = lang === "nl" ? ["mijlpaal", "mijlpalen"] : ["milestone", "milestones"];
  return `${numberText(x.count, lang)} ${pl(x.count, one, many)} (${shareText(x.share ?? 0, lang)})`;
}

/** On schedule and completed: against the previous meting when there is one. */
function progressSentences(f: KeyFigures, p: KeyFigures | null, lang: Lang): string[] {
  if (p)
    return [
      movement(
        { nl: "gestarte mijlpalen dat op schema is", en: "started milestones on schedule" },
        "Op schema",
        f,
        p,
        lang
      ),
      movement(
        { nl: "gerealiseerde mijlpalen", en: "completed milestones" },
        "Gerealiseerd",
        f,
        p,
        lang
      ),
    ];
  const k = (s: string) => statusCount(f.milestones.byStatus, s).count;
  const done = countShare(f, "Gerealiseerd", lang);
  return [
    lang === "nl"
      ? `${countWordShare(f, "Op schema", lang)} ${pl(k("Op schema"), "is", "zijn")} op schema en ${done} ${pl(k("Gerealiseerd"), "is", "zijn")} gerealiseerd.`
      : `${countWordShare(f, "Op schema", lang)} ${pl(k("Op schema"), "is", "are")} on schedule and ${done} ${pl(k("Gerealiseerd"), "is", "are")} completed.`,
  ];
}

/** Delayed, to correct (with the projects), not started. */
function troubleSentences(input: KeyFigureInput, lang: Lang): string[] {
  const { figures: f, details: d, previous: p } = input;
  const nl = lang === "nl";
  const k = (s: string) => statusCount(f.milestones.byStatus, s).count;
  const before = p ? countShare(p, "Vertraging", lang) : null;
  const where = d.bijsturenProjects.length <= 10 ? listText(d.bijsturenProjects, lang) : "";
  const inProjects = where
    ? `, in ${pl(d.bijsturenProjects.length, "project", nl ? "de projecten" : "projects")} ${where}`
    : "";
  const b = k("Bijsturen");
  return [
    nl
      ? `Voor ${countWordShare(f, "Vertraging", lang)} wordt een vertraging vastgesteld${before ? `, dat waren er bij de vorige meting ${before}` : ""}.`
      : `${countWordShare(f, "Vertraging", lang)} ${pl(k("Vertraging"), "is", "are")} delayed${before ? `, against ${before} at the previous measurement` : ""}.`,
    b === 0
      ? nl
        ? "Geen enkele mijlpaal moet worden bijgestuurd (rood)."
        : "No milestone must be corrected (red)."
      : nl
        ? `${countWordShare(f, "Bijsturen", lang)} ${pl(b, "moet", "moeten")} worden bijgestuurd (rood)${inProjects}.`
        : `${countWordShare(f, "Bijsturen", lang)} must be corrected (red)${inProjects}.`,
    nl
      ? `Tot slot zijn er ${countWordShare(f, "Nog niet gestart", lang)} die nog niet zijn gestart.`
      : `Finally, ${countWordShare(f, "Nog niet gestart", lang)} have not started yet.`,
  ];
}

/** Postponed, stopped and without a status: reported apart, only when there are any. */
function apartSentences(f: KeyFigures, lang: Lang): string[] {
  const nl = lang === "nl";
  const n = (x: number) => numberText(x, lang);
  const k = (s: string | null) => statusCount(f.milestones.byStatus, s).count;
  const apart = (
    [
      [k("Uitgesteld"), nl ? "uitgesteld" : "postponed"],
      [k("Stopgezet"), nl ? "stopgezet" : "stopped"],
    ] as const
  ).filter(([x]) => x > 0);
  const out: string[] = [];
  if (apart.length) {
    const total = apart.reduce((a, [x]) => a + x, 0);
    const parts = apart.map(([x, w]) =>
      nl
        ? `${n(x)} ${pl(x, "mijlpaal", "mijlpalen")} ${w}`
        : `${n(x)} ${pl(x, "milestone", "milestones")} ${pl(x, "is", "are")} ${w}`
    );
    out.push(
      nl
        ? `Daarnaast ${pl(total, "is", "zijn")} ${listText(parts, lang)}.`
        : `Besides, ${listText(parts, lang)}.`
    );
  }
  const none = k(null);
  if (none)
    out.push(
      nl
        ? `${n(none)} ${pl(none, "mijlpaal heeft", "mijlpalen hebben")} geen geldige status en ${pl(none, "telt", "tellen")} bij geen enkele status mee.`
        : `${n(none)} ${pl(none, "milestone has", "milestones have")} no valid status and ${pl(none, "counts", "count")} under no status.`
    );
  return out;
}

/** The milestones of the Mededeling: on schedule, completed, delayed, to correct, not started, then the rest apart. */
export function milestoneSentences(input: KeyFigureInput, lang: Lang): string[] {
  const f = input.figures;
  if (f.milestones.total === 0)
    return [
      lang === "nl" ? "De werkmap bevat geen mijlpalen." : "The workbook holds no milestones.",
    ];
  const p = input.previous ?? null;
  return [
    ...progressSentences(f, p, lang),
    ...troubleSentences(input, lang),
    ...apartSentences(f, lang),
    startedSentence(f, p, lang),
  ];
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
