/** `convert <in.xlsx> <out.xlsx>`: an existing workbook turned into the template, nothing lost. */
import { Command } from "commander";
import { nothingRecognised, planConversion } from "../../workbook/flows";
import { xlsxHost } from "../../xlsx/host";
import { checkDate, checkNotInput, ExitError, save, type CliContext } from "../context";
import { findingLine, formatConversion, M } from "../format";
import { HELP } from "../help-texts";
import { formatLedger } from "../ledger-format";
import { formatReading } from "../reading";

/**
 * Reading findings worth saying when converting: what was left out or could not be read, and numbers
 * that could be read two ways. (Values merely written in their standard form are kept on Bewaard.)
 */
const SAY = new Set([
  "amount-scaled",
  "total-mismatch",
  "row-left-out",
  "formula-uncomputed",
  "number-ambiguous",
  "amount-left-out",
]);

export function convertCommand(ctx: CliContext): Command {
  const h = HELP[ctx.lang];
  return new Command("convert")
    .description(h.convert)
    .argument(`<${h.arg.in}>`)
    .argument(`<${h.arg.out}>`)
    .option(`--meetmoment <${h.arg.date}>`, h.meetmomentSet)
    .option("--force", h.force)
    .option("--verbose", h.verbose)
    .action(
      async (
        input: string,
        out: string,
        o: { meetmoment?: string; force?: boolean; verbose?: boolean }
      ) => {
        const { lang, io } = ctx;
        const meetmoment = checkDate(o.meetmoment, lang);
        checkNotInput(out, [input], !!o.force, lang);
        const port = await xlsxHost().openXlsx(input);
        const snapshot = await port.read();
        if (nothingRecognised(snapshot))
          throw new ExitError(M[lang].nothingToDo(input, M[lang].verbs.convert), 2);
        const preview = planConversion(snapshot, { lang, meetmoment, overview: true });
        await port.apply(preview.plan);
        await save(port, out, lang, { force: o.force, inputs: [input] });
        io.stdout(formatConversion(preview, input, out, lang));
        for (const f of preview.findings.filter((x) => SAY.has(x.rule)))
          io.stdout(findingLine(f, lang));
        if (o.verbose)
          io.stderr(
            formatReading([{ file: input, tables: preview.reading }], lang) +
              formatLedger([{ file: input, ledger: preview.ledger }], lang)
          );
      }
    );
}
