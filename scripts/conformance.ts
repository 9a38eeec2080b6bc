/**
 * Print the conformance report of .xlsx files: each XML part against the ECMA-376 Transitional schemas
 * (xmllint), and the repair triggers the schemas cannot express. Exit 1 when any part fails or any
 * trigger is found. Usage: npm run conformance -- a.xlsx b.xlsx
 */
import { readFileSync } from "node:fs";
import { conformance, failingParts, formatReport } from "../test/conformance/ooxml";

async function main(files: string[]): Promise<number> {
  if (!files.length) {
    process.stderr.write("usage: npm run conformance -- file.xlsx...\n");
    return 2;
  }
  const reports = [];
  for (const f of files) reports.push(await conformance(f, readFileSync(f)));
  process.stdout.write(formatReport(reports) + "\n");
  return reports.some((r) => failingParts(r).length || r.triggers.length) ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => {
    process.stderr.write(`${(e as Error).message}\n`);
    process.exit(2);
  }
);
