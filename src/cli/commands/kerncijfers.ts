/**
 * `kerncijfers <file.xlsx>... [--vorige <file.xlsx>...] [--meetmoment JJJJ-MM-DD] [--json]
 * [-o <out.xlsx> [--pdf] [--force]]`: the key figures of one meetmoment (several files are one meetmoment),
 * optionally against the previous one; `-o` writes them as the add-in's Kerncijfers sheet, with its charts.
 * Exit 0; 1 when values the figures count could not be read (they are listed); 2 when a file cannot be read.
 */
import { Command } from "commander";
import {
  computeKeyFigures,
  keyFiguresJson,
  readMeetmomentFiles,
  type MeetmomentData,
} from "../../workbook/flows";
import { KEY_FIGURES_SHEET } from "../../core/template";
import { keyFiguresSheet } from "../../workbook/flows";
import { xlsxHost } from "../../xlsx/host";
import { checkDate, checkNotInput, eachSnapshot, type CliContext } from "../context";
import { writeReport } from "../report-output";
import { HELP } from "../help-texts";
import { formatKeyFigures, gapLines, KEY_FIGURES_MESSAGES } from "../key-figures-format";

interface Options {
  vorige?: string[];
  meetmoment?: string;
  json?: boolean;
  out?: string;
  pdf?: boolean;
  force?: boolean;
}

/** The files of one meetmoment as one; null when none could be read. */
async function readAll(
  ctx: CliContext,
  files: string[],
  meetmoment: string | undefined,
  named: boolean
): Promise<{ data: MeetmomentData | null; failed: number }> {
  const outcome = await eachSnapshot(ctx, files, "lezen");
  const inputs = outcome.results.map((r) => ({ file: r.file, snapshot: r.value }));
  // `named || several files`: every value left out says its file (readMeetmomentFiles).
  const opts = { meetmoment, lang: ctx.lang, ...(named ? { named } : {}) };
  return {
    data: inputs.length ? readMeetmomentFiles(inputs, opts) : null,
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
    .option(`-o, --out <${h.arg.out}>`, h.kerncijfersOut)
    .option("--pdf", h.pdf)
    .option("--force", h.force)
    .action(async (files: string[], o: Options) => {
      const { lang, io } = ctx;
      const meetmoment = checkDate(o.meetmoment, lang);
      if (o.out) checkNotInput(o.out, [...files, ...(o.vorige ?? [])], !!o.force, lang);
      // With --vorige a line "niet of apart geteld" names its file: the current or the previous one. So it
      // does with -o: the written workbook holds the figures, not the rows they come from.
      const named = !!o.vorige?.length || !!o.out;
      const cur = await readAll(ctx, files, meetmoment, named);
      const prev = o.vorige?.length ? await readAll(ctx, o.vorige, undefined, true) : null;
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
      if (o.out) {
        // A workbook of its own: the sheet the add-in writes (keyFiguresSheet), from these figures.
        const port = new (xlsxHost().XlsxPort)();
        await port.apply({
          sheets: [keyFiguresSheet(result, lang)],
          print: { lang, meetmoment: result.data.meetmoment },
          activate: KEY_FIGURES_SHEET,
        });
        await writeReport(ctx, port, o.out, { pdf: o.pdf, lang });
      }
      ctx.setExit(result.gaps.length ? 1 : 0);
    });
}
