import { readFileSync } from "node:fs";
import { join } from "node:path";
import { renderRulesDoc } from "../../scripts/rules-doc";

test("docs/rules.md is generated from the rule catalogue and up to date (npm run docs:rules)", () => {
  expect(readFileSync(join(__dirname, "../../docs/rules.md"), "utf8")).toBe(renderRulesDoc());
});
