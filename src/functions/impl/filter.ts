/**
 * The filter of the totals functions (filtersoort and filterwaarde): which kind, which value, and whether
 * a financing row passes it. A filter value that cannot be read is an error that says what to type.
 */
import { foldHeader, makeListParser, parseProjectCode } from "../../core/parse";
import { CLUSTER_LABELS, envelopeOf, SPEERPUNTEN, type EnvelopeKey } from "../../core/vocabulary";
import { argScalar, isBlankScalar, show } from "./args";
import { filterByArg, type FilterBy } from "./choices";
import { failed, type Failed } from "./result";

type CodeRange = { from: number; to: number };

export interface Filter {
  by: FilterBy;
  /** The canonical label (cluster, speerpunt), envelope key, or code ranges. */
  label?: string;
  envelope?: EnvelopeKey;
  ranges?: CodeRange[];
}

export const parseCluster = makeListParser(CLUSTER_LABELS);
export const parseSpeerpunt = makeListParser(SPEERPUNTEN);

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

/** The two filter arguments: no filter when both are blank; an error when only one is given or one is unknown. */
export function readFilter(
  filtersoort: unknown,
  filterwaarde: unknown
): { ok: true; filter: Filter | null } | Failed {
  const by = filterByArg(filtersoort);
  const valueBlank = isBlankScalar(argScalar(filterwaarde));
  if (by === undefined)
    return failed(
      "value",
      `Onbekende filtersoort "${show(argScalar(filtersoort))}". Kies "cluster", "speerpunt", "envelop" of "codes".`,
      `Unknown filter type "${show(argScalar(filtersoort))}". Use "cluster", "speerpunt", "envelop" or "codes".`
    );
  if (by === null) {
    if (!valueBlank)
      return failed(
        "value",
        'Er is een filterwaarde maar geen filtersoort. Kies "cluster", "speerpunt", "envelop" of "codes".',
        "A filter value was given without a filter type."
      );
    return { ok: true, filter: null };
  }
  if (valueBlank)
    return failed(
      "value",
      `Geef een filterwaarde voor de filtersoort "${by}".`,
      `Give a filter value for the filter type "${by}".`
    );
  const filter = filterOf(by, filterwaarde);
  if (!filter) return unreadable(by, show(argScalar(filterwaarde)));
  return { ok: true, filter };
}

/** The filter of one kind with its value read, or null when the value means nothing of that kind. */
function filterOf(by: FilterBy, v: unknown): Filter | null {
  switch (by) {
    case "cluster": {
      const p = parseCluster(argScalar(v));
      return p.ok ? { by, label: p.value } : null;
    }
    case "speerpunt": {
      const p = parseSpeerpunt(argScalar(v));
      return p.ok ? { by, label: p.value } : null;
    }
    case "envelop": {
      const e = parseEnvelope(v);
      return e ? { by, envelope: e } : null;
    }
    case "codes": {
      const r = parseCodeRanges(v);
      return r ? { by, ranges: r } : null;
    }
  }
}

/** What to say about a filter value that means nothing of its kind. */
function unreadable(by: FilterBy, raw: string): Failed {
  switch (by) {
    case "cluster":
      return failed(
        "value",
        `Onbekende cluster "${raw}". Typ het label uit de lijst, bv. "05. Versterking O&O", of alleen het nummer, bv. "05".`,
        `Unknown cluster "${raw}". Use the label from the list, e.g. "05. Versterking O&O", or its number.`
      );
    case "speerpunt":
      return failed(
        "value",
        `Onbekend speerpunt "${raw}". Typ het label uit de lijst, bv. "02. Investeren in infrastructuur", of alleen het nummer, bv. "02".`,
        `Unknown spearhead "${raw}". Use the label from the list or its number.`
      );
    case "envelop":
      return failed(
        "value",
        `Onbekende envelop "${raw}". Kies "relance" (VV001–VV158) of "regulier" (VV159–VV180).`,
        `Unknown envelope "${raw}". Use "relance" (VV001–VV158) or "regulier" (VV159–VV180).`
      );
    case "codes":
      return failed(
        "value",
        `Onleesbare projectcodes "${raw}". Typ bv. "VV001:VV158", "VV012" of "VV001:VV010;VV020".`,
        `Unreadable project codes "${raw}". Use e.g. "VV001:VV158", "VV012" or "VV001:VV010;VV020".`
      );
  }
}

/**
 * Where a financing row's cluster or speerpunt comes from: the table's computed column when it holds a
 * value, else the Projecten table passed as the fourth argument.
 */
export interface GroupSource {
  column: number | undefined;
  parse: (cell: unknown) => { ok: boolean; value?: string };
  projects: Map<string, string> | undefined;
}

/** Whether the row of project `code` passes; "unknown" when its cluster or speerpunt cannot be found. */
export function passes(
  filter: Filter,
  code: string,
  row: unknown[],
  group: GroupSource | undefined
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
      if (group?.column !== undefined) {
        const p = group.parse(argScalar(row[group.column]));
        if (p.ok) value = p.value;
      }
      if (value === undefined && group?.projects) value = group.projects.get(code);
      if (value === undefined) return "unknown";
      return value === filter.label;
    }
  }
}
