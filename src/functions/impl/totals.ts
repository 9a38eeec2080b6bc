/**
 * The totals row of the Financiering table passed to a custom function: read the columns by header, read
 * each row's amounts, keep the rows that pass the filter, and let the core's totals() add them up. Every
 * cell that cannot be read stops the function with a message naming its row and column: a total is exactly
 * right or it is an error, never a silently smaller figure.
 */
import {
  MEASURES,
  totals,
  type FinancingAmounts,
  type Measure,
  type TotalsRow,
} from "../../core/calc";
import { parseAmount, parseProjectCode } from "../../core/parse";
import { mapHeaders } from "../../core/template";
import { argScalar, isBlankScalar, show } from "./args";
import {
  parseCluster,
  parseSpeerpunt,
  passes,
  readFilter,
  type Filter,
  type GroupSource,
} from "./filter";
import { failed, type Failed } from "./result";
import { FIN, headerOf, isTotalRow, readProjects, tableArg } from "./table";

export interface FinancingTotalsOptions {
  filtersoort?: unknown;
  filterwaarde?: unknown;
  projecten?: unknown;
}

/** Where a measure's amounts are in the table; undefined for the measures not asked for. */
type AmountColumns = Record<Measure, number | undefined>;

/**
 * The totals row (begroot, update = effective budget, vak, vek and their rates) of the financing rows
 * that pass the filter, computed by the core's totals(). `need` lists the amount columns that must exist.
 */
export function financingTotals(
  table: unknown,
  need: readonly Measure[],
  opts: FinancingTotalsOptions = {}
): { ok: true; row: TotalsRow } | Failed {
  const t = tableArg(table);
  if (!t)
    return failed(
      "value",
      "De eerste parameter moet de tabel Financiering zijn, met de kopregel: bv. tblFinanciering[#Alles].",
      "The first argument must be the Financiering table with its header row, e.g. tblFinanciering[#All]."
    );
  const f = readFilter(opts.filtersoort, opts.filterwaarde);
  if (!f.ok) return f;
  const col = mapHeaders(FIN, t[0]).indexOf;
  const cols = financingColumns(col, need);
  if (!cols.ok) return cols;
  const group = groupSource(f.filter, col, opts.projecten);
  if (!group.ok) return group;
  const rows = financingRows(t, cols.code, cols.amounts, f.filter, group.source);
  if (!rows.ok) return rows;
  // totals() reads only projectCode, begroot, update, vak and vek of a financing record. Grouped by
  // cluster without projects, every row falls in one group: only the overall total is used.
  return { ok: true, row: totals([], rows.rows, "cluster").total };
}

/** The project code column and the amount columns `need` asks for; an error naming the missing ones. */
function financingColumns(
  col: ReadonlyMap<string, number>,
  need: readonly Measure[]
): { ok: true; code: number; amounts: AmountColumns } | Failed {
  const code = col.get("projectCode");
  // "update" is the effective budget: the update column where filled in, else begroot; it needs begroot.
  const amountKeys = [...new Set(need.map((k) => (k === "update" ? "begroot" : k)))];
  const missing = [
    code === undefined ? "projectCode" : null,
    ...amountKeys.filter((k) => col.get(k) === undefined),
  ].filter((k): k is string => k !== null);
  if (code === undefined || missing.length > 0) {
    const names = missing.map((k) => `"${headerOf(FIN, k).header}"`).join(" en ");
    return failed(
      "value",
      `De tabel mist de kolom ${names}. Geef de hele tabel Financiering mee met de kopregel, bv. tblFinanciering[#Alles].`,
      `The table lacks the column ${names}. Pass the whole Financiering table with its header row, e.g. tblFinanciering[#All].`
    );
  }
  const amounts: AmountColumns = {
    begroot: need.includes("begroot") || need.includes("update") ? col.get("begroot") : undefined,
    update: need.includes("update") ? col.get("update") : undefined,
    vak: need.includes("vak") ? col.get("vak") : undefined,
    vek: need.includes("vek") ? col.get("vek") : undefined,
  };
  return { ok: true, code, amounts };
}

/** Where each row's cluster or speerpunt comes from: the computed column, else the Projecten table. */
function groupSource(
  filter: Filter | null,
  col: ReadonlyMap<string, number>,
  projecten: unknown
): { ok: true; source: GroupSource | undefined } | Failed {
  if (!filter || (filter.by !== "cluster" && filter.by !== "speerpunt"))
    return { ok: true, source: undefined };
  const column = col.get(filter.by);
  const parse = filter.by === "cluster" ? parseCluster : parseSpeerpunt;
  let projects: Map<string, string> | undefined;
  if (Array.isArray(projecten) || !isBlankScalar(argScalar(projecten))) {
    const p = readProjects(projecten, filter.by);
    if (!p.ok) return p;
    projects = p.map;
  }
  if (column === undefined && !projects) {
    const h = headerOf(FIN, filter.by).header;
    return failed(
      "value",
      `De tabel Financiering heeft geen kolom "${h}". Geef de tabel Projecten mee als vierde parameter, bv. tblProjecten[#Alles].`,
      `The Financiering table has no column "${h}". Pass the Projecten table as the fourth argument.`
    );
  }
  return { ok: true, source: { column, parse, projects } };
}

/** The amounts of the rows that count: skips the total row, rows without amounts and filtered-out rows. */
function financingRows(
  t: unknown[][],
  codeCol: number,
  amounts: AmountColumns,
  filter: Filter | null,
  group: GroupSource | undefined
): { ok: true; rows: FinancingAmounts[] } | Failed {
  const rows: FinancingAmounts[] = [];
  // Tables repeat few distinct codes: parse each text once.
  const codeCache = new Map<string, ReturnType<typeof parseProjectCode>>();
  for (let i = 1; i < t.length; i++) {
    const row = t[i];
    const raw = row[codeCol];
    let code = typeof raw === "string" ? codeCache.get(raw) : undefined;
    if (!code) {
      code = parseProjectCode(argScalar(raw));
      if (typeof raw === "string") codeCache.set(raw, code);
    }
    if (!code.ok && isTotalRow(row)) continue;
    if (!code.ok && code.reason === "error")
      return failed(
        "value",
        `Rij ${i + 1} van de tabel: de projectcode bevat de fout ${code.text}.`,
        `Row ${i + 1} of the table: the project code holds the error ${code.text}.`
      );
    const projectCode = code.ok ? code.value : "";
    const rec = rowAmounts(row, i, projectCode, amounts);
    if (!rec.ok) return rec;
    if (!rec.any) continue; // no amount in the summed columns: adds nothing (empty rows, notes)
    if (filter) {
      // A filtered total must not drop a euro silently: a row that cannot be placed is an error.
      if (projectCode === "") return unplaceable(i, raw);
      const p = rowPasses(filter, row, i, projectCode, group);
      if (typeof p !== "boolean") return p;
      if (!p) continue;
    }
    rows.push(rec.amounts);
  }
  return { ok: true, rows };
}

/** One row's amounts in the asked columns; `any` is false when none of them holds an amount. */
function rowAmounts(
  row: unknown[],
  i: number,
  projectCode: string,
  columns: AmountColumns
): { ok: true; amounts: FinancingAmounts; any: boolean } | Failed {
  const amounts: FinancingAmounts = {
    projectCode,
    begroot: null,
    update: null,
    vak: null,
    vek: null,
  };
  let any = false;
  for (const k of MEASURES) {
    const j = columns[k];
    if (j === undefined) continue;
    const v = row[j];
    if (typeof v === "number" && Number.isFinite(v)) {
      amounts[k] = v;
      any = true;
      continue;
    }
    const cell = argScalar(v);
    if (isBlankScalar(cell)) continue;
    const a = parseAmount(cell);
    if (!a.ok) {
      const h = headerOf(FIN, k).header;
      return a.reason === "error"
        ? failed(
            "value",
            `Rij ${i + 1} van de tabel, kolom "${h}": de cel bevat de fout ${a.text}.`,
            `Row ${i + 1}, column "${h}": the cell holds the error ${a.text}.`
          )
        : failed(
            "value",
            `Rij ${i + 1} van de tabel, kolom "${h}": "${show(cell)}" is geen bedrag. Typ een bedrag in euro, bv. 1650000 of 1.650.000.`,
            `Row ${i + 1}, column "${h}": "${show(cell)}" is not an amount.`
          );
    }
    amounts[k] = a.value;
    any = true;
  }
  return { ok: true, amounts, any };
}

/** Row `i` has amounts but no valid project code, so a filter cannot place it. */
function unplaceable(i: number, rawCode: unknown): Failed {
  const codeCell = show(argScalar(rawCode));
  return failed(
    "na",
    `Rij ${i + 1} van de tabel heeft bedragen maar geen geldige projectcode ("${codeCell}"): de rij kan niet gefilterd worden.`,
    `Row ${i + 1} has amounts but no valid project code ("${codeCell}").`
  );
}

/** Whether a row with amounts passes the filter; an error when its cluster or speerpunt is unknown. */
function rowPasses(
  filter: Filter,
  row: unknown[],
  i: number,
  projectCode: string,
  group: GroupSource | undefined
): boolean | Failed {
  const p = passes(filter, projectCode, row, group);
  if (p !== "unknown") return p;
  const h = headerOf(FIN, filter.by).header;
  return group?.projects
    ? failed(
        "na",
        `Rij ${i + 1} van de tabel: ${projectCode} staat niet in de tabel Projecten, dus de ${filter.by} is onbekend.`,
        `Row ${i + 1}: ${projectCode} is not in the Projecten table, so its ${filter.by} is unknown.`
      )
    : failed(
        "na",
        `Rij ${i + 1} van de tabel: de kolom "${h}" is leeg voor ${projectCode}. Geef de tabel Projecten mee als vierde parameter, bv. tblProjecten[#Alles].`,
        `Row ${i + 1}: the column "${h}" is empty for ${projectCode}. Pass the Projecten table as the fourth argument.`
      );
}
