/** `demo <out.xlsx>`: the workbook filled with the June 2022 report, then validation and totals. */
import { Command } from "commander";
import { totals } from "../../core/calc";
import { validateSnapshot, writeDemo } from "../../workbook/flows";
import { xlsxHost } from "../../xlsx/host";
import { checkNotInput, save, type CliContext } from "../context";
import { formatValidation, M } from "../format";
import { HELP } from "../help-texts";
import { formatTotals } from "../totals-format";

export function demoCommand(ctx: CliContext): Command {
  const h = HELP[ctx.lang];
  return new Command("demo")
    .description(h.demo)
    .argument(`<${h.arg.out}>`)
    .option("--force", h.force)
    .action(async (out: string, o: { force?: boolean }) => {
      const { lang, io } = ctx;
      checkNotInput(out, [], !!o.force, lang);
      const port = new (xlsxHost().XlsxPort)();
      const data = await writeDemo(port, { lang });
      await save(port, out, lang, { force: o.force });
      const v = validateSnapshot(await port.read(), { lang });
      io.stdout(M[lang].demoDone(out, data.records, data.meetmoment));
      io.stdout(formatValidation([{ file: out, result: v }], lang, { summaryOnly: true }));
      io.stdout(
        formatTotals(totals(v.records.projects, v.records.financing, "speerpunt", lang), lang)
      );
    });
}
