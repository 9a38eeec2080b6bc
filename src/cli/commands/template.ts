/** `template <out.xlsx>`: an empty monitoring workbook, with the Overzicht of totals as formulas. */
import { Command } from "commander";
import { OVERVIEW_SHEET } from "../../core/template";
import { buildOverview, createTemplate } from "../../workbook/flows";
import { XlsxPort } from "../../xlsx/port";
import { checkDate, save, type CliContext } from "../context";
import { M } from "../format";

export function templateCommand(ctx: CliContext): Command {
  return new Command("template")
    .description("een lege monitoringswerkmap")
    .argument("<out.xlsx>")
    .option("--meetmoment <JJJJ-MM-DD>", "meetmoment om in de werkmap te zetten")
    .action(async (out: string, o: { meetmoment?: string }) => {
      const { lang } = ctx;
      const port = new XlsxPort();
      const r = await createTemplate(port, {
        lang,
        meetmoment: checkDate(o.meetmoment, lang) ?? null,
      });
      // The totals as formulas, so that a filled-in template shows them without the add-in.
      await buildOverview(port, { lang });
      await save(port, out, lang);
      ctx.io.stdout(M[lang].templateDone(out, [...r.created, OVERVIEW_SHEET]));
    });
}
