/**
 * `export <file.xlsx> [--json] [--csv <dir>]`: the typed records with computed fields; with --csv one CSV per
 * sheet (UTF-8, comma-separated, decimal point) and a Frictionless datapackage.json in <dir>.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { Command } from "commander";
import { stringify } from "csv-stringify/sync";
import { dataPackage, exportRecords, exportTables, type ExportResult } from "../../workbook/flows";
import { openXlsx } from "../../xlsx/open";
import { checkDate, ExitError, type CliContext } from "../context";
import { M } from "../format";

const CSV_TEXT = {
  nl: {
    done: (dir: string, files: string[]) =>
      `${files.length} bestanden geschreven naar ${dir}: ${files.join(", ")}.\n`,
    errors: (n: number) =>
      `Let op: de werkmap heeft ${n} fouten; waarden die niet gelezen konden worden staan leeg in de CSV (zie vv-monitor validate).\n`,
  },
  en: {
    done: (dir: string, files: string[]) =>
      `${files.length} files written to ${dir}: ${files.join(", ")}.\n`,
    errors: (n: number) =>
      `Note: the workbook has ${n} errors; values that could not be read are empty in the CSV (see vv-monitor validate).\n`,
  },
} as const;

/** Write the CSV files and datapackage.json into `dir`; returns the file names. */
async function writeCsv(dir: string, r: ExportResult, ctx: CliContext): Promise<string[]> {
  const tables = exportTables(r);
  const pkg = dataPackage(tables, { meetmoment: r.meetmoment, created: new Date().toISOString() });
  const files: [string, string][] = [
    ...tables.map((t): [string, string] => [
      t.path,
      stringify([t.fields.map((f) => f.name), ...t.rows], { record_delimiter: "windows" }),
    ]),
    ["datapackage.json", JSON.stringify(pkg, null, 2) + "\n"],
  ];
  try {
    await mkdir(dir, { recursive: true });
    for (const [name, text] of files) await writeFile(join(dir, name), text, "utf8");
  } catch (e) {
    throw new ExitError(
      `${dir}: ${M[ctx.lang].cannotWrite} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
      2
    );
  }
  return files.map(([name]) => name);
}

export function exportCommand(ctx: CliContext): Command {
  return new Command("export")
    .description("de getypeerde records, met berekende velden (realisatiegraad als breuk)")
    .argument("<file.xlsx>")
    .option("--json", "als JSON op stdout")
    .option("--csv <map>", "één CSV per tabblad en een datapackage.json (Frictionless) in deze map")
    .option("--meetmoment <JJJJ-MM-DD>", "meetmoment (anders dat van de werkmap)")
    .action(async (file: string, o: { json?: boolean; csv?: string; meetmoment?: string }) => {
      const { lang, io } = ctx;
      const meetmoment = checkDate(o.meetmoment, lang);
      const port = await openXlsx(file);
      // The findings are validate's business: the public JSON holds everything else.
      const { findings: _findings, ...records } = exportRecords(await port.read(), {
        lang,
        meetmoment,
      });
      if (o.csv) {
        const written = await writeCsv(o.csv, records, ctx);
        if (!o.json) io.stdout(CSV_TEXT[lang].done(o.csv, written));
        if (records.errors) io.stderr(CSV_TEXT[lang].errors(records.errors));
      }
      if (o.json) io.stdout(JSON.stringify(records, null, 2) + "\n");
      else if (!o.csv) io.stdout(M[lang].exportSummary(file, records));
    });
}
