/** Human output of the command line, Dutch first, English with --lang en. */
import type { Totals, TotalsRow } from "../core/calc";
import type { Finding } from "../core/findings";
import type { Records } from "../core/records";
import { RULES } from "../core/rules";
import type { Lang } from "../core/vocabulary";
import type { ConversionPreview, ExportResult, MergeReport } from "../workbook/flows";

const locale = (lang: Lang) => (lang === "nl" ? "nl-BE" : "en-GB");
export const eur = (n: number, lang: Lang) =>
  `${n.toLocaleString(locale(lang), { minimumFractionDigits: 0, maximumFractionDigits: 2 })} EUR`;
export const pct = (n: number | null, lang: Lang) =>
  n === null
    ? "-"
    : `${(n * 100).toLocaleString(locale(lang), { minimumFractionDigits: 1, maximumFractionDigits: 1 })} %`;

const count = (r: {
  projects: unknown[];
  milestones: unknown[];
  indicators: unknown[];
  financing: unknown[];
}) => [r.projects.length, r.milestones.length, r.indicators.length, r.financing.length] as const;

export const M = {
  nl: {
    badDate: (v: string) =>
      `ongeldig meetmoment '${v}': gebruik JJJJ-MM-DD, bijvoorbeeld 2022-06-01`,
    cannotWrite: "kan het bestand niet schrijven",
    annotateOne: "--annotate werkt met één bestand tegelijk",
    internal: "interne fout",
    templateDone: (out: string, created: string[]) =>
      `Sjabloon geschreven naar ${out} (tabbladen: ${created.join(", ")}).\n`,
    demoDone: (out: string, r: Records, m: string) => {
      const [p, ms, i, f] = count(r);
      return `Demo geschreven naar ${out}: ${p} projecten, ${ms} mijlpalen, ${i} outputindicatoren, ${f} financieringsrijen; meetmoment ${m}.\n\n`;
    },
    annotated: (out: string) => `Kopie met markeringen en tabblad Validatie: ${out}\n`,
    exportSummary: (file: string, r: ExportResult) => {
      const [p, ms, i, f] = count(r);
      return `${file}: ${p} projecten, ${ms} mijlpalen, ${i} outputindicatoren, ${f} financieringsrijen (meetmoment ${r.meetmoment ?? "niet ingesteld"}). Gebruik --json voor de records.\n`;
    },
    validation: (file: string, e: number, w: number, m: string | null) =>
      `${file}: ${e} fouten, ${w} waarschuwingen (meetmoment ${m ?? "niet ingesteld"})\n`,
    perRule: "Per regel:",
    error: "fout",
    warning: "waarschuwing",
    totalsHead: (by: string) => `Totalen per ${by}`,
    cols: ["Aantal", "Begroot", "Update", "VAK", "VEK", "VAK/upd.", "VEK/upd."],
    recovery: (vak: string, vek: string, rv: string, re: string) =>
      `VV001–VV158 tegenover 4,3 miljard: VAK ${vak} (${rv}), VEK ${vek} (${re})\n`,
    by: {
      cluster: "cluster",
      speerpunt: "speerpunt",
      project: "project",
      envelop: "envelop",
    } as Record<string, string>,
    conv: {
      head: (i: string, o: string) => `${i} omgezet naar ${o}:\n`,
      unchanged: "al in het sjabloon, niet gewijzigd",
      converted: "omgezet",
      moved: "omgezet naar",
      kept: "bewaard zoals het was",
      created: "nieuw (leeg)",
      extra: "extra kolom",
      added: "toegevoegd (leeg)",
      keptCells: (n: number) =>
        `${n} waarden zonder plaats in het sjabloon staan op het tabblad Bewaard.\n`,
      rows: (n: number) => `${n} ${n === 1 ? "rij" : "rijen"}`,
    },
    merge: {
      head: (o: string, n: number) => `${n} werkmappen samengevoegd in ${o}:\n`,
      file: (s: { file: string; rows: Record<string, number>; errors: number; warnings: number }) =>
        `  ${s.file}: ${s.rows.projects} projecten, ${s.rows.milestones} mijlpalen, ${s.rows.indicators} indicatoren, ${s.rows.financing} financieringsrijen; ${s.errors} fouten, ${s.warnings} waarschuwingen\n`,
      dup: (code: string, files: string[]) =>
        `  dubbele projectcode ${code} in ${files.join(", ")}\n`,
      dups: (n: number) => `${n} projectcodes komen in meer dan één bestand voor:\n`,
      total: (r: Record<string, number>) =>
        `Samen: ${r.projects} projecten, ${r.milestones} mijlpalen, ${r.indicators} indicatoren, ${r.financing} financieringsrijen.\n`,
      meetmomenten: (m: string[]) =>
        `Let op: verschillende meetmomenten (${m.join(", ")}); de samengevoegde werkmap krijgt er geen.\n`,
    },
  },
  en: {
    badDate: (v: string) => `invalid measurement date '${v}': use YYYY-MM-DD, e.g. 2022-06-01`,
    cannotWrite: "cannot write the file",
    annotateOne: "--annotate works on one file at a time",
    internal: "internal error",
    templateDone: (out: string, created: string[]) =>
      `Template written to ${out} (sheets: ${created.join(", ")}).\n`,
    demoDone: (out: string, r: Records, m: string) => {
      const [p, ms, i, f] = count(r);
      return `Demo written to ${out}: ${p} projects, ${ms} milestones, ${i} output indicators, ${f} financing rows; measurement date ${m}.\n\n`;
    },
    annotated: (out: string) => `Copy with marks and a Validatie sheet: ${out}\n`,
    exportSummary: (file: string, r: ExportResult) => {
      const [p, ms, i, f] = count(r);
      return `${file}: ${p} projects, ${ms} milestones, ${i} output indicators, ${f} financing rows (measurement date ${r.meetmoment ?? "not set"}). Use --json for the records.\n`;
    },
    validation: (file: string, e: number, w: number, m: string | null) =>
      `${file}: ${e} errors, ${w} warnings (measurement date ${m ?? "not set"})\n`,
    perRule: "Per rule:",
    error: "error",
    warning: "warning",
    totalsHead: (by: string) => `Totals per ${by}`,
    cols: ["Count", "Budget", "Update", "VAK", "VEK", "VAK/upd.", "VEK/upd."],
    recovery: (vak: string, vek: string, rv: string, re: string) =>
      `VV001–VV158 against 4.3 billion: VAK ${vak} (${rv}), VEK ${vek} (${re})\n`,
    by: {
      cluster: "cluster",
      speerpunt: "spearhead",
      project: "project",
      envelop: "envelope",
    } as Record<string, string>,
    conv: {
      head: (i: string, o: string) => `${i} converted to ${o}:\n`,
      unchanged: "already in the template, unchanged",
      converted: "converted",
      moved: "converted to",
      kept: "kept as it was",
      created: "new (empty)",
      extra: "extra column",
      added: "added (empty)",
      keptCells: (n: number) =>
        `${n} values without a place in the template are on the sheet Bewaard.\n`,
      rows: (n: number) => `${n} ${n === 1 ? "row" : "rows"}`,
    },
    merge: {
      head: (o: string, n: number) => `${n} workbooks merged into ${o}:\n`,
      file: (s: { file: string; rows: Record<string, number>; errors: number; warnings: number }) =>
        `  ${s.file}: ${s.rows.projects} projects, ${s.rows.milestones} milestones, ${s.rows.indicators} indicators, ${s.rows.financing} financing rows; ${s.errors} errors, ${s.warnings} warnings\n`,
      dup: (code: string, files: string[]) =>
        `  duplicate project code ${code} in ${files.join(", ")}\n`,
      dups: (n: number) => `${n} project codes occur in more than one file:\n`,
      total: (r: Record<string, number>) =>
        `Together: ${r.projects} projects, ${r.milestones} milestones, ${r.indicators} indicators, ${r.financing} financing rows.\n`,
      meetmomenten: (m: string[]) =>
        `Note: different measurement dates (${m.join(", ")}); the merged workbook gets none.\n`,
    },
  },
};

export function formatValidation(
  results: {
    file: string;
    result: { findings: Finding[]; errors: number; warnings: number; meetmoment: string | null };
  }[],
  lang: Lang,
  opts: { summaryOnly?: boolean } = {}
): string {
  const m = M[lang];
  let s = "";
  for (const { file, result } of results) {
    s += m.validation(file, result.errors, result.warnings, result.meetmoment);
    if (!opts.summaryOnly) {
      for (const f of result.findings) {
        const where = f.cell ? `${f.sheet}!${f.cell}` : f.sheet;
        s += `  ${(f.severity === "error" ? m.error : m.warning).padEnd(12)} ${where.padEnd(24)} ${f.projectCode ?? "     "}  ${f.message}\n`;
      }
    }
    const byRule = new Map<string, number>();
    for (const f of result.findings) byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + 1);
    if (byRule.size) {
      s += `${m.perRule}\n`;
      for (const r of RULES) {
        const n = byRule.get(r.code);
        if (n)
          s += `  ${String(n).padStart(5)}  ${(r.severity === "error" ? m.error : m.warning).padEnd(12)} ${r.code.padEnd(36)} ${r.title[lang]}\n`;
      }
    }
    s += "\n";
  }
  return s;
}

export function formatTotals(t: Totals, lang: Lang): string {
  const m = M[lang];
  const rows: TotalsRow[] = [...t.groups, t.total];
  const cells = rows.map((r) => [
    r.label,
    String(r.count),
    eur(r.begroot, lang),
    eur(r.update, lang),
    eur(r.vak, lang),
    eur(r.vek, lang),
    pct(r.vakRate, lang),
    pct(r.vekRate, lang),
  ]);
  const head = [m.totalsHead(m.by[t.by] ?? t.by), ...m.cols];
  const labelW = Math.min(60, Math.max(head[0].length, ...cells.map((c) => c[0].length)));
  const widths = head.map((h, i) =>
    i === 0 ? labelW : Math.max(h.length, ...cells.map((c) => c[i].length))
  );
  const line = (c: string[]) =>
    c
      .map((x, i) =>
        i === 0
          ? x.length > labelW
            ? x.slice(0, labelW - 1) + "…"
            : x.padEnd(labelW)
          : x.padStart(widths[i])
      )
      .join("  ") + "\n";
  let s = line(head);
  cells.forEach((c, i) => {
    if (i === cells.length - 1) s += "-".repeat(widths.reduce((a, b) => a + b + 2, -2)) + "\n";
    s += line(c);
  });
  s += m.recovery(
    eur(t.recovery.vak, lang),
    eur(t.recovery.vek, lang),
    pct(t.recovery.vakRate, lang),
    pct(t.recovery.vekRate, lang)
  );
  return s;
}

export function formatConversion(
  p: ConversionPreview,
  input: string,
  out: string,
  lang: Lang
): string {
  const c = M[lang].conv;
  let s = c.head(input, out);
  for (const sh of p.sheets) {
    const what =
      sh.action === "moved"
        ? `${c.moved} ${sh.target}`
        : sh.action === "kept"
          ? `${c.kept}${sh.note ? ` (${sh.note[lang]})` : ""}`
          : c[sh.action];
    s += `  ${sh.source}: ${what}${sh.action === "converted" || sh.action === "moved" || sh.action === "unchanged" ? `, ${c.rows(sh.rows)}` : ""}\n`;
    if (sh.action === "converted" || sh.action === "moved") {
      for (const col of sh.columns) {
        if (col.how === "added") continue;
        else if (col.how === "extra")
          s += `      ${col.from}: ${col.header ?? ""} → ${c.extra} '${col.to}'\n`;
        else
          s += `      ${col.from}: ${col.header} → ${col.to}${col.how === "exact" ? "" : ` (${col.how})`}\n`;
      }
      const added = sh.columns.filter((col) => col.how === "added").map((col) => col.to);
      if (added.length) s += `      ${c.added}: ${added.join(", ")}\n`;
    }
  }
  if (p.kept.length) s += c.keptCells(p.kept.length);
  return s;
}

export function formatMerge(r: MergeReport, out: string, lang: Lang): string {
  const m = M[lang].merge;
  let s = m.head(out, r.files.length);
  for (const f of r.files) s += m.file(f);
  s += m.total(r.rows);
  if (r.duplicates.length) {
    s += m.dups(r.duplicates.length);
    for (const d of r.duplicates.slice(0, 50)) s += m.dup(d.projectCode, d.files);
    if (r.duplicates.length > 50) s += `  ...\n`;
  }
  if (r.meetmomenten.length > 1) s += m.meetmomenten(r.meetmomenten);
  return s;
}
