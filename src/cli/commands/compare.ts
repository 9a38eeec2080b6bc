/**
 * `compare <previous.xlsx> <current.xlsx> [--json]`: what changed between two meetmomenten. Exit 0; 1 when
 * values the comparison reads could not be read (they are listed); 2 when a file cannot be read.
 */
import { Command } from "commander";
import { compareMeetmomenten, comparisonJson, readMeetmoment } from "../../workbook/flows";
import { readWorkbookFiles } from "../../xlsx/stream/pool";
import { type CliContext } from "../context";
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
    .action(async (previousFile: string, currentFile: string, o: { json?: boolean }) => {
      const { lang, io } = ctx;
      // Both files at once (worker threads); the first that cannot be read is the error, as before.
      const [previous, current] = (await readWorkbookFiles([previousFile, currentFile])).map(
        (r) => {
          if ("error" in r) throw r.error;
          return readMeetmoment(r.snapshot, { file: r.file, lang });
        }
      );
      const result = compareMeetmomenten(previous, current);
      if (o.json) {
        io.stdout(JSON.stringify(comparisonJson(result), null, 2) + "\n");
        if (result.gaps.length)
          io.stderr(`${COMPARE_MESSAGES[lang].gaps(result.gaps.length)}\n${gapLines(result.gaps)}`);
      } else
        io.stdout(formatComparison(result, { previous: previousFile, current: currentFile }, lang));
      ctx.setExit(result.gaps.length ? 1 : 0);
    });
}
