/**
 * docs/template.md, generated from the schema (SHEETS, LISTS): the template's sheets and columns are never
 * written by hand. Regenerate with `npx tsx src/cli/template-doc.ts > docs/template.md`; a test checks
 * that the file matches.
 */
import { MEETMOMENT_CELL, MEETMOMENT_LABEL, MEETMOMENT_ROW } from "../workbook/meetmoment-cell";
import {
  computedFormula,
  INSTRUCTIONS_SHEET,
  KEPT_SHEET,
  LISTS,
  LISTS_SHEET,
  listRange,
  OVERVIEW_SHEET,
  KEY_FIGURES_SHEET,
  COMPARISON_SHEET,
  SHEETS,
  SOURCE_COLUMN,
  VALIDATION_SHEET,
} from "../core/template";
import { MILESTONE_STATUSES, PROJECT_STATUSES, TEMPLATE_VERSION } from "../core/vocabulary";
import { STAMP_SHEET } from "../xlsx/port";

const KIND: Record<string, string> = {
  code: "projectcode (tekst, VV001–VV180)",
  text: "tekst",
  longtext: "tekst (meerdere regels)",
  list: "keuzelijst",
  amount: "bedrag in EUR",
  numberOrText: "getal (of tekst)",
  percent: "percentage (breuk)",
  quarter: "kwartaal JJJJ Qn",
  computed: "berekend (formule)",
};

const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");

// Kept whole (about 90 lines): a document written top to bottom, one section after the other.
export function templateDoc(): string {
  const out: string[] = [];
  out.push(
    "# The monitoring template",
    "",
    "<!-- Generated from src/core/schema.ts and src/core/template.ts by src/cli/template-doc.ts; do not edit. -->",
    "<!-- Regenerate: npx tsx src/cli/template-doc.ts > docs/template.md (test/cli/template-doc.test.ts checks it). -->",
    "",
    `Template version ${TEMPLATE_VERSION}. \`npx vv-monitor template out.xlsx\` writes it; \`npx vv-monitor demo out.xlsx\` writes it filled with the June 2022 report.`,
    "",
    "Each of the four data sheets is an Excel table (ListObject) with its header in row 1 (frozen), column widths,",
    "number formats, a note with help on every header, an input message with the same help on the cells,",
    `dropdowns that point at a range of the hidden \`${LISTS_SHEET}\` sheet (never inline lists), status colours`,
    "as conditional formatting, and the computed columns as plain formulas (no add-in needed: Excel and",
    "LibreOffice compute them). Extra columns may follow the template's columns; conversion and merge keep them.",
    "",
    "## Sheets",
    "",
    "| Sheet | Table | What |",
    "|---|---|---|",
    `| \`${INSTRUCTIONS_SHEET}\` | | The meetmoment (\`${MEETMOMENT_CELL}\`, beside the label \`${MEETMOMENT_LABEL}\` in A${MEETMOMENT_ROW}: a date the user may type or change; every command and the add-in read it there, else from the stamp), and instructions in Dutch, generated from this schema. |`,
    ...SHEETS.map((s) => `| \`${s.name}\` | \`${s.tableName}\` | ${cell(s.help.nl)} |`),
    `| \`${OVERVIEW_SHEET}\` | | Totals per speerpunt, cluster and envelope as SUMIFS formulas over \`Financiering\`, and projects and milestones per status (COUNTIF) (template, demo, merge; the add-in rebuilds it, with charts). |`,
    `| \`${VALIDATION_SHEET}\` | | Written by \`validate --annotate\`: findings grouped by rule with counts, and a link to every cell. |`,
    `| \`${KEY_FIGURES_SHEET}\` | | Written by the add-in (Kerncijfers tab): the key figures of the meetmoment and of the previous one, the sentences for the Mededeling, charts ([kerncijfers.md](kerncijfers.md)). |`,
    `| \`${COMPARISON_SHEET}\` | | Written by the add-in (Vergelijk met vorige meting): the changes since the previous meetmoment, with a link to every row. |`,
    `| \`${KEPT_SHEET}\` | | Written by conversion: every value that found no place in the template, with its original sheet and cell; also every value of a sheet of your own named \`Overzicht\`, \`Validatie\`, \`Kerncijfers\` or \`Vergelijking\` before vv-monitor rebuilds that sheet. |`,
    `| \`${LISTS_SHEET}\` (hidden) | | The dropdown lists, one per column. |`,
    `| \`${STAMP_SHEET}\` (very hidden) | | The stamp: \`templateVersion\`, \`meetmoment\`, \`updatedAt\` in columns A–B, and the cells marked by the last validation. |`,
    "",
    `Merge adds the column \`${SOURCE_COLUMN}\` (the file a row came from) after the extra columns.`,
    ""
  );
  for (const s of SHEETS) {
    out.push(
      `## ${s.name} (${s.en})`,
      "",
      cell(s.help.nl),
      "",
      "| Column | English | Kind | Required | Format | Width | Help |",
      "|---|---|---|---|---|---|---|"
    );
    for (const c of s.columns) {
      const kind = c.list
        ? `keuzelijst \`${c.list.name}\` (\`${listRange(c.list.name)}\`)`
        : KIND[c.kind];
      out.push(
        `| ${cell(c.header)} | ${cell(c.en)} | ${kind} | ${c.required ? "ja" : ""} | ${c.numFmt ? `\`${cell(c.numFmt)}\`` : ""} | ${c.width} | ${cell(c.help.nl)} |`
      );
    }
    const computed = s.columns.filter((c) => c.kind === "computed");
    if (computed.length) {
      out.push("", "Formulas (row 2):", "");
      for (const c of computed) out.push(`- ${c.header}: \`=${computedFormula(s, c, 2)}\``);
    }
    const syn = s.columns.filter((c) => c.synonyms?.length);
    if (syn.length) {
      out.push(
        "",
        "Other headers recognised when converting (besides the English label; case, accents and spacing ignored):",
        ""
      );
      for (const c of syn)
        out.push(`- ${c.header}: ${c.synonyms!.map((x) => `"${x}"`).join(", ")}`);
    }
    out.push(
      "",
      `Sheet names recognised: ${[s.name, s.en, ...s.synonyms].map((x) => `"${x}"`).join(", ")}.`,
      ""
    );
  }
  out.push("## Lists", "");
  for (const l of LISTS)
    out.push(
      `- \`${l.name}\` (\`${listRange(l.name)}\`): ${l.values.map((v) => `"${v}"`).join(", ")}`
    );
  out.push("", "## Status colours", "", "| Status | Fill | Font | English |", "|---|---|---|---|");
  for (const st of [...PROJECT_STATUSES, ...MILESTONE_STATUSES])
    out.push(`| ${st.label} | ${st.fill} | ${st.font} | ${st.en} |`);
  out.push(
    "",
    "## What the .xlsx host does not do",
    "",
    "exceljs (the library behind the command line) cannot draw charts: the `Overzicht` sheet written by the",
    "command line has the figures and formulas but no charts. The add-in draws the planned charts inside Excel.",
    "exceljs also stores no computed results: Excel recalculates on opening (the workbook asks for a full",
    "calculation on load) and LibreOffice computes formulas without a stored result.",
    ""
  );
  return out.join("\n");
}

if (require.main === module) process.stdout.write(templateDoc());
