/** docs/template.md is generated from the schema: it must match what the generator writes now. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { templateDoc } from "../../src/cli/template-doc";
import { SHEETS } from "../../src/core/template";

it("docs/template.md matches the schema (regenerate: npx tsx src/cli/template-doc.ts > docs/template.md)", () => {
  const doc = readFileSync(join(__dirname, "../../docs/template.md"), "utf8");
  expect(doc).toBe(templateDoc());
  for (const s of SHEETS)
    for (const c of s.columns) expect(doc).toContain(`| ${c.header.replace(/\|/g, "\\|")} |`);
});
