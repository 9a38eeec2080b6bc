/** `merge <file.xlsx>... -o <out.xlsx>`: one workbook from many, with a summary per file. */
import { Command } from "commander";
import {
  mergeWorkbooks,
  nothingRecognised,
  readSnapshot,
  type SnapshotReading,
} from "../../workbook/flows";
import type { WorkbookSnapshot } from "../../workbook/port";
import { xlsxHost } from "../../xlsx/host";
import { checkNotInput, eachSnapshot, save, type CliContext } from "../context";
import { formatMerge, M } from "../format";
import { HELP } from "../help-texts";
import { collectGarbage } from "../free-memory";
import { formatReading } from "../reading";

export function mergeCommand(ctx: CliContext): Command {
  const h = HELP[ctx.lang];
  return new Command("merge")
    .description(h.merge)
    .argument(`<${h.arg.file}...>`)
    .requiredOption(`-o, --out <${h.arg.out}>`, h.mergeOut)
    .option("--force", h.force)
    .option("--verbose", h.verbose)
    .action(async (files: string[], o: { out: string; force?: boolean; verbose?: boolean }) => {
      const { lang, io } = ctx;
      checkNotInput(o.out, files, !!o.force, lang);
      // Each file is read on its own as soon as it arrives, while the worker threads read the next.
      // exceljs, which writes the result, loads then too (after the first file: the workers start first).
      const early = new Map<WorkbookSnapshot, SnapshotReading>();
      let host: ReturnType<typeof xlsxHost> | undefined;
      const outcome = await eachSnapshot(ctx, files, "inlezen", (_file, snapshot) => {
        early.set(snapshot, readSnapshot(snapshot, { lang }));
        host ??= xlsxHost();
      });
      if (outcome.failed.length) return ctx.setExit(2);
      const empty = outcome.results.filter((r) =>
        nothingRecognised(r.value, early.get(r.value)?.sources)
      );
      for (const r of empty)
        io.stderr(`vv-monitor: ${M[lang].nothingToDo(r.file, M[lang].verbs.merge)}\n`);
      if (empty.length) return ctx.setExit(2);
      // The merged workbook is only written: its tables' rows go straight into the file (bulk-save.ts).
      const out = new (host ?? xlsxHost()).BulkXlsxPort();
      const inputs = outcome.results.map((r) => ({
        file: r.file,
        snapshot: r.value,
        read: early.get(r.value),
      }));
      const release = () => {
        inputs.length = 0;
        outcome.results.length = 0;
        early.clear();
        // The snapshots collected now, before the writing adds its own: the merge's memory peak was both.
        collectGarbage();
      };
      const report = await mergeWorkbooks(inputs, out, { lang, release });
      await save(out, o.out, lang, { force: o.force, inputs: files });
      io.stdout(formatMerge(report, o.out, lang));
      if (o.verbose) io.stderr(formatReading(report.readings, lang));
      // A project reported differently by two files: both rows are in the merged workbook, to decide.
      ctx.setExit(report.overlaps.some((f) => f.severity === "error") ? 1 : 0);
    });
}
