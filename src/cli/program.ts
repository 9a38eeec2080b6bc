/**
 * The `vv-monitor` program: global options and one command per file in commands/. Commands, options,
 * JSON shapes and exit codes are a public interface (../shared/DESIGN.md). Help texts, commander's own
 * messages and ours are in the language asked for (main() reads --lang before building the program).
 */
import { Command, Option } from "commander";
import type { Lang } from "../core/vocabulary";
import type { CliContext } from "./context";
import { compareCommand } from "./commands/compare";
import { convertCommand } from "./commands/convert";
import { demoCommand } from "./commands/demo";
import { exportCommand } from "./commands/export";
import { kerncijfersCommand } from "./commands/kerncijfers";
import { mergeCommand } from "./commands/merge";
import { templateCommand } from "./commands/template";
import { totalsCommand } from "./commands/totals";
import { validateCommand } from "./commands/validate";
import { HELP } from "./help-texts";
import { localise, localiseProgram } from "./localise";

/** Every command, in the order the help lists them. */
const COMMANDS = [
  templateCommand,
  demoCommand,
  convertCommand,
  validateCommand,
  totalsCommand,
  kerncijfersCommand,
  compareCommand,
  exportCommand,
  mergeCommand,
];

/** The global --lang option; main() reads it before the program is built. */
export function langOption(lang: Lang = "nl"): Option {
  return new Option(`--lang <${lang === "nl" ? "taal" : "language"}>`, HELP[lang].lang)
    .choices(["nl", "en"])
    .default("nl");
}

export function buildProgram(ctx: CliContext): Command {
  const program = localiseProgram(
    new Command("vv-monitor").description(HELP[ctx.lang].program).addOption(langOption(ctx.lang)),
    ctx.lang,
    ctx.io
  );
  // Subcommands inherit neither the output streams nor the help settings: each gets them.
  for (const make of COMMANDS) program.addCommand(localise(make(ctx), ctx.lang, ctx.io));
  return program;
}
