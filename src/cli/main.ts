/**
 * `vv-monitor`: the flows on .xlsx files, for batch work and CI. Commands, options, JSON shapes and exit
 * codes are a public interface (../shared/DESIGN.md): template, demo, convert, validate, totals, export,
 * merge. Exit codes: 0 fine, 1 validation errors found, 2 an input could not be read (or bad usage).
 */
import { Command, CommanderError, Option } from "commander";
import { SingleBar } from "cli-progress";
import { totals as computeTotals, type GroupBy, type TotalsRow } from "../core/calc";
import type { Finding } from "../core/findings";
import { emptyRecords, type Records } from "../core/records";
import type { Lang } from "../core/vocabulary";
import { OVERVIEW_SHEET } from "../core/template";
import { WorkbookReadError } from "../xlsx/errors";
import { openXlsx } from "../xlsx/open";
import { XlsxPort } from "../xlsx/port";
import {
  buildOverview,
  convertWorkbook,
  createTemplate,
  exportRecords,
  mergeWorkbooks,
  validateFlow,
  validateSnapshot,
  writeDemo,
  type ValidateFlowResult,
} from "../workbook/flows";
import { formatTotals, formatValidation, formatConversion, formatMerge, M } from "./format";

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Whether stderr is a terminal (progress bars only then). */
  isTTY: boolean;
}

const processIo: Io = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  isTTY: !!process.stderr.isTTY,
};

/** An error with an exit code and a one-line message for the user. */
class ExitError extends Error {
  constructor(
    message: string,
    readonly code: number
  ) {
    super(message);
  }
}

function checkDate(v: string | undefined, lang: Lang): string | undefined {
  if (v === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(v)))
    throw new ExitError(M[lang].badDate(v), 2);
  return v;
}

async function save(port: XlsxPort, file: string, lang: Lang) {
  try {
    await port.save(file);
  } catch (e) {
    throw new ExitError(
      `${file}: ${M[lang].cannotWrite} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
      2
    );
  }
}

function progress(
  io: Io,
  total: number,
  label: string
): { tick: (name: string) => void; stop: () => void } {
  if (!io.isTTY || total < 2) return { tick: () => {}, stop: () => {} };
  const bar = new SingleBar({
    format: `${label} [{bar}] {value}/{total} {file}`,
    stream: process.stderr,
    clearOnComplete: true,
    hideCursor: true,
  });
  bar.start(total, 0, { file: "" });
  return { tick: (file) => bar.increment(1, { file }), stop: () => bar.stop() };
}

interface ReadOutcome<T> {
  results: { file: string; value: T }[];
  failed: WorkbookReadError[];
}

/** Read several files one by one; unreadable files are reported (one line each) and counted. */
async function eachFile<T>(
  files: string[],
  io: Io,
  lang: Lang,
  label: string,
  fn: (file: string, port: XlsxPort) => Promise<T>
): Promise<ReadOutcome<T>> {
  const out: ReadOutcome<T> = { results: [], failed: [] };
  const bar = progress(io, files.length, label);
  try {
    for (const file of files) {
      try {
        const port = await openXlsx(file);
        out.results.push({ file, value: await fn(file, port) });
      } catch (e) {
        if (!(e instanceof WorkbookReadError)) throw e;
        out.failed.push(e);
      }
      bar.tick(file);
    }
  } finally {
    bar.stop();
  }
  for (const e of out.failed) io.stderr(`vv-monitor: ${e.line(lang)}\n`);
  return out;
}

export function buildProgram(io: Io, setExit: (code: number) => void): Command {
  const program = new Command("vv-monitor");
  const langOf = (cmd: Command): Lang => (cmd.optsWithGlobals().lang as Lang) ?? "nl";
  program
    .description(
      "Monitoringswerkmappen van Vlaamse Veerkracht: sjabloon, omzetten, valideren, totalen, export, samenvoegen"
    )
    .addOption(
      new Option("--lang <taal>", "taal van de uitvoer: nl of en")
        .choices(["nl", "en"])
        .default("nl")
    )
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });

  program
    .command("template")
    .description("een lege monitoringswerkmap")
    .argument("<out.xlsx>")
    .option("--meetmoment <JJJJ-MM-DD>", "meetmoment om in de werkmap te zetten")
    .action(async (out: string, o: { meetmoment?: string }, cmd: Command) => {
      const lang = langOf(cmd);
      const port = new XlsxPort();
      const r = await createTemplate(port, {
        lang,
        meetmoment: checkDate(o.meetmoment, lang) ?? null,
      });
      // The totals as formulas, so that a filled-in template shows them without the add-in.
      await buildOverview(port, { lang });
      await save(port, out, lang);
      io.stdout(M[lang].templateDone(out, [...r.created, OVERVIEW_SHEET]));
    });

  program
    .command("demo")
    .description(
      "de werkmap gevuld met de gegevens van juni 2022 (180 projecten), met een samenvatting"
    )
    .argument("<out.xlsx>")
    .action(async (out: string, _o: unknown, cmd: Command) => {
      const lang = langOf(cmd);
      const port = new XlsxPort();
      const data = await writeDemo(port, { lang });
      await save(port, out, lang);
      const v = validateSnapshot(await port.read(), { lang });
      io.stdout(M[lang].demoDone(out, data.records, data.meetmoment));
      io.stdout(formatValidation([{ file: out, result: v }], lang, { summaryOnly: true }));
      io.stdout(
        formatTotals(
          computeTotals(v.records.projects, v.records.financing, "speerpunt", lang),
          lang
        )
      );
    });

  program
    .command("convert")
    .description("een bestaande werkmap omzetten naar het sjabloon, met behoud van alle gegevens")
    .argument("<in.xlsx>")
    .argument("<out.xlsx>")
    .option("--meetmoment <JJJJ-MM-DD>", "meetmoment om in de werkmap te zetten")
    .action(async (input: string, out: string, o: { meetmoment?: string }, cmd: Command) => {
      const lang = langOf(cmd);
      const meetmoment = checkDate(o.meetmoment, lang);
      const port = await openXlsx(input);
      const preview = await convertWorkbook(port, { lang, meetmoment });
      await save(port, out, lang);
      io.stdout(formatConversion(preview, input, out, lang));
    });

  program
    .command("validate")
    .description(
      "controleer werkmappen; exitcode 0 zonder fouten, 1 met fouten, 2 als een bestand niet te lezen is"
    )
    .argument("<file.xlsx...>")
    .option("--json", "bevindingen als één JSON-array op stdout")
    .option("--meetmoment <JJJJ-MM-DD>", "meetmoment (anders dat van de werkmap)")
    .option(
      "--annotate <out.xlsx>",
      "schrijf een kopie met gemarkeerde cellen en een tabblad Validatie"
    )
    .action(
      async (
        files: string[],
        o: { json?: boolean; meetmoment?: string; annotate?: string },
        cmd: Command
      ) => {
        const lang = langOf(cmd);
        const meetmoment = checkDate(o.meetmoment, lang);
        if (o.annotate && files.length > 1) throw new ExitError(M[lang].annotateOne, 2);
        const outcome = await eachFile(files, io, lang, "valideren", async (file, port) => {
          const r = await validateFlow(port, { lang, meetmoment, annotate: !!o.annotate });
          if (o.annotate) await save(port, o.annotate, lang);
          return r;
        });
        const results = outcome.results.map((r) => ({ file: r.file, result: r.value }));
        if (o.json) io.stdout(JSON.stringify(findingsJson(results), null, 2) + "\n");
        else io.stdout(formatValidation(results, lang));
        if (o.annotate && !o.json && outcome.results.length)
          io.stdout(M[lang].annotated(o.annotate));
        const errors = results.reduce((n, r) => n + r.result.errors, 0);
        setExit(outcome.failed.length ? 2 : errors > 0 ? 1 : 0);
      }
    );

  program
    .command("totals")
    .description("beleidsruimte, VAK en VEK per groep en in totaal")
    .argument("<file.xlsx...>")
    .addOption(
      new Option("--by <groep>", "groepering")
        .choices(["cluster", "speerpunt", "project", "envelop"])
        .default("speerpunt")
    )
    .option("--json", "als JSON op stdout")
    .action(async (files: string[], o: { by: GroupBy; json?: boolean }, cmd: Command) => {
      const lang = langOf(cmd);
      const outcome = await eachFile(
        files,
        io,
        lang,
        "lezen",
        async (_file, port) => validateSnapshot(await port.read(), { lang }).records
      );
      const all: Records = emptyRecords();
      for (const { value } of outcome.results)
        for (const k of Object.keys(all) as (keyof Records)[])
          (all[k] as unknown[]).push(...value[k]);
      const t = computeTotals(all.projects, all.financing, o.by, lang);
      if (o.json)
        io.stdout(
          JSON.stringify(
            { groups: t.groups.map(totalsJson), total: totalsJson(t.total) },
            null,
            2
          ) + "\n"
        );
      else io.stdout(formatTotals(t, lang));
      setExit(outcome.failed.length ? 2 : 0);
    });

  program
    .command("export")
    .description("de getypeerde records, met berekende velden (realisatiegraad als breuk)")
    .argument("<file.xlsx>")
    .option("--json", "als JSON op stdout")
    .option("--meetmoment <JJJJ-MM-DD>", "meetmoment (anders dat van de werkmap)")
    .action(async (file: string, o: { json?: boolean; meetmoment?: string }, cmd: Command) => {
      const lang = langOf(cmd);
      const meetmoment = checkDate(o.meetmoment, lang);
      const port = await openXlsx(file);
      const { findings: _f, ...records } = exportRecords(await port.read(), { lang, meetmoment });
      void _f;
      if (o.json) io.stdout(JSON.stringify(records, null, 2) + "\n");
      else io.stdout(M[lang].exportSummary(file, records));
    });

  program
    .command("merge")
    .description("één werkmap uit vele, met een samenvatting per bestand")
    .argument("<file.xlsx...>")
    .requiredOption("-o, --out <out.xlsx>", "de samengevoegde werkmap")
    .action(async (files: string[], o: { out: string }, cmd: Command) => {
      const lang = langOf(cmd);
      const outcome = await eachFile(files, io, lang, "inlezen", async (file, port) => ({
        file,
        snapshot: await port.read(),
      }));
      if (outcome.failed.length) {
        setExit(2);
        return;
      }
      const out = new XlsxPort();
      const report = await mergeWorkbooks(
        outcome.results.map((r) => r.value),
        out,
        { lang }
      );
      await save(out, o.out, lang);
      io.stdout(formatMerge(report, o.out, lang));
    });

  return program;
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

/** Run the command line; resolves with the exit code (never throws, never prints a stack trace). */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  let code = 0;
  const program = buildProgram(io, (c) => (code = c));
  const lang: Lang =
    argv.includes("en") &&
    argv.some((a, i) => (a === "--lang" && argv[i + 1] === "en") || a === "--lang=en")
      ? "en"
      : "nl";
  try {
    await program.parseAsync(argv, { from: "user" });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (
        e.code === "commander.helpDisplayed" ||
        e.code === "commander.version" ||
        e.code === "commander.help"
      )
        return 0;
      return 2;
    }
    if (e instanceof WorkbookReadError) {
      io.stderr(`vv-monitor: ${e.line(lang)}\n`);
      return 2;
    }
    if (e instanceof ExitError) {
      io.stderr(`vv-monitor: ${e.message}\n`);
      return e.code;
    }
    const err = e as Error;
    io.stderr(`vv-monitor: ${M[lang].internal}: ${err?.message ?? String(e)}\n`);
    if (process.env.VV_DEBUG) io.stderr(`${err?.stack}\n`);
    return 2;
  }
}
