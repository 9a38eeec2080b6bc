/** The sentences on commitments and payments (section 3.3 of the Mededeling), optionally against the previous meting. */
import { formatMeetmoment } from "./meetmoment";
import { monthYear, plural as pl, type KeyFigureInput } from "./key-figures-phrases";
import { amountText, numberText, shareText } from "./report-numbers";
import type { Lang } from "./vocabulary";

/**
 * "Dat is het dubbele van het bedrag in september 2021 (750 miljoen euro)." / "Dat is 142 miljoen euro meer
 * dan in september 2021." Double or triple when the ratio rounds to it (within 2,5 %), else the difference.
 */
function against(now: number, before: number, since: string | null, lang: Lang): string {
  const when = since ?? (lang === "nl" ? "de vorige meting" : "the previous measurement");
  const ratio = before > 0 ? now / before : null;
  const times = [2, 3].find((k) => ratio !== null && Math.abs(ratio / k - 1) <= 0.025);
  if (lang === "nl") {
    if (times)
      return `Dat is het ${times === 2 ? "dubbele" : "drievoudige"} van het bedrag in ${when} (${amountText(before, lang)}).`;
    if (now === before) return `Dat is evenveel als in ${when}.`;
    return `Dat is ${amountText(Math.abs(now - before), lang)} ${now > before ? "meer" : "minder"} dan in ${when} (${amountText(before, lang)}).`;
  }
  if (times)
    return `That is ${times === 2 ? "twice" : "three times"} the amount of ${when} (${amountText(before, lang)}).`;
  if (now === before) return `That is the same as in ${when}.`;
  return `That is ${amountText(Math.abs(now - before), lang)} ${now > before ? "more" : "less"} than in ${when} (${amountText(before, lang)}).`;
}

export function financeSentences(input: KeyFigureInput, lang: Lang): string[] {
  const { figures: f, details: d, previous: p } = input;
  const fin = f.finance;
  const at = f.meetmoment ? formatMeetmoment(f.meetmoment, lang) : null;
  const since = p ? monthYear(p.meetmoment, lang) : null;
  const budget = amountText(fin.budget, lang);
  const share = (x: number | null) => (x === null ? "-" : shareText(x, lang));
  const out: string[] = [];
  if (fin.budget === 0)
    out.push(
      lang === "nl"
        ? "De projecten VV001-VV158 hebben in deze werkmap geen beleidsruimte: de aandelen van VAK en VEK kunnen niet berekend worden."
        : "Projects VV001-VV158 have no budget in this workbook: the shares of VAK and VEK cannot be computed."
    );
  if (lang === "nl") {
    const op = at ? `op meetmoment ${at}` : "op dit meetmoment";
    out.push(
      `${amountText(fin.vak, lang)} of ${share(fin.vakShare)} van de ${budget} aan relancemiddelen (VV001-VV158) was vastgelegd ${op}.`
    );
    if (p) out.push(against(fin.vak, p.finance.vak, since, lang));
    out.push(
      `${amountText(fin.vek, lang)} of ${share(fin.vekShare)} van de ${budget} aan relancemiddelen was vereffend ${op}.`
    );
    if (p) out.push(against(fin.vek, p.finance.vek, since, lang));
  } else {
    const op = at ? `as of ${at}` : "at this measurement";
    out.push(
      `${amountText(fin.vak, lang)} or ${share(fin.vakShare)} of the ${budget} of recovery funds (VV001-VV158) was committed ${op}.`
    );
    if (p) out.push(against(fin.vak, p.finance.vak, since, lang));
    out.push(
      `${amountText(fin.vek, lang)} or ${share(fin.vekShare)} of the ${budget} of recovery funds was paid ${op}.`
    );
    if (p) out.push(against(fin.vek, p.finance.vek, since, lang));
  }
  const r = d.regular;
  if (r.projects > 0)
    out.push(
      lang === "nl"
        ? `${pl(r.projects, "Het enige project uit", `De ${numberText(r.projects, lang)} projecten`)} VV159-VV180 ${pl(r.projects, "wordt", "worden")} gefinancierd met reguliere middelen en ${pl(r.projects, "telt", "tellen")} hier niet mee (in deze werkmap: ${amountText(r.vak, lang)} vastgelegd en ${amountText(r.vek, lang)} vereffend op een beleidsruimte van ${amountText(r.budget, lang)}).`
        : `${pl(r.projects, "The one project of", `The ${numberText(r.projects, lang)} projects`)} VV159-VV180 ${pl(r.projects, "is", "are")} financed from regular budgets and ${pl(r.projects, "does", "do")} not count here (in this workbook: ${amountText(r.vak, lang)} committed and ${amountText(r.vek, lang)} paid on a budget of ${amountText(r.budget, lang)}).`
    );
  return out;
}
