/**
 * docs/rules.md, generated from the rule catalogue (src/core/rules, one file per rule) so the docs cannot drift:
 * `npm run docs:rules` writes it, test/core/docs.test.ts fails when it is stale. The example messages are
 * real: each comes from validating the example in the rule's file (run by test/support/rule-cases.ts).
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { RULES } from "../src/core/rules";
import { validateTables } from "../src/core/validate";
import { cases, MEETMOMENT, tables, validBook } from "../test/support/rule-cases";

function example(code: (typeof RULES)[number]["code"]): string {
  const c = cases[code];
  const book = validBook();
  const t = c.break(book) ?? tables(book);
  const findings = c.findings
    ? c.findings("nl")
    : validateTables(t, { meetmoment: c.meetmoment === null ? null : MEETMOMENT }).findings;
  const f = findings.find((x) => x.rule === code);
  if (!f) throw new Error(`rule ${code}: its case does not trigger it`);
  return `${f.cell ? `${f.sheet}!${f.cell}: ` : ""}${f.message}`;
}

export function renderRulesDoc(): string {
  const errors = RULES.filter((r) => r.severity === "error").length;
  const lines = [
    "# Validation rules",
    "",
    "<!-- Generated from src/core/rules by `npm run docs:rules`. Do not edit by hand. -->",
    "",
    `${RULES.length} rules: ${errors} errors (the workbook must be corrected; \`vv-monitor validate\` exits 1) and ${RULES.length - errors} warnings (worth a look; exit 0).`,
    "Each finding names the sheet, the cell, the column, the project code, the rule code below and a message in Dutch (or English with `--lang en`).",
    "Number notation, quarters and codes are read as described in [parsing.md](parsing.md).",
    "",
    "| Code | Severity | Checks | Example finding (nl) |",
    "|---|---|---|---|",
    ...RULES.map(
      (r) =>
        `| \`${r.code}\` | ${r.severity} | ${r.title.nl} (${r.title.en}) | ${example(r.code).replace(/\|/g, "\\|").replace(/\n/g, " ")} |`
    ),
    "",
  ];
  return lines.join("\n");
}

if (require.main === module) {
  writeFileSync(join(__dirname, "../docs/rules.md"), renderRulesDoc());
  console.log(`docs/rules.md: ${RULES.length} rules`);
}
