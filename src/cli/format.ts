/** Human output of the command line, Dutch first, English with --lang en: numbers and plurals included. */
import type { Finding } from "../core/findings";
import type { Records } from "../core/records";
import { countText, eurText, formatNumber, percentText } from "../core/number-format";
import { RULES } from "../core/rules";
import type { Lang } from "../core/vocabulary";
import type { ConversionPreview, ExportResult, MergeReport } from "../workbook/flows";

/** A count in the language's notation: 1.453 in Dutch, 1,453 in English (Intl's default three decimals at most). */
export const num = (n: number, lang: Lang) => formatNumber(n, lang, 3);
/** "1 fout", "2 fouten": the number and the word in the right form. */
export const count = countText;
export const eur = eurText;
export const pct = (n: number | null, lang: Lang) =>
  n === null ? "-" : percentText(n, lang, 1, 1);

type Counts = {
  projects: unknown[];
  milestones: unknown[];
  indicators: unknown[];
  financing: unknown[];
};
const sizes = (r: Counts) =>
  [r.projects.length, r.milestones.length, r.indicators.length, r.financing.length] as const;

const nlRows = (p: number, ms: number, i: number, f: number) =>
  `${count(p, "project", "projecten", "nl")}, ${count(ms, "mijlpaal", "mijlpalen", "nl")}, ${count(i, "outputindicator", "outputindicatoren", "nl")}, ${count(f, "financieringsrij", "financieringsrijen", "nl")}`;
const enRows = (p: number, ms: number, i: number, f: number) =>
  `${count(p, "project", "projects", "en")}, ${count(ms, "milestone", "milestones", "en")}, ${count(i, "output indicator", "output indicators", "en")}, ${count(f, "financing row", "financing rows", "en")}`;

export const M = {
  nl: {
    badDate: (v: string) =>
      `ongeldig meetmoment '${v}': gebruik JJJJ-MM-DD, bijvoorbeeld 2022-06-01`,
    cannotWrite: "kan het bestand niet schrijven",
    annotateOne: "--annotate werkt met één bestand tegelijk",
    overwriteInput: (out: string) =>
      `${out} is ook een invoerbestand en wordt niet overschreven: kies een andere naam voor de uitvoer (of gebruik --force)`,
    saveAsXlsx: (ext: string) =>
      ` (een .${ext}-bestand: open het in Excel of LibreOffice en bewaar het als Excel-werkmap .xlsx)`,
    internal: "interne fout",
    nothingToDo: (file: string, verb: string) =>
      `${file}: geen tabblad van het sjabloon herkend (geen tabblad Projecten, Mijlpalen, Outputindicatoren of Financiering, en geen kop die Projectcode en minstens twee kolommen ervan noemt): niets om ${verb}`,
    verbs: { convert: "om te zetten", merge: "samen te voegen" },
    templateDone: (out: string, created: string[]) =>
      `Sjabloon geschreven naar ${out} (tabbladen: ${created.join(", ")}).\n`,
    demoDone: (out: string, r: Records, m: string) =>
      `Demo geschreven naar ${out}: ${nlRows(...sizes(r))}; meetmoment ${m}.\n\n`,
    annotated: (out: string) => `Kopie met markeringen en tabblad Validatie: ${out}\n`,
    exportSummary: (file: string, r: ExportResult) =>
      `${file}: ${nlRows(...sizes(r))} (meetmoment ${r.meetmoment ?? "niet ingesteld"}). Gebruik --json voor de records.\n`,
    validation: (file: string, e: number, w: number, m: string | null) =>
      `${file}: ${count(e, "fout", "fouten", "nl")}, ${count(w, "waarschuwing", "waarschuwingen", "nl")} (meetmoment ${m ?? "niet ingesteld"})\n`,
    perRule: "Per regel:",
    error: "fout",
    warning: "waarschuwing",
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
        `${count(n, "waarde", "waarden", "nl")} zonder plaats in het sjabloon ${n === 1 ? "staat" : "staan"} op het tabblad Bewaard.\n`,
      rows: (n: number) => count(n, "rij", "rijen", "nl"),
      how: { folded: "andere schrijfwijze", synonym: "synoniem" } as Record<string, string>,
    },
    merge: {
      head: (o: string, n: number) =>
        `${count(n, "werkmap", "werkmappen", "nl")} samengevoegd in ${o}:\n`,
      file: (s: MergeReport["files"][number]) =>
        `  ${s.file}: ${nlRows(s.rows.projects, s.rows.milestones, s.rows.indicators, s.rows.financing)}; ${count(s.errors, "fout", "fouten", "nl")}, ${count(s.warnings, "waarschuwing", "waarschuwingen", "nl")}\n`,
      total: (r: Record<string, number>) =>
        `Samen: ${nlRows(r.projects, r.milestones, r.indicators, r.financing)}.\n`,
      overlaps: (n: number) =>
        `${count(n, "project staat", "projecten staan", "nl")} in meer dan één bestand:\n`,
      meetmomenten: (m: string[]) =>
        `Let op: verschillende meetmomenten (${m.join(", ")}); de samengevoegde werkmap krijgt er geen.\n`,
    },
  },
  en: {
    badDate: (v: string) => `invalid measurement date '${v}': use YYYY-MM-DD, e.g. 2022-06-01`,
    cannotWrite: "cannot write the file",
    annotateOne: "--annotate works on one file at a time",
    overwriteInput: (out: string) =>
      `${out} is also an input file and is not overwritten: choose another name for the output (or use --force)`,
    saveAsXlsx: (ext: string) =>
      ` (a .${ext} file: open it in Excel or LibreOffice and save it as an Excel workbook .xlsx)`,
    internal: "internal error",
    nothingToDo: (file: string, verb: string) =>
      `${file}: no template sheet recognised (no sheet Projecten, Mijlpalen, Outputindicatoren or Financiering, and no header naming Projectcode and at least two of their columns): nothing to ${verb}`,
    verbs: { convert: "convert", merge: "merge" },
    templateDone: (out: string, created: string[]) =>
      `Template written to ${out} (sheets: ${created.join(", ")}).\n`,
    demoDone: (out: string, r: Records, m: string) =>
      `Demo written to ${out}: ${enRows(...sizes(r))}; measurement date ${m}.\n\n`,
    annotated: (out: string) => `Copy with marks and a Validatie sheet: ${out}\n`,
    exportSummary: (file: string, r: ExportResult) =>
      `${file}: ${enRows(...sizes(r))} (measurement date ${r.meetmoment ?? "not set"}). Use --json for the records.\n`,
    validation: (file: string, e: number, w: number, m: string | null) =>
      `${file}: ${count(e, "error", "errors", "en")}, ${count(w, "warning", "warnings", "en")} (measurement date ${m ?? "not set"})\n`,
    perRule: "Per rule:",
    error: "error",
    warning: "warning",
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
        `${count(n, "value", "values", "en")} without a place in the template ${n === 1 ? "is" : "are"} on the sheet Bewaard.\n`,
      rows: (n: number) => count(n, "row", "rows", "en"),
      how: { folded: "spelled differently", synonym: "synonym" } as Record<string, string>,
    },
    merge: {
      head: (o: string, n: number) =>
        `${count(n, "workbook", "workbooks", "en")} merged into ${o}:\n`,
      file: (s: MergeReport["files"][number]) =>
        `  ${s.file}: ${enRows(s.rows.projects, s.rows.milestones, s.rows.indicators, s.rows.financing)}; ${count(s.errors, "error", "errors", "en")}, ${count(s.warnings, "warning", "warnings", "en")}\n`,
      total: (r: Record<string, number>) =>
        `Together: ${enRows(r.projects, r.milestones, r.indicators, r.financing)}.\n`,
      overlaps: (n: number) =>
        `${count(n, "project is", "projects are", "en")} in more than one file:\n`,
      meetmomenten: (m: string[]) =>
        `Note: different measurement dates (${m.join(", ")}); the merged workbook gets none.\n`,
    },
  },
};

/** One finding on one line: severity, file, sheet!cell, project code, message. */
export function findingLine(f: Finding & { file?: string }, lang: Lang): string {
  const m = M[lang];
  const where = `${f.file ? `${f.file}: ` : ""}${f.cell ? `${f.sheet}!${f.cell}` : f.sheet}`;
  return `  ${(f.severity === "error" ? m.error : m.warning).padEnd(12)} ${where.padEnd(24)} ${f.projectCode ?? "     "}  ${f.message}\n`;
}

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
    if (!opts.summaryOnly) for (const f of result.findings) s += findingLine(f, lang);
    const byRule = new Map<string, number>();
    for (const f of result.findings) byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + 1);
    if (byRule.size) {
      s += `${m.perRule}\n`;
      for (const r of RULES) {
        const n = byRule.get(r.code);
        if (n)
          // The rule's name in the user's language; its code (English, for scripts) is in --json and docs/rules.md.
          s += `  ${num(n, lang).padStart(6)}  ${(r.severity === "error" ? m.error : m.warning).padEnd(12)} ${r.title[lang]}\n`;
      }
    }
    s += "\n";
  }
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
    const withRows = ["converted", "moved", "unchanged"].includes(sh.action);
    s += `  ${sh.source}: ${what}${withRows ? `, ${c.rows(sh.rows)}` : ""}\n`;
    if (sh.action === "converted" || sh.action === "moved") {
      for (const col of sh.columns) {
        if (col.how === "added") continue;
        else if (col.how === "extra")
          s += `      ${col.from}: ${col.header ?? ""} → ${c.extra} '${col.to}'\n`;
        else
          s += `      ${col.from}: ${col.header} → ${col.to}${col.how === "exact" ? "" : ` (${c.how[col.how] ?? col.how})`}\n`;
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
  if (r.overlaps.length) {
    s += m.overlaps(r.duplicates.length);
    for (const f of r.overlaps.slice(0, 50)) s += findingLine(f, lang);
    if (r.overlaps.length > 50) s += `  ...\n`;
  }
  if (r.kept) s += M[lang].conv.keptCells(r.kept);
  if (r.meetmomenten.length > 1) s += m.meetmomenten(r.meetmomenten);
  return s;
}
