/**
 * `totals <file.xlsx>... [--by cluster|speerpunt|project|envelop] [--json] [--verbose]`: amounts per group.
 * Files are read as the overlap rule says (a project in several files counts once). Exit 0: every figure
 * read exactly; 1: some cell could not be read exactly, or files disagree (the findings are listed on
 * stderr); 2: a file cannot be read, or lacks the columns the totals add up (then nothing is printed).
 */
import { Command, Option } from "commander";
import { totals, type GroupBy, type TotalsRow } from "../../core/calc";
import { figureFindings, missingForTotals } from "../../core/figures";
import { readFiles } from "../../workbook/flows";
import { eachSnapshot, type CliContext } from "../context";
import { findingLine } from "../format";
import { HELP } from "../help-texts";
import { formatReading, readingJson } from "../reading";
import { formatTotals, TOTALS_TEXT } from "../totals-format";
import { findingsJson } from "./validate";

interface Options {
  by: GroupBy;
  json?: boolean;
  verbose?: boolean;
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
      const t = TOTALS_TEXT[lang];
      const outcome = await eachSnapshot(ctx, files, "lezen");
      // A total over the files that could be read is not the total asked for: none is printed.
      if (outcome.failed.length) return ctx.setExit(2);
      const reading = readFiles(
        outcome.results.map((r) => ({ file: r.file, snapshot: r.value })),
        { lang }
      );
      if (o.verbose) io.stderr(formatReading(reading.files, lang));
      const missing = reading.files.flatMap((f) =>
        missingForTotals(f.result.reading.tables, o.by).map((m) => t.missing(f.file, m))
      );
      const findings = [
        ...reading.files.flatMap((f) =>
          figureFindings(f.result.findings, o.by).map((x) => ({ ...x, file: f.file }))
        ),
        ...reading.overlaps,
      ];
      // Amounts in thousands of euro: a whole column that cannot be read as euro, like a missing one.
      const scaled = findings.filter((f) => f.rule === "amount-scaled");
      if (missing.length || scaled.length) {
        const hint = o.by === "cluster" || o.by === "speerpunt" ? t.byHint : "";
        for (const line of missing) io.stderr(`vv-monitor: ${line}${hint}\n`);
        for (const f of scaled)
          io.stderr(`vv-monitor: ${f.file}: ${f.sheet}!${f.cell}: ${f.message}\n`);
        return ctx.setExit(2);
      }
      const errors = findings.filter((f) => f.severity === "error").length;
      const result = totals(reading.records.projects, reading.records.financing, o.by, lang);
      if (o.json)
        io.stdout(
          JSON.stringify(
            {
              groups: result.groups.map(totalsJson),
              total: totalsJson(result.total),
              findings: findingsJson(
                findings.map((f) => ({ file: f.file ?? "", result: { findings: [f] } }))
              ),
              read: readingJson(reading.files),
            },
            null,
            2
          ) + "\n"
        );
      else io.stdout(formatTotals(result, lang));
      if (findings.length) {
        io.stderr(t.findings(findings.length, errors));
        for (const f of findings) io.stderr(findingLine(f, lang));
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
