/**
 * What a command read, for --verbose (on stderr) and the JSON: per file and per table the template sheet it
 * fed, the rows read, and the rows left out with why (blank, total row, heading, footnote, already in an
 * earlier file).
 */
import type { TableReport } from "../core/read";
import type { LeftOutRow } from "../core/region";
import { SHEET_BY_KEY } from "../core/template";
import type { Lang } from "../core/vocabulary";
import { count } from "./format";

const REASONS: Record<Lang, Record<LeftOutRow["reason"], string>> = {
  nl: {
    blank: "leeg",
    total: "totaalrij",
    heading: "tussenkop",
    footnote: "voetnoot onder de tabel",
    summary: "samenvattende tabel onder de gegevens",
    duplicate: "staat identiek in een eerder bestand",
    conflict: "staat anders in een eerder bestand (niet meegeteld)",
  },
  en: {
    blank: "blank",
    total: "total row",
    heading: "heading",
    footnote: "footnote under the table",
    summary: "summary table under the data",
    duplicate: "identical in an earlier file",
    conflict: "different in an earlier file (not counted)",
  },
};

/** Consecutive rows left out for the same reason, as one range. */
function ranges(
  rows: readonly LeftOutRow[]
): { from: number; to: number; reason: LeftOutRow["reason"]; text?: string }[] {
  const out: { from: number; to: number; reason: LeftOutRow["reason"]; text?: string }[] = [];
  for (const r of rows) {
    const last = out[out.length - 1];
    if (last && r.reason === "blank" && last.reason === "blank" && last.to === r.row - 1)
      last.to = r.row;
    else out.push({ from: r.row, to: r.row, reason: r.reason, text: r.text });
  }
  return out;
}

export function formatReading(
  files: { file: string; tables: TableReport[] }[],
  lang: Lang
): string {
  const word =
    lang === "nl"
      ? { row: "rij", rows: "rijen", read: "gelezen", header: "kop op rij" }
      : { row: "row", rows: "rows", read: "read", header: "header in row" };
  let s = "";
  for (const f of files) {
    s += `${f.file}\n`;
    if (!f.tables.length)
      s +=
        lang === "nl"
          ? "  niets gelezen: geen tabblad van het sjabloon herkend\n"
          : "  nothing read: no template sheet recognised\n";
    for (const t of f.tables) {
      const target = SHEET_BY_KEY[t.target].name;
      s += `  ${t.sheet}${t.sheet === target ? "" : ` → ${target}`}: ${count(t.rows, word.row, word.rows, lang)} ${word.read} (${word.header} ${t.headerRow})\n`;
      for (const r of ranges(t.leftOut)) {
        const where = r.from === r.to ? `${word.row} ${r.from}` : `${word.rows} ${r.from}–${r.to}`;
        s += `    ${where}: ${REASONS[lang][r.reason]}${r.text ? ` ('${r.text}')` : ""}\n`;
      }
    }
  }
  return s;
}

/** The reading as JSON: [{file, sheet, target, headerRow, rows, leftOut: [{row, reason, text?}]}]. */
export function readingJson(files: { file: string; tables: TableReport[] }[]) {
  return files.flatMap((f) =>
    f.tables.map((t) => ({
      file: f.file,
      sheet: t.sheet,
      target: SHEET_BY_KEY[t.target].name,
      headerRow: t.headerRow,
      rows: t.rows,
      leftOut: t.leftOut,
    }))
  );
}
