/**
 * The `vv-monitor` program: global options and one command per file in commands/. Commands, options,
 * JSON shapes and exit codes are a public interface (../shared/DESIGN.md).
 */
import { Command, Option } from "commander";
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
export function langOption(): Option {
  return new Option("--lang <taal>", "taal van de uitvoer: nl of en")
    .choices(["nl", "en"])
    .default("nl");
}

export function buildProgram(ctx: CliContext): Command {
  const program = new Command("vv-monitor")
    .description(
      "Monitoringswerkmappen van Vlaamse Veerkracht: sjabloon, omzetten, valideren, totalen, export, samenvoegen"
    )
    .addOption(langOption())
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: ctx.io.stdout, writeErr: ctx.io.stderr });
  for (const make of COMMANDS) {
    // Subcommands inherit neither exitOverride nor the output streams: give them both.
    const cmd = make(ctx)
      .exitOverride()
      .configureOutput({ writeOut: ctx.io.stdout, writeErr: ctx.io.stderr })
      .showHelpAfterError();
    program.addCommand(cmd);
  }
  return program;
}
