/**
 * Tables as custom functions receive them (a matrix with the header row first), read by header label
 * through the template's column specs: so a table whose columns moved or were renamed to a known
 * alias still totals right, and a missing column is named in the message.
 */
import { foldHeader, parseProjectCode } from "../../core/parse";
import { mapHeaders, SHEET_BY_KEY, type ColumnSpec, type SheetSpec } from "../../core/template";
import { argScalar } from "./args";
import { parseCluster, parseSpeerpunt } from "./filter";
import { failed, type Failed } from "./result";

export const FIN: SheetSpec = SHEET_BY_KEY.financing;
const PROJ: SheetSpec = SHEET_BY_KEY.projects;

export function headerOf(sheet: SheetSpec, key: string): ColumnSpec {
  const c = sheet.columns.find((x) => x.key === key);
  if (!c) throw new Error(`${sheet.key}.${key} is not a template column`);
  return c;
}

/** A range argument as rows of cells, or null when it is a single value. */
export function tableArg(v: unknown): unknown[][] | null {
  if (!Array.isArray(v) || v.length === 0) return null;
  if (!Array.isArray(v[0])) return null;
  return v as unknown[][];
}

/** The label of a table's total row ("Totaal" in whatever column comes first): that row is not a project. */
const TOTAL_ROW_WORDS = new Set([
  "totaal",
  "total",
  "totalen",
  "totals",
  "eindtotaal",
  "grand total",
  "som",
  "sum",
]);

/** A row without a valid project code that carries a total label in any cell: Excel's total row. */
export function isTotalRow(row: readonly unknown[]): boolean {
  for (const v of row)
    if (typeof v === "string" && v.length < 20 && TOTAL_ROW_WORDS.has(foldHeader(v))) return true;
  return false;
}

/** Project code → cluster and speerpunt, from a Projecten table passed with its header row. */
export function readProjects(
  v: unknown,
  need: "cluster" | "speerpunt"
): { ok: true; map: Map<string, string> } | Failed {
  const t = tableArg(v);
  if (!t)
    return failed(
      "value",
      "De tabel Projecten is geen bereik. Geef de hele tabel mee met de kopregel, bv. tblProjecten[#Alles].",
      "The Projecten table is not a range; pass the whole table with its header row."
    );
  const m = mapHeaders(PROJ, t[0]);
  const ci = m.indexOf.get("code");
  const vi = m.indexOf.get(need);
  if (ci === undefined || vi === undefined) {
    const missing = [
      ci === undefined ? headerOf(PROJ, "code").header : null,
      vi === undefined ? headerOf(PROJ, need).header : null,
    ]
      .filter(Boolean)
      .join(" en ");
    return failed(
      "value",
      `In de tabel Projecten ontbreekt de kolom ${missing}. Geef de hele tabel mee met de kopregel, bv. tblProjecten[#Alles].`,
      `The Projecten table lacks the column ${missing}; pass the whole table with its header row.`
    );
  }
  const parse = need === "cluster" ? parseCluster : parseSpeerpunt;
  const map = new Map<string, string>();
  for (let i = 1; i < t.length; i++) {
    const row = t[i];
    const code = parseProjectCode(argScalar(row[ci]));
    if (!code.ok) continue;
    const val = parse(argScalar(row[vi]));
    if (val.ok && !map.has(code.value)) map.set(code.value, val.value);
  }
  return { ok: true, map };
}
