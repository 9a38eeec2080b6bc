/**
 * Commander in the user's language: its help headings, its "(choices: ...)" and "(default: ...)", and
 * its own error messages ("error: unknown option ..."), Dutch by default and English with --lang en.
 */
import { Command, Help, type Option, type Argument } from "commander";
import type { Lang } from "../core/vocabulary";
import { HELP } from "./help-texts";
import type { Io } from "./context";

const WORDS = {
  nl: {
    titles: {
      "Usage:": "Gebruik:",
      "Options:": "Opties:",
      "Commands:": "Opdrachten:",
      "Arguments:": "Argumenten:",
      "Global Options:": "Algemene opties:",
    } as Record<string, string>,
    usage: { "[options]": "[opties]", "[command]": "[opdracht]" } as Record<string, string>,
    choices: "keuze",
    default: "standaard",
    hint: "(vv-monitor --help en vv-monitor <opdracht> --help tonen de hulp)",
  },
  en: {
    titles: {} as Record<string, string>,
    usage: {} as Record<string, string>,
    choices: "choices",
    default: "default",
    hint: "(vv-monitor --help and vv-monitor <command> --help show the help)",
  },
};

/** Commander's error messages in Dutch: matched on commander's English text (commander 14). */
const DUTCH_ERRORS: [RegExp, (...m: string[]) => string][] = [
  [
    /^error: option '(.+)' argument '(.*)' is invalid\. Allowed choices are (.+)\.$/s,
    (o, v, c) => `fout: '${v}' is geen geldige waarde voor ${o}. Kies uit: ${c}.`,
  ],
  [/^error: unknown option '(.+?)'(.*)$/s, (o, rest) => `fout: onbekende optie '${o}'${did(rest)}`],
  [
    /^error: unknown command '(.+?)'(.*)$/s,
    (c, rest) => `fout: onbekende opdracht '${c}'${did(rest)}`,
  ],
  [/^error: missing required argument '(.+)'$/s, (a) => `fout: het argument '${a}' ontbreekt`],
  [
    /^error: option '(.+)' argument missing$/s,
    (o) => `fout: de optie '${o}' heeft een waarde nodig`,
  ],
  [/^error: required option '(.+)' not specified$/s, (o) => `fout: de optie '${o}' is verplicht`],
  [
    /^error: too many arguments(?: for '(.+)')?\. Expected (\d+) arguments? but got (\d+)\.$/s,
    (c, e, g) =>
      `fout: te veel argumenten${c ? ` voor '${c}'` : ""}: ${e} verwacht, ${g} gekregen.`,
  ],
  [/^error: (.*)$/s, (m) => `fout: ${m}`],
];

function did(rest: string): string {
  const m = /\(Did you mean (?:one of )?(.+)\?\)/.exec(rest);
  return m ? `\n(Bedoelt u ${m[1].replace(/, ([^,]+)$/, " of $1")}?)` : "";
}

/** A commander error message in the user's language. */
export function translateError(message: string, lang: Lang): string {
  if (lang === "en") return message;
  const text = message.replace(/\n$/, "");
  for (const [re, nl] of DUTCH_ERRORS) {
    const m = re.exec(text);
    if (m) return `${nl(...m.slice(1))}\n`;
  }
  return message;
}

function extra(desc: string | undefined, info: string[]): string {
  if (!info.length) return desc ?? "";
  return desc ? `${desc} (${info.join(", ")})` : `(${info.join(", ")})`;
}

/** Commander's Help with our headings, usage words and "(choices: ...)" in the user's language. */
function helpConfig(lang: Lang): Partial<Help> {
  const w = WORDS[lang];
  const words = (s: string) =>
    s
      .split(" ")
      .map((x) => w.usage[x] ?? x)
      .join(" ");
  return {
    styleTitle: (s: string) => w.titles[s] ?? s,
    styleUsage: words,
    // The list of commands in the program's help: "template [opties] <uit.xlsx>", not "[options]".
    styleSubcommandTerm: words,
    optionDescription(option: Option) {
      const info: string[] = [];
      if (option.argChoices) info.push(`${w.choices}: ${option.argChoices.join(", ")}`);
      const showDefault =
        option.defaultValue !== undefined &&
        (option.required || option.optional || typeof option.defaultValue === "boolean");
      if (showDefault)
        info.push(`${w.default}: ${option.defaultValueDescription ?? String(option.defaultValue)}`);
      return extra(option.description, info);
    },
    argumentDescription(argument: Argument) {
      const info: string[] = [];
      if (argument.argChoices) info.push(`${w.choices}: ${argument.argChoices.join(", ")}`);
      return extra(argument.description, info);
    },
  };
}

/** Give a command (and its help) the user's language, its output streams and our error handling. */
export function localise(cmd: Command, lang: Lang, io: Io): Command {
  const t = HELP[lang];
  return cmd
    .helpOption("-h, --help", t.help)
    .configureHelp(helpConfig(lang))
    .exitOverride()
    .configureOutput({
      writeOut: io.stdout,
      writeErr: io.stderr,
      outputError: (str, write) => write(translateError(str, lang)),
    })
    .showHelpAfterError(WORDS[lang].hint);
}

/** The program itself: also its help command. */
export function localiseProgram(program: Command, lang: Lang, io: Io): Command {
  const name = lang === "nl" ? "help [opdracht]" : "help [command]";
  return localise(program, lang, io).helpCommand(name, HELP[lang].helpCommand);
}

export { Command };
