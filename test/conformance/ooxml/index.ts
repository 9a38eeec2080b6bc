/**
 * The conformance report of one .xlsx: every XML part against the ECMA-376 Transitional schemas, and
 * the repair triggers the schemas cannot express. `npm run conformance -- file.xlsx...` prints it.
 */
import { repairTriggers, type Trigger } from "./checks";
import { OoxmlPackage } from "./package";
import { validateParts, type PartResult } from "./schemas";

export interface ConformanceReport {
  file: string;
  parts: PartResult[];
  triggers: Trigger[];
}

export async function conformance(file: string, bytes: Buffer): Promise<ConformanceReport> {
  const pkg = await OoxmlPackage.load(bytes);
  return { file, parts: validateParts(pkg), triggers: repairTriggers(pkg) };
}

export function failingParts(r: ConformanceReport): PartResult[] {
  return r.parts.filter((p) => p.status === "invalid" || p.status === "not-xml");
}

/** One line per file, then each failing part and trigger (first errors only). */
export function formatReport(reports: ConformanceReport[], maxErrors = 3): string {
  const lines: string[] = [];
  for (const r of reports) {
    const valid = r.parts.filter((p) => p.status === "valid").length;
    const failing = failingParts(r);
    const other = r.parts.filter((p) => p.status === "skipped" || p.status === "no-schema");
    lines.push(
      `${r.file}: ${r.parts.length} XML parts, ${valid} valid, ${failing.length} failing` +
        `${other.length ? `, ${other.length} not validated (${other.map((p) => `${p.part}: ${p.note}`).join("; ")})` : ""}` +
        `; ${r.triggers.length} repair triggers`
    );
    for (const p of failing) {
      lines.push(`  FAIL ${p.part} (${p.schema ?? "not XML"})`);
      for (const e of p.errors.slice(0, maxErrors)) lines.push(`       ${e}`);
      if (p.errors.length > maxErrors) lines.push(`       … ${p.errors.length - maxErrors} more`);
    }
    const byCheck = new Map<string, Trigger[]>();
    for (const t of r.triggers) byCheck.set(t.check, [...(byCheck.get(t.check) ?? []), t]);
    for (const [check, list] of byCheck) {
      lines.push(`  TRIGGER ${check}: ${list.length}`);
      for (const t of list.slice(0, maxErrors)) lines.push(`       ${t.part}: ${t.detail}`);
      if (list.length > maxErrors) lines.push(`       … ${list.length - maxErrors} more`);
    }
  }
  return lines.join("\n");
}

export type { Trigger } from "./checks";
export type { PartResult } from "./schemas";
