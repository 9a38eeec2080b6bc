/**
 * Validation on a workbook: read once, validate with the core, and when asked annotate: a fill and a
 * note on every offending cell (previous marks removed first) and a `Validatie` sheet that groups the
 * findings by rule, with counts and links to the cells.
 */
import type { Finding } from "../../core/findings";
import type { Records } from "../../core/records";
import { countText } from "../../core/number-format";
import { workbookMeetmoment } from "../meetmoment-cell";
import { RULE_BY_CODE, RULES, type RuleCode } from "../../core/rules";
import { VALIDATION_SHEET } from "../../core/template";
import type { ValidationResult } from "../../core/validate";
import type { Lang } from "../../core/vocabulary";
import type {
  BlockPlan,
  CellMark,
  SheetPlan,
  WorkbookPort,
  WorkbookSnapshot,
  WriteValue,
} from "../port";
import { quoteSheet } from "../address";
import type { SheetLedger } from "./ledger";
import { tablesForValidation } from "./reading";
import { readSnapshot } from "./combine";
import { protectUserSheets } from "./protect";

export interface ValidateFlowOptions {
  meetmoment?: string | null;
  lang?: Lang;
  annotate?: boolean;
  /** Show the Validatie sheet when done (default true; live validation leaves the user where they are). */
  activate?: boolean;
  /**
   * The fingerprint of an earlier run: when the data and settings are the same, nothing is validated or
   * written again (`skipped`). Live validation passes it, so that events raised by its own marks, should
   * Excel deliver them, never lead to another round of writes.
   */
  unlessSame?: string;
}

export interface ValidateFlowResult extends ValidationResult {
  findings: Finding[];
  records: Records;
  errors: number;
  warnings: number;
  /** The meetmoment used: the option, else the workbook's stamp, else null. */
  meetmoment: string | null;
  /**
   * Where every non-empty cell went (the reading ledger, ledger.ts), when the result comes from a
   * workbook (readSnapshot); absent for bare tables.
   */
  ledger?: SheetLedger[];
}

export interface ValidateFlowRun extends ValidateFlowResult {
  /** What was validated: the data tables, the meetmoment, the language, whether marks were set. */
  fingerprint: string;
  skipped: false;
}

/** `unlessSame` matched: nothing was validated or written. */
export interface SkippedRun {
  fingerprint: string;
  skipped: true;
}

/** A short hash (FNV-1a, 53 bits) of a text. */
function hash(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  return `${h1.toString(16)}-${h2.toString(16)}-${text.length}`;
}

function fingerprintOf(snapshot: WorkbookSnapshot, opts: ValidateFlowOptions): string {
  const tables = tablesForValidation(snapshot).map((t) => [
    t.sheet,
    t.headerRow,
    t.headers,
    t.rows,
  ]);
  const own = workbookMeetmoment(snapshot);
  const meetmoment = [opts.meetmoment ?? own.meetmoment, own.invalid?.value ?? null];
  return hash(JSON.stringify([tables, meetmoment, opts.lang ?? "nl", !!opts.annotate]));
}

/** Validate a snapshot (pure). */
export function validateSnapshot(
  snapshot: WorkbookSnapshot,
  opts: { meetmoment?: string | null; lang?: Lang } = {}
): ValidateFlowResult {
  return readSnapshot(snapshot, opts).result;
}

const T = {
  nl: {
    title: "Validatie door vv-monitor",
    summary: (e: number, w: number, m: string | null) =>
      `${countText(e, "fout", "fouten", "nl")}, ${countText(w, "waarschuwing", "waarschuwingen", "nl")}. Meetmoment: ${m ?? "niet ingesteld"}.`,
    ruleCols: ["Regel", "Code", "Ernst", "Aantal", "Naar de bevindingen"],
    detailCols: [
      "Regel",
      "Code",
      "Tabblad",
      "Cel",
      "Kolom",
      "Projectcode",
      "Ernst",
      "Melding",
      "Waarde",
    ],
    error: "fout",
    warning: "waarschuwing",
    go: "ga naar",
    none: "Geen bevindingen: de werkmap is in orde.",
  },
  en: {
    title: "Validation by vv-monitor",
    summary: (e: number, w: number, m: string | null) =>
      `${countText(e, "error", "errors", "en")}, ${countText(w, "warning", "warnings", "en")}. Measurement date: ${m ?? "not set"}.`,
    ruleCols: ["Rule", "Code", "Severity", "Count", "To the findings"],
    detailCols: [
      "Rule",
      "Code",
      "Sheet",
      "Cell",
      "Column",
      "Project code",
      "Severity",
      "Message",
      "Value",
    ],
    error: "error",
    warning: "warning",
    go: "go to",
    none: "No findings: the workbook is in order.",
  },
} as const;

/** The titles our Validatie sheet carries in A1: a sheet with another A1 is the user's own. */
export const VALIDATION_TITLES: readonly string[] = [T.nl.title, T.en.title];

/** The Validatie sheet: a summary per rule (count, link to its findings), then every finding with a link to its cell. */
// Kept whole (about 90 lines): the sheet is laid out top to bottom (title, summary per rule, findings),
// each block's row depending on the one above.
export function validationSheet(
  result: Pick<ValidateFlowResult, "findings" | "errors" | "warnings" | "meetmoment">,
  lang: Lang = "nl"
): SheetPlan {
  const t = T[lang];
  const order = new Map<string, number>(RULES.map((r, i) => [r.code, i]));
  const findings = [...result.findings].sort(
    (a, b) =>
      (order.get(a.rule) ?? 999) - (order.get(b.rule) ?? 999) ||
      a.sheet.localeCompare(b.sheet) ||
      (a.row ?? 0) - (b.row ?? 0)
  );
  const byRule = new Map<string, Finding[]>();
  for (const f of findings) byRule.set(f.rule, [...(byRule.get(f.rule) ?? []), f]);
  const blocks: BlockPlan[] = [
    { row: 1, column: 0, values: [[t.title]], bold: true },
    {
      row: 2,
      column: 0,
      values: [
        [findings.length ? t.summary(result.errors, result.warnings, result.meetmoment) : t.none],
      ],
    },
  ];
  let row = 4;
  blocks.push({ row, column: 0, values: [[...t.ruleCols]], bold: true, fill: "#DDEBF7" });
  row++;
  const detailStart = row + byRule.size + 2;
  let detailRow = detailStart + 1;
  const summary: WriteValue[][] = [];
  const summaryLinks: (string | null)[][] = [];
  for (const [code, list] of byRule) {
    const def = RULES.find((r) => r.code === code);
    // The rule's title in the user's language, its code beside it (what --json and the docs use).
    summary.push([
      def ? def.title[lang] : code,
      code,
      list[0].severity === "error" ? t.error : t.warning,
      list.length,
      `${t.go} A${detailRow}`,
    ]);
    summaryLinks.push([null, null, null, null, `${VALIDATION_SHEET}!A${detailRow}`]);
    detailRow += list.length;
  }
  if (summary.length) blocks.push({ row, column: 0, values: summary, links: summaryLinks });
  blocks.push({
    row: detailStart,
    column: 0,
    values: [[...t.detailCols]],
    bold: true,
    fill: "#DDEBF7",
  });
  if (findings.length) {
    blocks.push({
      row: detailStart + 1,
      column: 0,
      values: findings.map((f) => [
        RULE_BY_CODE[f.rule as RuleCode]?.title[lang] ?? f.rule,
        f.rule,
        f.sheet,
        f.cell,
        f.column,
        f.projectCode,
        f.severity === "error" ? t.error : t.warning,
        f.message,
        f.value,
      ]),
      links: findings.map((f) => [
        null,
        null,
        null,
        f.cell ? `${quoteSheet(f.sheet)}!${f.cell}` : null,
        null,
        null,
        null,
        null,
        null,
      ]),
    });
  }
  return {
    name: VALIDATION_SHEET,
    mode: "replace",
    blocks,
    columnWidths: [40, 26, 20, 8, 26, 12, 14, 90, 30],
    freezeRows: 0,
    // The header of the findings, on every printed page of their list.
    printTitleRows: { first: detailStart, last: detailStart },
    tabColour: "#C00000",
  };
}

export function marksOf(findings: readonly Finding[]): CellMark[] {
  return findings
    .filter((f) => f.cell)
    .map((f) => ({ sheet: f.sheet, cell: f.cell!, severity: f.severity, message: f.message }));
}

/**
 * Validate the workbook behind `port`; with `annotate`, mark the cells and write the Validatie sheet (a
 * user's own sheet of that name is kept on Bewaard first).
 */
export async function validateFlow(
  port: WorkbookPort,
  opts: ValidateFlowOptions & { unlessSame: string }
): Promise<ValidateFlowRun | SkippedRun>;
export async function validateFlow(
  port: WorkbookPort,
  opts?: ValidateFlowOptions
): Promise<ValidateFlowRun>;
export async function validateFlow(
  port: WorkbookPort,
  opts: ValidateFlowOptions = {}
): Promise<ValidateFlowRun | SkippedRun> {
  const snapshot = await port.read();
  const fingerprint = fingerprintOf(snapshot, opts);
  if (opts.unlessSame !== undefined && opts.unlessSame === fingerprint)
    return { fingerprint, skipped: true };
  const result = validateSnapshot(snapshot, opts);
  if (opts.annotate) {
    const existing = new Set(snapshot.sheets.map((s) => s.name));
    const findings = result.findings.filter((f) => existing.has(f.sheet));
    const lang = opts.lang ?? "nl";
    const plan = {
      clearMarks: true,
      marks: marksOf(findings),
      sheets: [validationSheet(result, lang)],
      activate: opts.activate === false ? undefined : VALIDATION_SHEET,
      print: { lang, meetmoment: result.meetmoment ?? snapshot.stamp?.meetmoment ?? null },
    };
    await port.apply(protectUserSheets(snapshot, plan, VALIDATION_TITLES, lang));
  }
  return { ...result, fingerprint, skipped: false };
}
