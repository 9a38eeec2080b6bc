/**
 * `validate <file.xlsx>... [--json] [--meetmoment] [--annotate <out.xlsx>]`: exit 0 without errors,
 * 1 with errors, 2 when a file cannot be read.
 */
import { Command } from "commander";
import type { Finding } from "../../core/findings";
import { validateFlow, validateSnapshot, type ValidateFlowResult } from "../../workbook/flows";
import {
  checkDate,
  checkNotInput,
  eachFile,
  eachSnapshot,
  ExitError,
  save,
  type CliContext,
} from "../context";
import { formatValidation, M } from "../format";
import { HELP } from "../help-texts";
import { formatLedger, ledgerJson } from "../ledger-format";
import { formatReading, readingJson } from "../reading";

interface Options {
  json?: boolean;
  meetmoment?: string;
  annotate?: string;
  force?: boolean;
  verbose?: boolean;
}

export function validateCommand(ctx: CliContext): Command {
  const h = HELP[ctx.lang];
  return new Command("validate")
    .description(h.validate)
    .argument(`<${h.arg.file}...>`)
    .option("--json", h.json)
    .option(`--meetmoment <${h.arg.date}>`, h.meetmomentUse)
    .option(`--annotate <${h.arg.out}>`, h.annotate)
    .option("--force", h.force)
    .option("--verbose", h.verbose)
    .action(async (files: string[], o: Options) => {
      const { lang, io } = ctx;
      const meetmoment = checkDate(o.meetmoment, lang);
      if (o.annotate && files.length > 1) throw new ExitError(M[lang].annotateOne, 2);
      if (o.annotate) checkNotInput(o.annotate, files, !!o.force, lang);
      // Only --annotate writes: the other runs take the streaming read, files in parallel.
      const outcome = o.annotate
        ? await eachFile(ctx, files, "valideren", async (_file, port) => {
            const r = await validateFlow(port, { lang, meetmoment, annotate: true });
            await save(port, o.annotate!, lang, { force: o.force, inputs: files });
            return r;
          })
        : await eachSnapshot(ctx, files, "valideren");
      const results = outcome.results.map((r) => ({
        file: r.file,
        result: "findings" in r.value ? r.value : validateSnapshot(r.value, { lang, meetmoment }),
      }));
      const read = results.map((r) => ({ file: r.file, tables: r.result.reading.tables }));
      const ledgers = results.map((r) => ({ file: r.file, ledger: r.result.ledger ?? [] }));
      // --json stays the array of findings scripts read; with --verbose it is an object that also
      // carries what was read and where every cell went, as totals --json does.
      const doc = o.verbose
        ? { findings: findingsJson(results), read: readingJson(read), cells: ledgerJson(ledgers) }
        : findingsJson(results);
      if (o.json) io.stdout(JSON.stringify(doc, null, 2) + "\n");
      else io.stdout(formatValidation(results, lang));
      if (o.annotate && !o.json && outcome.results.length) io.stdout(M[lang].annotated(o.annotate));
      if (o.verbose) io.stderr(formatReading(read, lang) + formatLedger(ledgers, lang));
      const errors = results.reduce((n, r) => n + r.result.errors, 0);
      ctx.setExit(outcome.failed.length ? 2 : errors > 0 ? 1 : 0);
    });
}

/** Findings as the public JSON shape: {file, sheet, cell, row, column, projectCode, rule, severity, message, value}. */
export function findingsJson(
  results: { file: string; result: Pick<ValidateFlowResult, "findings"> }[]
) {
  return results.flatMap(({ file, result }) =>
    result.findings.map((f: Finding) => ({
      file,
      sheet: f.sheet,
      cell: f.cell,
      row: f.row,
      column: f.column,
      projectCode: f.projectCode,
      rule: f.rule,
      severity: f.severity,
      message: f.message,
      value: f.value,
    }))
  );
}
