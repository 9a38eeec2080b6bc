/** One template sheet's values as columns, and the typed records built from them on demand. */
import type { Records } from "./records";
import type { SheetKey } from "./schema";
import type { SheetSpec } from "./template";

/**
 * One sheet's values as columns: an array per column key, all of `length` entries. Reading into
 * columns instead of a record per row keeps large workbooks light (no object per row, no keyed stores);
 * records are built only when asked for.
 */
export class SheetColumns {
  length = 0;
  readonly cols: Record<string, unknown[]> = {};
  constructor(readonly spec: SheetSpec) {
    for (const c of spec.columns) if (c.kind !== "computed") this.cols[c.key] = [];
  }
  /** The typed records, every key in schema order. */
  toRecords(): object[] {
    const keys = Object.keys(this.cols);
    const arrays = keys.map((k) => this.cols[k]);
    const blank: Record<string, unknown> = {};
    for (const k of keys) blank[k] = null;
    const out: object[] = new Array(this.length);
    for (let i = 0; i < this.length; i++) {
      const rec: Record<string, unknown> = { ...blank };
      for (let k = 0; k < keys.length; k++) rec[keys[k]] = arrays[k][i];
      out[i] = rec;
    }
    return out;
  }
}

/** The typed records of read columns. */
export function recordsOf(columns: Record<SheetKey, SheetColumns>): Records {
  return {
    projects: columns.projects.toRecords() as Records["projects"],
    milestones: columns.milestones.toRecords() as Records["milestones"],
    indicators: columns.indicators.toRecords() as Records["indicators"],
    financing: columns.financing.toRecords() as Records["financing"],
  };
}
