/** `template <out.xlsx>`: an empty monitoring workbook, with the Overzicht of totals as formulas. */
import { Command } from "commander";
import { OVERVIEW_SHEET } from "../../core/template";
import { buildOverview, createTemplate } from "../../workbook/flows";
import { xlsxHost } from "../../xlsx/host";
import { checkDate, checkNotInput, save, type CliContext } from "../context";
import { M } from "../format";
import { HELP } from "../help-texts";

export function templateCommand(ctx: CliContext): Command {
  const h = HELP[ctx.lang];
  return new Command("template")
    .description(h.template)
    .argument(`<${h.arg.out}>`)
    .option(`--meetmoment <${h.arg.date}>`, h.meetmomentSet)
    .option("--force", h.force)
    .action(async (out: string, o: { meetmoment?: string; force?: boolean }) => {
      const { lang } = ctx;
      checkNotInput(out, [], !!o.force, lang);
      const port = new (xlsxHost().XlsxPort)();
      const r = await createTemplate(port, {
        lang,
        meetmoment: checkDate(o.meetmoment, lang) ?? null,
      });
      // The totals as formulas, so that a filled-in template shows them without the add-in.
      await buildOverview(port, { lang });
      await save(port, out, lang, { force: o.force });
      const sheets = [...new Set([...r.created, OVERVIEW_SHEET])];
      ctx.io.stdout(M[lang].templateDone(out, sheets));
    });
}
