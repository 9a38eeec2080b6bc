/** `export <file.xlsx> [--json]`: the typed records with computed fields. */
import { Command } from "commander";
import { exportRecords } from "../../workbook/flows";
import { openXlsx } from "../../xlsx/open";
import { checkDate, type CliContext } from "../context";
import { M } from "../format";

export function exportCommand(ctx: CliContext): Command {
  return new Command("export")
    .description("de getypeerde records, met berekende velden (realisatiegraad als breuk)")
    .argument("<file.xlsx>")
    .option("--json", "als JSON op stdout")
    .option("--meetmoment <JJJJ-MM-DD>", "meetmoment (anders dat van de werkmap)")
    .action(async (file: string, o: { json?: boolean; meetmoment?: string }) => {
      const { lang, io } = ctx;
      const meetmoment = checkDate(o.meetmoment, lang);
      const port = await openXlsx(file);
      // The findings are validate's business: the public JSON holds everything else.
      const { findings: _findings, ...records } = exportRecords(await port.read(), {
        lang,
        meetmoment,
      });
      if (o.json) io.stdout(JSON.stringify(records, null, 2) + "\n");
      else io.stdout(M[lang].exportSummary(file, records));
    });
}
