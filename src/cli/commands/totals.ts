/**
 * `totals <file.xlsx>... [--by cluster|speerpunt|project|envelop] [--json] [--verbose]`: amounts per group.
 * Files are read as the overlap rule says (a project in several files counts once). Exit 0: every figure
 * read exactly; 1: some cell could not be read exactly, or files disagree (the findings are listed on
 * stderr); 2: a file cannot be read, or lacks the columns the totals add up (then nothing is printed).
 */
import { Command, Option } from "commander";
import { totals, type GroupBy, type TotalsRow } from "../../core/calc";
import { figureFindings, missingForTotals } from "../../core/figures";
import type { Lang } from "../../core/vocabulary";
import { fileLedger, readFiles } from "../../workbook/flows";
import type { WorkbookSnapshot } from "../../workbook/port";
import { eachSnapshot, type CliContext } from "../context";
import { findingLine } from "../format";
import { HELP } from "../help-texts";
import { formatLedger, ledgerJson } from "../ledger-format";
import { formatReading, readingJson } from "../reading";
import { formatTotals, TOTALS_TEXT } from "../totals-format";
import { findingsJson } from "./validate";

interface Options {
  by: GroupBy;
  json?: boolean;
  verbose?: boolean;
}

/** What the totals of some files rest on: the reading, what is missing, the findings that touch them. */
function gather(
  files: readonly { file: string; value: WorkbookSnapshot }[],
  o: Options,
  lang: Lang
) {
  const t = TOTALS_TEXT[lang];
  const reading = readFiles(
    files.map((r) => ({ file: r.file, snapshot: r.value })),
    { lang }
  );
  const missing = reading.files.flatMap((f) =>
    missingForTotals(f.result.reading.tables, o.by).map((m) => t.missing(f.file, m))
  );
  // A number the reading left out (amount-left-out) is listed with the findings that touch the totals:
  // a number nobody counted may be a number that should have counted.
  const findings = [
    ...reading.files.flatMap((f) =>
      [
        ...figureFindings(f.result.findings, o.by),
        ...f.result.findings.filter((x) => x.rule === "amount-left-out"),
      ].map((x) => ({ ...x, file: f.file }))
    ),
    ...reading.overlaps,
  ];
  // Amounts in thousands of euro, or a column twice with different values: a whole column that cannot
  // be read as euro for sure, like a missing one.
  const scaled = findings.filter((f) => f.rule === "amount-scaled" || f.rule === "column-twice");
  const ledgers = reading.files.map((f) => ({ file: f.file, ledger: fileLedger(f) }));
  return { reading, missing, scaled, findings, ledgers };
}

type Gathered = ReturnType<typeof gather>;

/** Why no total is printed: the columns missing, the amounts not in euro (one line each). */
function refusal({ missing, scaled }: Gathered, o: Options, lang: Lang): string {
  const t = TOTALS_TEXT[lang];
  const hint = o.by === "cluster" || o.by === "speerpunt" ? t.byHint : "";
  return [
    ...missing.map((line) => `vv-monitor: ${line}${hint}\n`),
    ...scaled.map((f) => `vv-monitor: ${f.file}: ${f.sheet}!${f.cell}: ${f.message}\n`),
  ].join("");
}

/** The public JSON: the groups, the total, the findings that touch them and what was read. */
function totalsDocument(result: ReturnType<typeof totals>, g: Gathered): string {
  const doc = {
    groups: result.groups.map(totalsJson),
    total: totalsJson(result.total),
    findings: findingsJson(
      g.findings.map((f) => ({ file: f.file ?? "", result: { findings: [f] } }))
    ),
    read: readingJson(g.reading.files),
    cells: ledgerJson(g.ledgers),
  };
  return JSON.stringify(doc, null, 2) + "\n";
}

export function totalsCommand(ctx: CliContext): Command {
  const h = HELP[ctx.lang];
  return new Command("totals")
    .description(h.totals)
    .argument(`<${h.arg.file}...>`)
    .addOption(
      new Option(`--by <${h.arg.group}>`, h.by)
        .choices(["cluster", "speerpunt", "project", "envelop"])
        .default("speerpunt")
    )
    .option("--json", h.json)
    .option("--verbose", h.verbose)
    .action(async (files: string[], o: Options) => {
      const { lang, io } = ctx;
      const outcome = await eachSnapshot(ctx, files, "lezen");
      // A total over the files that could be read is not the total asked for: none is printed.
      if (outcome.failed.length) return ctx.setExit(2);
      const g = gather(outcome.results, o, lang);
      if (o.verbose)
        io.stderr(formatReading(g.reading.files, lang) + formatLedger(g.ledgers, lang));
      if (g.missing.length || g.scaled.length) {
        io.stderr(refusal(g, o, lang));
        return ctx.setExit(2);
      }
      const result = totals(g.reading.records.projects, g.reading.records.financing, o.by, lang);
      io.stdout(o.json ? totalsDocument(result, g) : formatTotals(result, lang));
      const errors = g.findings.filter((f) => f.severity === "error").length;
      if (g.findings.length) {
        const conflicts = g.findings.filter((f) => f.rule === "overlap-conflict").length;
        io.stderr(TOTALS_TEXT[lang].findings(g.findings.length, errors, conflicts));
        for (const f of g.findings) io.stderr(findingLine(f, lang));
      }
      ctx.setExit(errors ? 1 : 0);
    });
}

/** One group as the public JSON shape {key, label, count, begroot, update, vak, vek}. */
export function totalsJson(r: TotalsRow) {
  return {
    key: r.key,
    label: r.label,
    count: r.count,
    begroot: r.begroot,
    update: r.update,
    vak: r.vak,
    vek: r.vek,
  };
}
