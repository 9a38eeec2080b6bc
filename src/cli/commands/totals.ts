/** `totals <file.xlsx>... [--by cluster|speerpunt|project|envelop] [--json]`: amounts per group. */
import { Command, Option } from "commander";
import { totals, type GroupBy, type TotalsRow } from "../../core/calc";
import { emptyRecords, type Records } from "../../core/records";
import { validateSnapshot } from "../../workbook/flows";
import { eachFile, type CliContext } from "../context";
import { formatTotals } from "../format";

export function totalsCommand(ctx: CliContext): Command {
  return new Command("totals")
    .description("beleidsruimte, VAK en VEK per groep en in totaal")
    .argument("<file.xlsx...>")
    .addOption(
      new Option("--by <groep>", "groepering")
        .choices(["cluster", "speerpunt", "project", "envelop"])
        .default("speerpunt")
    )
    .option("--json", "als JSON op stdout")
    .action(async (files: string[], o: { by: GroupBy; json?: boolean }) => {
      const { lang, io } = ctx;
      const outcome = await eachFile(
        ctx,
        files,
        "lezen",
        async (_file, port) => validateSnapshot(await port.read(), { lang }).records
      );
      const all: Records = emptyRecords();
      for (const { value } of outcome.results)
        for (const k of Object.keys(all) as (keyof Records)[])
          (all[k] as unknown[]).push(...value[k]);
      const t = totals(all.projects, all.financing, o.by, lang);
      if (o.json)
        io.stdout(
          JSON.stringify(
            { groups: t.groups.map(totalsJson), total: totalsJson(t.total) },
            null,
            2
          ) + "\n"
        );
      else io.stdout(formatTotals(t, lang));
      ctx.setExit(outcome.failed.length ? 2 : 0);
    });
}

/** One group as the public JSON shape {key, label, count, begroot, update, vak, vek}. */
export function totalsJson(r: TotalsRow) {
  return {
    key: r.key,
    label: r.label,
    count: r.count,
    begroot: r.begroot,
    update: r.update,
    vak: r.vak,
    vek: r.vek,
  };
}
