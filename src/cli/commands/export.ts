/**
 * `export <file.xlsx> [--json] [--csv <dir> [--excel]] [--verbose]`: the typed records with computed fields; with
 * --csv one CSV per sheet (UTF-8, comma-separated, decimal point) and a Frictionless datapackage.json in <dir>;
 * with --excel instead the CSV for Excel in Dutch (workbook/flows/csv-excel.ts), one <sheet>-excel.csv each.
 */
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { Command } from "commander";
import { stringify } from "csv-stringify/sync";
import {
  dataPackage,
  excelCsvTables,
  exportRecords,
  exportTables,
  type ExportResult,
} from "../../workbook/flows";
import type { RecordSources } from "../../workbook/flows/csv-excel";
import { readWorkbookFile } from "../../xlsx/stream/read";
import { checkDate, type CliContext } from "../context";
import { checkTarget, writeOutputText, type OutputOptions } from "../output-file";
import { writeErrorLine, writeProblem } from "../write-errors";
import { ExitError } from "../exit-error";
import { count, M } from "../format";
import { HELP } from "../help-texts";
import { writeJson } from "../json";
import { formatLedger, ledgerJson } from "../ledger-format";
import { formatReading, readingJson } from "../reading";

const CSV_TEXT = {
  nl: {
    done: (dir: string, files: string[]) =>
      `${count(files.length, "bestand", "bestanden", "nl")} geschreven naar ${dir}: ${files.join(", ")}.\n`,
    excelWithoutCsv: "--excel hoort bij --csv <map>: geef ook de map, bv. --csv uitvoer --excel",
    errors: (n: number) =>
      `Let op: de werkmap heeft ${count(n, "fout", "fouten", "nl")}; waarden die niet gelezen konden worden staan leeg in de CSV (zie vv-monitor validate).\n`,
  },
  en: {
    done: (dir: string, files: string[]) =>
      `${count(files.length, "file", "files", "en")} written to ${dir}: ${files.join(", ")}.\n`,
    excelWithoutCsv:
      "--excel goes with --csv <dir>: give the directory too, e.g. --csv out --excel",
    errors: (n: number) =>
      `Note: the workbook has ${count(n, "error", "errors", "en")}; values that could not be read are empty in the CSV (see vv-monitor validate).\n`,
  },
} as const;

/**
 * Fields with a line break inside are quoted: csv-stringify quotes only those that hold the record
 * delimiter itself (CRLF), so a text with a bare LF (a description of several lines) split its row in two.
 */
const LINE_BREAK = /[\r\n]/;

/** The open-data CSV files and their datapackage.json. */
function openDataFiles(r: ExportResult): [string, string][] {
  const tables = exportTables(r);
  const pkg = dataPackage(tables, { meetmoment: r.meetmoment, created: new Date().toISOString() });
  return [
    ...tables.map((t): [string, string] => [
      t.path,
      stringify([t.fields.map((f) => f.name), ...t.rows], {
        record_delimiter: "windows",
        quoted_match: LINE_BREAK,
      }),
    ]),
    ["datapackage.json", JSON.stringify(pkg, null, 2) + "\n"],
  ];
}

/** The CSV files for Excel in Dutch: semicolons, CRLF, and the byte order mark Excel needs to read UTF-8. */
function excelFiles(r: ExportResult, sources?: RecordSources): [string, string][] {
  return excelCsvTables(r, sources).map((t) => [
    t.path,
    stringify(t.rows, {
      delimiter: ";",
      record_delimiter: "windows",
      quoted_match: LINE_BREAK,
      bom: true,
    }),
  ]);
}

/** Write the CSV files into `dir`; returns the file names. */
async function writeCsv(
  dir: string,
  files: [string, string][],
  ctx: CliContext,
  force: boolean
): Promise<string[]> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    // EEXIST from mkdir: a file of that name is where the folder should be.
    const problem = code === "EEXIST" ? "not-a-folder" : writeProblem(dir, code);
    throw new ExitError(writeErrorLine(dir, problem, ctx.lang, code), 2);
  }
  // Every file checked before the first is written: a refused export leaves the folder as it was.
  const opts: OutputOptions = { force, lang: ctx.lang };
  for (const [name] of files) checkTarget(join(dir, name), opts);
  for (const [name, text] of files) await writeOutputText(join(dir, name), opts, text);
  return files.map(([name]) => name);
}

/**
 * The records without the findings, which are validate's business: the public JSON holds everything else.
 * Dropped here, in a function of their own, so that nothing holds them (on 100,000 rows, 30,000 findings and
 * 10 MB) while the records are written.
 */
function publicRecords(...args: Parameters<typeof exportRecords>) {
  const { findings: _findings, reading, sources, ledger, ...records } = exportRecords(...args);
  return { reading, sources, ledger, records };
}

interface Options {
  json?: boolean;
  csv?: string;
  excel?: boolean;
  meetmoment?: string;
  verbose?: boolean;
  force?: boolean;
}

export function exportCommand(ctx: CliContext): Command {
  const h = HELP[ctx.lang];
  return new Command("export")
    .description(h.export)
    .argument(`<${h.arg.file}>`)
    .option("--json", h.json)
    .option(`--csv <${h.arg.dir}>`, h.csv)
    .option("--excel", h.excel)
    .option(`--meetmoment <${h.arg.date}>`, h.meetmomentUse)
    .option("--verbose", h.verbose)
    .option("--force", h.force)
    .action(async (file: string, o: Options) => {
      const { lang, io } = ctx;
      const meetmoment = checkDate(o.meetmoment, lang);
      if (o.excel && !o.csv) throw new ExitError(CSV_TEXT[lang].excelWithoutCsv, 2);
      const { reading, sources, ledger, records } = publicRecords(await readWorkbookFile(file), {
        lang,
        meetmoment,
        sources: !!o.excel,
      });
      const read = [{ file, tables: reading }];
      const ledgers = [{ file, ledger }];
      if (o.verbose) io.stderr(formatReading(read, lang) + formatLedger(ledgers, lang));
      if (o.csv) {
        const files = o.excel ? excelFiles(records, sources) : openDataFiles(records);
        const written = await writeCsv(o.csv, files, ctx, !!o.force);
        if (!o.json) io.stdout(CSV_TEXT[lang].done(o.csv, written));
        if (records.errors) io.stderr(CSV_TEXT[lang].errors(records.errors));
      }
      if (o.json)
        await writeJson(
          { ...records, read: readingJson(read), cells: ledgerJson(ledgers) },
          io.stdout,
          io.drained
        );
      else if (!o.csv) io.stdout(M[lang].exportSummary(file, records));
    });
}
