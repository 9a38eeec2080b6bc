/** `convert <in.xlsx> <out.xlsx>`: an existing workbook turned into the template, nothing lost. */
import { Command } from "commander";
import { convertWorkbook } from "../../workbook/flows";
import { openXlsx } from "../../xlsx/open";
import { checkDate, save, type CliContext } from "../context";
import { formatConversion } from "../format";

export function convertCommand(ctx: CliContext): Command {
  return new Command("convert")
    .description("een bestaande werkmap omzetten naar het sjabloon, met behoud van alle gegevens")
    .argument("<in.xlsx>")
    .argument("<out.xlsx>")
    .option("--meetmoment <JJJJ-MM-DD>", "meetmoment om in de werkmap te zetten")
    .action(async (input: string, out: string, o: { meetmoment?: string }) => {
      const { lang } = ctx;
      const meetmoment = checkDate(o.meetmoment, lang);
      const port = await openXlsx(input);
      const preview = await convertWorkbook(port, { lang, meetmoment });
      await save(port, out, lang);
      ctx.io.stdout(formatConversion(preview, input, out, lang));
    });
}
