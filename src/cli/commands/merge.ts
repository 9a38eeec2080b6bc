/** `merge <file.xlsx>... -o <out.xlsx>`: one workbook from many, with a summary per file. */
import { Command } from "commander";
import { mergeWorkbooks } from "../../workbook/flows";
import { XlsxPort } from "../../xlsx/port";
import { eachFile, save, type CliContext } from "../context";
import { formatMerge } from "../format";

export function mergeCommand(ctx: CliContext): Command {
  return new Command("merge")
    .description("één werkmap uit vele, met een samenvatting per bestand")
    .argument("<file.xlsx...>")
    .requiredOption("-o, --out <out.xlsx>", "de samengevoegde werkmap")
    .action(async (files: string[], o: { out: string }) => {
      const { lang } = ctx;
      const outcome = await eachFile(ctx, files, "inlezen", async (file, port) => ({
        file,
        snapshot: await port.read(),
      }));
      if (outcome.failed.length) {
        ctx.setExit(2);
        return;
      }
      const out = new XlsxPort();
      const report = await mergeWorkbooks(
        outcome.results.map((r) => r.value),
        out,
        { lang }
      );
      await save(out, o.out, lang);
      ctx.io.stdout(formatMerge(report, o.out, lang));
    });
}
