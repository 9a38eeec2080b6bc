/**
 * `compare <previous.xlsx> <current.xlsx> [--json] [-o <out.xlsx> [--pdf] [--force]]`: what changed between
 * two meetmomenten; `-o` writes the current workbook with the add-in's Vergelijking sheet added (each change
 * linked to its row there), by the add-in's own flow (buildComparison). Exit 0; 1 when
 * values the comparison reads could not be read (they are listed); 2 when a file cannot be read.
 */
import { Command } from "commander";
import {
  buildComparison,
  compareMeetmomenten,
  comparisonJson,
  readMeetmoment,
} from "../../workbook/flows";
import { xlsxHost } from "../../xlsx/host";
import type { XlsxPort } from "../../xlsx/port";
import { writeReport } from "../report-output";
import { readWorkbookFiles } from "../../xlsx/stream/pool";
import { checkNotInput, type CliContext } from "../context";

interface CompareOptions {
  json?: boolean;
  out?: string;
  pdf?: boolean;
  force?: boolean;
}
import { COMPARE_MESSAGES, formatComparison } from "../compare-format";
import { HELP } from "../help-texts";
import { gapLines } from "../key-figures-format";

export function compareCommand(ctx: CliContext): Command {
  const h = HELP[ctx.lang];
  return new Command("compare")
    .description(h.compare)
    .argument(`<${h.argPrevious}>`, h.previousFile)
    .argument(`<${h.argCurrent}>`, h.currentFile)
    .option("--json", h.json)
    .option(`-o, --out <${h.arg.out}>`, h.compareOut)
    .option("--pdf", h.pdf)
    .option("--force", h.force)
    .action(async (previousFile: string, currentFile: string, o: CompareOptions) => {
      const { lang, io } = ctx;
      if (o.out) checkNotInput(o.out, [previousFile, currentFile], !!o.force, lang);
      // Both files at once (worker threads); the first that cannot be read is the error, as before.
      const read = (await readWorkbookFiles([previousFile, currentFile])).map((r) => {
        if ("error" in r) throw r.error;
        return r;
      });
      const [previous, current] = read.map((r) =>
        readMeetmoment(r.snapshot, { file: r.file, lang })
      );
      let result = compareMeetmomenten(previous, current);
      let port: XlsxPort | null = null;
      if (o.out) {
        // The add-in's flow on the current workbook, opened whole: the sheet's links lead to its rows.
        port = await xlsxHost().openXlsx(currentFile);
        result = await buildComparison(port, {
          previous: { snapshot: read[0].snapshot, file: previousFile },
          lang,
          activate: true,
        });
      }
      if (o.json) {
        io.stdout(JSON.stringify(comparisonJson(result), null, 2) + "\n");
        if (result.gaps.length)
          io.stderr(`${COMPARE_MESSAGES[lang].gaps(result.gaps.length)}\n${gapLines(result.gaps)}`);
      } else
        io.stdout(formatComparison(result, { previous: previousFile, current: currentFile }, lang));
      if (port && o.out) await writeReport(ctx, port, o.out, { pdf: o.pdf, lang });
      ctx.setExit(result.gaps.length ? 1 : 0);
    });
}
