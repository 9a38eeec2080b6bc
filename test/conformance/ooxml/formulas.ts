/**
 * Formulas as a file stores them: English function names, `,` between arguments, and the `_xlfn.`
 * prefix on functions newer than Excel 2007 (without it Excel shows #NAME?). Dutch names or `;`
 * separators in a file are what a writer produces when it copies what a Dutch user sees.
 */
import { BUILTIN_EN, BUILTIN_NL } from "../../functions/builtins";

const ENGLISH = new Set(BUILTIN_EN);
const DUTCH_ONLY = new Set(BUILTIN_NL.filter((n) => !ENGLISH.has(n)));
/** Functions added after Excel 2007 among the known English names: a file must store them as `_xlfn.NAME`. */
const FUTURE = new Set(
  `AGGREGATE BYCOL BYROW CEILING.MATH CHOOSECOLS CHOOSEROWS COMBINA CONCAT DAYS DROP EXPAND FILTER GROUPBY HSTACK IFNA
IFS LAMBDA LET PDURATION PERCENTOF PHI PIVOTBY RANDARRAY REDUCE REGEXEXTRACT REGEXREPLACE REGEXTEST RRI SCAN SEQUENCE
SORT SORTBY SWITCH TAKE TEXTAFTER TEXTBEFORE TEXTJOIN TEXTSPLIT TOCOL TOROW UNIQUE VALUETOTEXT VAR.P VAR.S VSTACK
WRAPCOLS WRAPROWS XLOOKUP XMATCH XOR BETA.DIST BINOM.DIST BITAND`.split(/\s+/)
);
const PREFIXES = ["_XLFN.", "_XLL.", "_XLWS.", "_XLUDF.", "_XLPM."];

/** The formula with string literals, quoted sheet names and structured references blanked out. */
function code(formula: string): { text: string; semicolonsOutsideArrays: number } {
  let text = "";
  let semis = 0;
  let braces = 0;
  for (let i = 0; i < formula.length; i++) {
    const ch = formula[i];
    const close = ch === '"' ? '"' : ch === "'" ? "'" : ch === "[" ? "]" : null;
    if (close) {
      // Skip to the matching close; a doubled quote is an escaped quote.
      let j = i + 1;
      for (; j < formula.length; j++) {
        if (formula[j] !== close) continue;
        if (close !== "]" && formula[j + 1] === close) j++;
        else break;
      }
      text += ch === "'" ? "'S'" : " ";
      i = j;
      continue;
    }
    if (ch === "{") braces++;
    if (ch === "}") braces--;
    if (ch === ";" && braces === 0) semis++;
    text += ch;
  }
  return { text, semicolonsOutsideArrays: semis };
}

/** What is wrong with one stored formula, in words; [] when nothing. */
export function formulaProblems(formula: string): string[] {
  const problems: string[] = [];
  const { text, semicolonsOutsideArrays } = code(formula);
  if (semicolonsOutsideArrays) problems.push(`';' as an argument separator (a file stores ',')`);
  const re = /(^|[^A-Za-z0-9_.'!$])([A-Za-z_][A-Za-z0-9_.]*)\(/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const name = m[2].toUpperCase();
    if (PREFIXES.some((p) => name.startsWith(p))) continue;
    if (DUTCH_ONLY.has(name)) problems.push(`Dutch function name ${name}`);
    else if (FUTURE.has(name)) problems.push(`${name} without the _xlfn. prefix`);
    else if (!ENGLISH.has(name)) problems.push(`unknown function ${name}`);
  }
  return problems;
}
