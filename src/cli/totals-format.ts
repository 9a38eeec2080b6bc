/** The totals table on the command line: per group, the total, and VV001–VV158 against 4,3 billion. */
import type { Totals, TotalsRow } from "../core/calc";
import type { MissingColumn } from "../core/figures";
import type { Lang } from "../core/vocabulary";
import { count, eur, num, pct } from "./format";
import { percentText } from "../core/number-format";

/** The reasons, if any, in parentheses. */
const why = (...parts: string[]) => {
  const said = parts.filter(Boolean);
  return said.length ? ` (${said.join("; ")})` : "";
};

const T = {
  nl: {
    head: (by: string) => `Totalen per ${by}`,
    cols: ["Aantal", "Begroot", "Update", "VAK", "VEK", "VAK/upd.", "VEK/upd."],
    title: "Titel",
    recovery: (vak: string, vek: string, rv: string, re: string) =>
      `VV001–VV158 tegenover 4,3 miljard: VAK ${vak} (${rv}), VEK ${vek} (${re})\n`,
    base: (budget: string, rv: string, re: string) =>
      `VV001–VV158 tegenover hun beleidsruimte ${budget} (update, anders begroot; de basis van kerncijfers): VAK ${rv}, VEK ${re}\n`,
    by: { cluster: "cluster", speerpunt: "speerpunt", project: "project", envelop: "envelop" },
    missing: (file: string, m: MissingColumn) =>
      m.columns.length === 0
        ? `${file}: geen totalen: er is geen tabblad '${m.sheet}' (en geen tabblad met een kop die Projectcode en minstens twee kolommen van '${m.sheet}' noemt)`
        : `${file}: geen totalen: op '${m.sheet}' ${m.columns.length === 1 ? "ontbreekt de kolom" : "ontbreken de kolommen"} ${m.columns.map((c) => `'${c}'`).join(", ")}`,
    byHint: "; totalen --by envelop of --by project hebben enkel Financiering nodig",
    // A conflict between files is no amount read wrongly: each error is said for what it is.
    findings: (n: number, errors: number, conflicts = 0) =>
      `vv-monitor: ${count(n, "bevinding raakt", "bevindingen raken", "nl")} de totalen${why(
        errors - conflicts
          ? `${count(errors - conflicts, "fout", "fouten", "nl")}: ${errors - conflicts === 1 ? "dat bedrag is" : "die bedragen zijn"} niet exact gelezen`
          : "",
        conflicts
          ? `${count(conflicts, "project", "projecten", "nl")} met andere gegevens in meer dan één bestand: enkel het eerste bestand telt`
          : ""
      )}:\n`,
  },
  en: {
    head: (by: string) => `Totals per ${by}`,
    cols: ["Count", "Budget", "Update", "VAK", "VEK", "VAK/upd.", "VEK/upd."],
    title: "Title",
    recovery: (vak: string, vek: string, rv: string, re: string) =>
      `VV001–VV158 against 4.3 billion: VAK ${vak} (${rv}), VEK ${vek} (${re})\n`,
    base: (budget: string, rv: string, re: string) =>
      `VV001–VV158 against their beleidsruimte ${budget} (update, else begroot; the base of kerncijfers): VAK ${rv}, VEK ${re}\n`,
    by: { cluster: "cluster", speerpunt: "spearhead", project: "project", envelop: "envelope" },
    missing: (file: string, m: MissingColumn) =>
      m.columns.length === 0
        ? `${file}: no totals: there is no sheet '${m.sheet}' (nor a sheet whose header names Projectcode and at least two columns of '${m.sheet}')`
        : `${file}: no totals: '${m.sheet}' lacks the column${m.columns.length === 1 ? "" : "s"} ${m.columns.map((c) => `'${c}'`).join(", ")}`,
    byHint: "; totals --by envelop or --by project need Financiering only",
    findings: (n: number, errors: number, conflicts = 0) =>
      `vv-monitor: ${count(n, "finding concerns", "findings concern", "en")} the totals${why(
        errors - conflicts
          ? `${count(errors - conflicts, "error", "errors", "en")}: not read exactly`
          : "",
        conflicts
          ? `${count(conflicts, "project", "projects", "en")} with different data in more than one file: only the first file counts`
          : ""
      )}:\n`,
  },
};
export const TOTALS_TEXT = T;

export function formatTotals(t: Totals, lang: Lang): string {
  const m = T[lang];
  const rows: TotalsRow[] = [...t.groups, t.total];
  const project = t.by === "project";
  // Per project: the code first, the full title last (never cut).
  const cells = rows.map((r, i) => [
    project && i < t.groups.length ? r.key : r.label,
    num(r.count, lang),
    eur(r.begroot, lang),
    eur(r.update, lang),
    eur(r.vak, lang),
    eur(r.vek, lang),
    pct(r.vakRate, lang),
    pct(r.vekRate, lang),
  ]);
  const head = [m.head(m.by[t.by]), ...m.cols];
  const labelW = Math.min(60, Math.max(head[0].length, ...cells.map((c) => c[0].length)));
  const widths = head.map((h, i) =>
    i === 0 ? labelW : Math.max(h.length, ...cells.map((c) => c[i].length))
  );
  const line = (c: string[], title?: string) =>
    c
      .map((x, i) =>
        i === 0
          ? x.length > labelW
            ? x.slice(0, labelW - 1) + "…"
            : x.padEnd(labelW)
          : x.padStart(widths[i])
      )
      .join("  ") +
    (title !== undefined ? `  ${title}` : "") +
    "\n";
  let s = line(head, project ? m.title : undefined);
  cells.forEach((c, i) => {
    if (i === cells.length - 1) s += "-".repeat(widths.reduce((a, b) => a + b + 2, -2)) + "\n";
    s += line(c, project && i < t.groups.length ? rows[i].label : undefined);
  });
  s += m.recovery(
    eur(t.recovery.vak, lang),
    eur(t.recovery.vek, lang),
    pct(t.recovery.vakRate, lang),
    pct(t.recovery.vekRate, lang)
  );
  // Side by side: the base `kerncijfers` divides by, with its two decimals (the Mededeling's shares).
  const base = t.recovery.beleidsruimte;
  const share = (x: number) => (base > 0 ? percentText(x / base, lang, 2, 2) : "-");
  s += m.base(eur(base, lang), share(t.recovery.vak), share(t.recovery.vek));
  return s;
}
