/**
 * The custom functions' logic without the Office runtime: argument reading (blanks, Dutch text amounts,
 * error cells), table reading by header label, filtering, and the calls into the core. Every function
 * returns a result object, never throws and never builds a CustomFunctions.Error (the thin layer in
 * functions.ts does that), so that all of it runs under jest and in the benchmark.
 */
import { realisatiegraad, totals, type TotalsRow } from "../core/calc";
import { toScalar, isErrorValue, type Scalar } from "../core/cells";
import {
  foldHeader,
  makeListParser,
  parseAmount,
  parseNumber,
  parseProjectCode,
} from "../core/parse";
import type { FinancingAmounts } from "../core/calc";
import { mapHeaders, SHEET_BY_KEY, type ColumnSpec, type SheetSpec } from "../core/template";
import { CLUSTER_LABELS, envelopeOf, SPEERPUNTEN, type EnvelopeKey } from "../core/vocabulary";

export type FnError = "value" | "na" | "div0";
export type FnResult =
  { ok: true; value: number } | { ok: false; error: FnError; message: { nl: string; en: string } };

function fail(error: FnError, nl: string, en: string): FnResult {
  return { ok: false, error, message: { nl, en } };
}

/**
 * A cell value as custom functions receive it, made a core scalar. Besides what toScalar knows, Excel
 * may hand an error cell over as a CustomFunctions.Error-like object `{code: "#N/A"}`, and a blank cell
 * as "" or null; single-cell arguments can also arrive as a 1x1 matrix.
 */
export function argScalar(v: unknown): Scalar {
  if (Array.isArray(v)) {
    if (v.length === 1 && Array.isArray(v[0]) && v[0].length === 1) return argScalar(v[0][0]);
    return { error: "#VALUE!" };
  }
  if (v !== null && typeof v === "object" && !(v instanceof Date)) {
    const code = (v as { code?: unknown }).code;
    if (typeof code === "string" && code.startsWith("#")) return { error: code };
  }
  return toScalar(v);
}

function isBlankScalar(s: Scalar): boolean {
  return s === null || (typeof s === "string" && s.trim() === "");
}

function show(s: Scalar): string {
  if (s === null) return "";
  if (s instanceof Date) return s.toISOString().slice(0, 10);
  if (isErrorValue(s)) return s.error;
  return String(s);
}

/** A numeric argument: blank → null, a number or text in Dutch/English notation → number, else an error. */
function numberArg(
  v: unknown,
  what: { nl: string; en: string }
): { ok: true; value: number | null } | { ok: false; result: FnResult } {
  const s = argScalar(v);
  if (isBlankScalar(s)) return { ok: true, value: null };
  const p = parseNumber(s);
  if (p.ok) return { ok: true, value: p.value };
  if (p.reason === "error")
    return {
      ok: false,
      result: fail(
        "value",
        `${cap(what.nl)} bevat de fout ${p.text}.`,
        `${cap(what.en)} holds the error ${p.text}.`
      ),
    };
  return {
    ok: false,
    result: fail(
      "value",
      `${cap(what.nl)} is geen getal: "${show(s)}". Typ een getal, bv. 1650000 of 1.650.000.`,
      `${cap(what.en)} is not a number: "${show(s)}".`
    ),
  };
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const TRUE_WORDS = new Set(["true", "waar", "ja", "yes", "j", "y", "1", "aftoppen", "cap"]);
const FALSE_WORDS = new Set(["false", "onwaar", "nee", "no", "n", "0"]);

/** A yes/no argument: omitted or blank → the default; TRUE/FALSE, 1/0, ja/nee, waar/onwaar. */
export function booleanArg(v: unknown, dflt: boolean): boolean | null {
  const s = argScalar(v);
  if (isBlankScalar(s)) return dflt;
  if (typeof s === "boolean") return s;
  if (typeof s === "number") return s === 1 ? true : s === 0 ? false : null;
  if (typeof s === "string") {
    const f = foldHeader(s);
    if (TRUE_WORDS.has(f)) return true;
    if (FALSE_WORDS.has(f)) return false;
  }
  return null;
}

/**
 * REALISATIEGRAAD / REALISATIONRATE: (realisatie − beginwaarde) / (streefwaarde − beginwaarde), as a
 * fraction (0,072 for 7,2 %), optionally capped at 100 %. The computation is the core's realisatiegraad.
 */
export function realisationRate(
  realisatie: unknown,
  streefwaarde: unknown,
  beginwaarde?: unknown,
  aftoppen?: unknown
): FnResult {
  const r = numberArg(realisatie, { nl: "de realisatie", en: "the realised value" });
  if (!r.ok) return r.result;
  const t = numberArg(streefwaarde, { nl: "de streefwaarde", en: "the target" });
  if (!t.ok) return t.result;
  const b = numberArg(beginwaarde, { nl: "de beginwaarde", en: "the baseline" });
  if (!b.ok) return b.result;
  const c = booleanArg(aftoppen, false);
  if (c === null)
    return fail(
      "value",
      `Aftoppen moet WAAR of ONWAAR zijn, niet "${show(argScalar(aftoppen))}".`,
      `Cap must be TRUE or FALSE, not "${show(argScalar(aftoppen))}".`
    );
  const res = realisatiegraad(r.value, t.value, { baseline: b.value, cap: c });
  return res.ok ? res : fail(res.error, res.message.nl, res.message.en);
}

// ---------------------------------------------------------------------------------------------------
// Totals over the Financiering table

export type Measure = "begroot" | "update" | "vak" | "vek";
export type FilterBy = "cluster" | "speerpunt" | "envelop" | "codes";

/** Canonical filter kinds and the words that mean them (folded). */
const FILTER_WORDS: Record<FilterBy, readonly string[]> = {
  cluster: ["cluster", "clusters"],
  speerpunt: ["speerpunt", "speerpunten", "spearhead", "spearheads"],
  envelop: ["envelop", "envelope", "enveloppe", "budget envelope"],
  codes: ["codes", "code", "projectcode", "projectcodes", "project", "projecten", "projects"],
};

export function filterByArg(v: unknown): FilterBy | null | undefined {
  const s = argScalar(v);
  if (isBlankScalar(s)) return null;
  if (typeof s !== "string") return undefined;
  const f = foldHeader(s);
  for (const [k, words] of Object.entries(FILTER_WORDS))
    if (words.includes(f)) return k as FilterBy;
  return undefined;
}

const MEASURE_WORDS: Record<"begroot" | "update", readonly string[]> = {
  begroot: ["begroot", "oorspronkelijk", "origineel", "original"],
  update: ["update", "bijgesteld", "bijstelling", "revised", "actueel"],
};

/** Which budget BELEIDSRUIMTE / BUDGET totals: "update" (the default: update, else begroot) or "begroot". */
export function budgetVersionArg(v: unknown): "begroot" | "update" | undefined {
  const s = argScalar(v);
  if (isBlankScalar(s)) return "update";
  if (typeof s !== "string") return undefined;
  const f = foldHeader(s);
  if (MEASURE_WORDS.begroot.includes(f)) return "begroot";
  if (MEASURE_WORDS.update.includes(f)) return "update";
  return undefined;
}

/** What VEKGRAAD / PAYMENTRATE divides by. */
export function paymentBaseArg(v: unknown): "beleidsruimte" | "vak" | undefined {
  const s = argScalar(v);
  if (isBlankScalar(s)) return "beleidsruimte";
  if (typeof s !== "string") return undefined;
  const f = foldHeader(s);
  if (["beleidsruimte", "budget", "update", "begroot"].includes(f)) return "beleidsruimte";
  if (["vak", "vastleggingen", "commitments", "uitvoering vak"].includes(f)) return "vak";
  return undefined;
}

type CodeRange = { from: number; to: number };

/** "VV001:VV158", "VV001-VV158", "VV012", "VV001:VV010;VV020" (also with "," or ".." or "–"). */
export function parseCodeRanges(v: unknown): CodeRange[] | null {
  const s = argScalar(v);
  if (typeof s !== "string" || s.trim() === "") return null;
  const out: CodeRange[] = [];
  for (const part of s.split(/[;,]/)) {
    const p = part.trim();
    if (p === "") continue;
    const ends = p.split(/\s*(?::|\.\.|–|—|-(?=\s*v))\s*/i);
    if (ends.length > 2) return null;
    const nums: number[] = [];
    for (const e of ends) {
      const c = parseProjectCode(e);
      if (!c.ok) return null;
      nums.push(Number(c.value.slice(2)));
    }
    const [a, b = a] = nums;
    out.push({ from: Math.min(a, b), to: Math.max(a, b) });
  }
  return out.length > 0 ? out : null;
}

const parseCluster = makeListParser(CLUSTER_LABELS);
const parseSpeerpunt = makeListParser(SPEERPUNTEN);

function parseEnvelope(v: unknown): EnvelopeKey | null {
  const s = argScalar(v);
  if (typeof s !== "string") return null;
  const f = foldHeader(s);
  if (["relance", "relancebudget", "recovery", "vv001 158", "vv001 vv158"].includes(f))
    return "relance";
  if (["regulier", "reguliere begroting", "regular", "vv159 180", "vv159 vv180"].includes(f))
    return "regulier";
  return null;
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
function isTotalRow(row: readonly unknown[]): boolean {
  for (const v of row)
    if (typeof v === "string" && v.length < 20 && TOTAL_ROW_WORDS.has(foldHeader(v))) return true;
  return false;
}

const FIN: SheetSpec = SHEET_BY_KEY.financing;
const PROJ: SheetSpec = SHEET_BY_KEY.projects;

function headerOf(sheet: SheetSpec, key: string): ColumnSpec {
  const c = sheet.columns.find((x) => x.key === key);
  if (!c) throw new Error(`${sheet.key}.${key} is not a template column`);
  return c;
}

function tableArg(v: unknown): unknown[][] | null {
  if (!Array.isArray(v) || v.length === 0) return null;
  if (!Array.isArray(v[0])) return null;
  return v as unknown[][];
}

interface Filter {
  by: FilterBy;
  /** The canonical label (cluster, speerpunt), envelope key, or code ranges. */
  label?: string;
  envelope?: EnvelopeKey;
  ranges?: CodeRange[];
}

function readFilter(
  filtersoort: unknown,
  filterwaarde: unknown
): { ok: true; filter: Filter | null } | { ok: false; result: FnResult } {
  const by = filterByArg(filtersoort);
  const valueBlank = isBlankScalar(argScalar(filterwaarde));
  if (by === undefined)
    return {
      ok: false,
      result: fail(
        "value",
        `Onbekende filtersoort "${show(argScalar(filtersoort))}". Kies "cluster", "speerpunt", "envelop" of "codes".`,
        `Unknown filter type "${show(argScalar(filtersoort))}". Use "cluster", "speerpunt", "envelop" or "codes".`
      ),
    };
  if (by === null) {
    if (!valueBlank)
      return {
        ok: false,
        result: fail(
          "value",
          'Er is een filterwaarde maar geen filtersoort. Kies "cluster", "speerpunt", "envelop" of "codes".',
          "A filter value was given without a filter type."
        ),
      };
    return { ok: true, filter: null };
  }
  if (valueBlank)
    return {
      ok: false,
      result: fail(
        "value",
        `Geef een filterwaarde voor de filtersoort "${by}".`,
        `Give a filter value for the filter type "${by}".`
      ),
    };
  const raw = show(argScalar(filterwaarde));
  switch (by) {
    case "cluster": {
      const p = parseCluster(argScalar(filterwaarde));
      if (!p.ok)
        return {
          ok: false,
          result: fail(
            "value",
            `Onbekende cluster "${raw}". Typ het label uit de lijst, bv. "05. Versterking O&O", of alleen het nummer, bv. "05".`,
            `Unknown cluster "${raw}". Use the label from the list, e.g. "05. Versterking O&O", or its number.`
          ),
        };
      return { ok: true, filter: { by, label: p.value } };
    }
    case "speerpunt": {
      const p = parseSpeerpunt(argScalar(filterwaarde));
      if (!p.ok)
        return {
          ok: false,
          result: fail(
            "value",
            `Onbekend speerpunt "${raw}". Typ het label uit de lijst, bv. "02. Investeren in infrastructuur", of alleen het nummer, bv. "02".`,
            `Unknown spearhead "${raw}". Use the label from the list or its number.`
          ),
        };
      return { ok: true, filter: { by, label: p.value } };
    }
    case "envelop": {
      const e = parseEnvelope(filterwaarde);
      if (!e)
        return {
          ok: false,
          result: fail(
            "value",
            `Onbekende envelop "${raw}". Kies "relance" (VV001–VV158) of "regulier" (VV159–VV180).`,
            `Unknown envelope "${raw}". Use "relance" (VV001–VV158) or "regulier" (VV159–VV180).`
          ),
        };
      return { ok: true, filter: { by, envelope: e } };
    }
    case "codes": {
      const r = parseCodeRanges(filterwaarde);
      if (!r)
        return {
          ok: false,
          result: fail(
            "value",
            `Onleesbare projectcodes "${raw}". Typ bv. "VV001:VV158", "VV012" of "VV001:VV010;VV020".`,
            `Unreadable project codes "${raw}". Use e.g. "VV001:VV158", "VV012" or "VV001:VV010;VV020".`
          ),
        };
      return { ok: true, filter: { by, ranges: r } };
    }
  }
}

/** Project code → cluster and speerpunt, from a Projecten table passed with its header row. */
function readProjects(
  v: unknown,
  need: "cluster" | "speerpunt"
): { ok: true; map: Map<string, string> } | { ok: false; result: FnResult } {
  const t = tableArg(v);
  if (!t)
    return {
      ok: false,
      result: fail(
        "value",
        "De tabel Projecten is geen bereik. Geef de hele tabel mee met de kopregel, bv. tblProjecten[#Alles].",
        "The Projecten table is not a range; pass the whole table with its header row."
      ),
    };
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
    return {
      ok: false,
      result: fail(
        "value",
        `In de tabel Projecten ontbreekt de kolom ${missing}. Geef de hele tabel mee met de kopregel, bv. tblProjecten[#Alles].`,
        `The Projecten table lacks the column ${missing}; pass the whole table with its header row.`
      ),
    };
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

type Amounts = FinancingAmounts;

export interface FinancingTotalsOptions {
  filtersoort?: unknown;
  filterwaarde?: unknown;
  projecten?: unknown;
}

/**
 * The totals row (begroot, update = effective budget, vak, vek and their rates) of the financing rows
 * that pass the filter, computed by the core's totals(). `need` lists the amount columns that must exist.
 */
export function financingTotals(
  table: unknown,
  need: readonly Measure[],
  opts: FinancingTotalsOptions = {}
): { ok: true; row: TotalsRow } | { ok: false; result: FnResult } {
  const t = tableArg(table);
  if (!t)
    return {
      ok: false,
      result: fail(
        "value",
        "De eerste parameter moet de tabel Financiering zijn, met de kopregel: bv. tblFinanciering[#Alles].",
        "The first argument must be the Financiering table with its header row, e.g. tblFinanciering[#All]."
      ),
    };
  const f = readFilter(opts.filtersoort, opts.filterwaarde);
  if (!f.ok) return f;
  const filter = f.filter;

  const m = mapHeaders(FIN, t[0]);
  const col = (k: string) => m.indexOf.get(k);
  const codeI = col("projectCode");
  // "update" is the effective budget: the update column where filled in, else begroot; it needs begroot.
  const amountKeys = [...new Set(need.map((k) => (k === "update" ? "begroot" : k)))];
  const missing = [
    codeI === undefined ? "projectCode" : null,
    ...amountKeys.filter((k) => col(k) === undefined),
  ].filter((k): k is string => k !== null);
  if (missing.length > 0) {
    const names = missing.map((k) => `"${headerOf(FIN, k).header}"`).join(" en ");
    return {
      ok: false,
      result: fail(
        "value",
        `De tabel mist de kolom ${names}. Geef de hele tabel Financiering mee met de kopregel, bv. tblFinanciering[#Alles].`,
        `The table lacks the column ${names}. Pass the whole Financiering table with its header row, e.g. tblFinanciering[#All].`
      ),
    };
  }
  const idx = {
    begroot: need.includes("begroot") || need.includes("update") ? col("begroot") : undefined,
    update: need.includes("update") ? col("update") : undefined,
    vak: need.includes("vak") ? col("vak") : undefined,
    vek: need.includes("vek") ? col("vek") : undefined,
  };

  // Where each row's cluster or speerpunt comes from: the computed column, else the Projecten table.
  let groupI: number | undefined;
  let groupParse: ((cell: unknown) => { ok: boolean; value?: string }) | undefined;
  let projectMap: Map<string, string> | undefined;
  if (filter && (filter.by === "cluster" || filter.by === "speerpunt")) {
    groupI = col(filter.by);
    groupParse = filter.by === "cluster" ? parseCluster : parseSpeerpunt;
    const given = Array.isArray(opts.projecten) || !isBlankScalar(argScalar(opts.projecten));
    if (given) {
      const p = readProjects(opts.projecten, filter.by);
      if (!p.ok) return p;
      projectMap = p.map;
    }
    if (groupI === undefined && !projectMap) {
      const h = headerOf(FIN, filter.by).header;
      return {
        ok: false,
        result: fail(
          "value",
          `De tabel Financiering heeft geen kolom "${h}". Geef de tabel Projecten mee als vierde parameter, bv. tblProjecten[#Alles].`,
          `The Financiering table has no column "${h}". Pass the Projecten table as the fourth argument.`
        ),
      };
    }
  }

  const rows: Amounts[] = [];
  const codeCol = codeI as number;
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
    let projectCode = "";
    const codeCell = code.ok ? null : argScalar(raw);
    if (code.ok) projectCode = code.value;
    else if (isTotalRow(row)) continue;
    else if (code.reason === "error")
      return {
        ok: false,
        result: fail(
          "value",
          `Rij ${i + 1} van de tabel: de projectcode bevat de fout ${code.text}.`,
          `Row ${i + 1} of the table: the project code holds the error ${code.text}.`
        ),
      };

    const rec: Amounts = { projectCode, begroot: null, update: null, vak: null, vek: null };
    let any = false;
    for (const k of ["begroot", "update", "vak", "vek"] as const) {
      const j = idx[k];
      if (j === undefined) continue;
      const v = row[j];
      if (typeof v === "number" && Number.isFinite(v)) {
        rec[k] = v;
        any = true;
        continue;
      }
      const cell = argScalar(v);
      if (isBlankScalar(cell)) continue;
      const a = parseAmount(cell);
      if (!a.ok) {
        const h = headerOf(FIN, k).header;
        return {
          ok: false,
          result:
            a.reason === "error"
              ? fail(
                  "value",
                  `Rij ${i + 1} van de tabel, kolom "${h}": de cel bevat de fout ${a.text}.`,
                  `Row ${i + 1}, column "${h}": the cell holds the error ${a.text}.`
                )
              : fail(
                  "value",
                  `Rij ${i + 1} van de tabel, kolom "${h}": "${show(cell)}" is geen bedrag. Typ een bedrag in euro, bv. 1650000 of 1.650.000.`,
                  `Row ${i + 1}, column "${h}": "${show(cell)}" is not an amount.`
                ),
        };
      }
      rec[k] = a.value;
      any = true;
    }
    if (!any) continue; // no amount in the summed columns: adds nothing (empty rows, notes)
    if (filter) {
      // A filtered total must not drop a euro silently: a row that cannot be placed is an error.
      if (projectCode === "")
        return {
          ok: false,
          result: fail(
            "na",
            `Rij ${i + 1} van de tabel heeft bedragen maar geen geldige projectcode ("${show(codeCell)}"): de rij kan niet gefilterd worden.`,
            `Row ${i + 1} has amounts but no valid project code ("${show(codeCell)}").`
          ),
        };
      const p = passes(filter, projectCode, row, groupI, groupParse, projectMap);
      if (p === "unknown") {
        const h = headerOf(FIN, filter.by).header;
        return {
          ok: false,
          result: projectMap
            ? fail(
                "na",
                `Rij ${i + 1} van de tabel: ${projectCode} staat niet in de tabel Projecten, dus de ${filter.by} is onbekend.`,
                `Row ${i + 1}: ${projectCode} is not in the Projecten table, so its ${filter.by} is unknown.`
              )
            : fail(
                "na",
                `Rij ${i + 1} van de tabel: de kolom "${h}" is leeg voor ${projectCode}. Geef de tabel Projecten mee als vierde parameter, bv. tblProjecten[#Alles].`,
                `Row ${i + 1}: the column "${h}" is empty for ${projectCode}. Pass the Projecten table as the fourth argument.`
              ),
        };
      }
      if (!p) continue;
    }
    rows.push(rec);
  }
  // totals() reads only projectCode, begroot, update, vak and vek of a financing record. Grouped by
  // cluster without projects, every row falls in one group: only the overall total is used.
  const res = totals([], rows, "cluster");
  return { ok: true, row: res.total };
}

function passes(
  filter: Filter,
  code: string,
  row: unknown[],
  groupI: number | undefined,
  groupParse: ((cell: unknown) => { ok: boolean; value?: string }) | undefined,
  projectMap: Map<string, string> | undefined
): boolean | "unknown" {
  switch (filter.by) {
    case "envelop":
      return envelopeOf(code) === filter.envelope;
    case "codes": {
      const n = Number(code.slice(2));
      return filter.ranges!.some((r) => n >= r.from && n <= r.to);
    }
    case "cluster":
    case "speerpunt": {
      let value: string | undefined;
      if (groupI !== undefined) {
        const p = groupParse!(argScalar(row[groupI]));
        if (p.ok) value = p.value;
      }
      if (value === undefined && projectMap) value = projectMap.get(code);
      if (value === undefined) return "unknown";
      return value === filter.label;
    }
  }
}

/** BELEIDSRUIMTE / BUDGET, VAK / COMMITMENTS, VEK / PAYMENTS. */
export function financingTotal(
  measure: Measure,
  table: unknown,
  opts: FinancingTotalsOptions = {}
): FnResult {
  const r = financingTotals(table, [measure], opts);
  if (!r.ok) return r.result;
  return { ok: true, value: r.row[measure] };
}

/** BELEIDSRUIMTE / BUDGET: the effective budget ("update", the default) or the original ("begroot"). */
export function budgetTotal(
  table: unknown,
  versie: unknown,
  opts: FinancingTotalsOptions = {}
): FnResult {
  const v = budgetVersionArg(versie);
  if (!v) {
    const raw = show(argScalar(versie));
    return fail(
      "value",
      `Onbekende versie "${raw}". Kies "update" of "begroot".`,
      `Unknown version "${raw}". Use "update" or "begroot".`
    );
  }
  return financingTotal(v, table, opts);
}

/** VAKGRAAD / COMMITMENTRATE: VAK against the beleidsruimte (update, else begroot). */
export function commitmentRate(table: unknown, opts: FinancingTotalsOptions = {}): FnResult {
  const r = financingTotals(table, ["update", "vak"], opts);
  if (!r.ok) return r.result;
  if (r.row.vakRate === null)
    return fail(
      "div0",
      "De beleidsruimte is 0 of leeg: de vastleggingsgraad kan niet berekend worden.",
      "The budget is 0 or empty: no commitment rate."
    );
  return { ok: true, value: r.row.vakRate };
}

/** VEKGRAAD / PAYMENTRATE: VEK against the beleidsruimte (default) or against VAK. */
export function paymentRate(
  table: unknown,
  noemer: unknown,
  opts: FinancingTotalsOptions = {}
): FnResult {
  const base = paymentBaseArg(noemer);
  if (!base)
    return fail(
      "value",
      `Onbekende noemer "${show(argScalar(noemer))}". Kies "beleidsruimte" of "vak".`,
      `Unknown base "${show(argScalar(noemer))}". Use "beleidsruimte" or "vak".`
    );
  const r = financingTotals(table, base === "vak" ? ["vak", "vek"] : ["update", "vek"], opts);
  if (!r.ok) return r.result;
  const v = base === "vak" ? r.row.vekOnVak : r.row.vekRate;
  if (v === null)
    return base === "vak"
      ? fail(
          "div0",
          "Het totaal VAK is 0 of leeg: de vereffeningsgraad tegenover VAK kan niet berekend worden.",
          "Total commitments are 0 or empty: no payment rate against VAK."
        )
      : fail(
          "div0",
          "De beleidsruimte is 0 of leeg: de vereffeningsgraad kan niet berekend worden.",
          "The budget is 0 or empty: no payment rate."
        );
  return { ok: true, value: v };
}
