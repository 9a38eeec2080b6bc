/**
 * `kerncijfers <file.xlsx>... [--vorige <file.xlsx>...] [--meetmoment JJJJ-MM-DD] [--json]`: the key
 * figures of one meetmoment (several files are one meetmoment), optionally against the previous one.
 * Exit 0; 1 when values the figures count could not be read (they are listed); 2 when a file cannot be read.
 */
import { Command } from "commander";
import {
  computeKeyFigures,
  keyFiguresJson,
  readMeetmomentFiles,
  type MeetmomentData,
} from "../../workbook/flows";
import { checkDate, eachSnapshot, type CliContext } from "../context";
import { HELP } from "../help-texts";
import { formatKeyFigures, gapLines, KEY_FIGURES_MESSAGES } from "../key-figures-format";

interface Options {
  vorige?: string[];
  meetmoment?: string;
  json?: boolean;
}

/** The files of one meetmoment as one; null when none could be read. */
async function readAll(
  ctx: CliContext,
  files: string[],
  meetmoment: string | undefined
): Promise<{ data: MeetmomentData | null; failed: number }> {
  const outcome = await eachSnapshot(ctx, files, "lezen");
  const inputs = outcome.results.map((r) => ({ file: r.file, snapshot: r.value }));
  return {
    data: inputs.length ? readMeetmomentFiles(inputs, { meetmoment, lang: ctx.lang }) : null,
    failed: outcome.failed.length,
  };
}

export function kerncijfersCommand(ctx: CliContext): Command {
  const h = HELP[ctx.lang];
  return new Command("kerncijfers")
    .description(h.kerncijfers)
    .argument(`<${h.arg.file}...>`, h.kerncijfersFiles)
    .option(`--vorige <${h.arg.file}...>`, h.vorige)
    .option(`--meetmoment <${h.arg.date}>`, h.meetmomentUse)
    .option("--json", h.json)
    .action(async (files: string[], o: Options) => {
      const { lang, io } = ctx;
      const meetmoment = checkDate(o.meetmoment, lang);
      const cur = await readAll(ctx, files, meetmoment);
      const prev = o.vorige?.length ? await readAll(ctx, o.vorige, undefined) : null;
      // A file left out would make every figure wrong: no figures then, only the lines that say why.
      if (!cur.data || cur.failed || (prev && (!prev.data || prev.failed))) {
        ctx.setExit(2);
        return;
      }
      const result = computeKeyFigures(cur.data, prev?.data ?? null, lang);
      if (o.json) {
        io.stdout(JSON.stringify(keyFiguresJson(result), null, 2) + "\n");
        if (result.gaps.length)
          io.stderr(
            `${KEY_FIGURES_MESSAGES[lang].gaps(result.gaps.length)}\n${gapLines(result.gaps)}`
          );
      } else io.stdout(formatKeyFigures(result, lang, meetmoment ? [] : cur.data.meetmomenten));
      ctx.setExit(result.gaps.length ? 1 : 0);
    });
}
