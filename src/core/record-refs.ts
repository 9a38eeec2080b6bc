/** Where each record came from: its sheet, its Excel row, and the column letter of each column key. */

/** Where a record came from: sheet, 1-based row, and the column letter of each column key. */
export interface RecordRef {
  sheet: string;
  row: number;
  letters: Readonly<Record<string, string>>;
}

/**
 * Where each record of one sheet came from, as parallel arrays: one small object per table, two numbers
 * per row. (An object per row doubled the garbage collector's work on large workbooks.)
 */
export class RecordRefs {
  private readonly tables: { sheet: string; letters: Readonly<Record<string, string>> }[] = [];
  private tableOf: number[] = [];
  private rows: number[] = [];
  addTable(sheet: string, letters: Readonly<Record<string, string>>): number {
    return this.tables.push({ sheet, letters }) - 1;
  }
  /** Add the rows of one table (1-based Excel row numbers, in order). */
  addRows(table: number, rows: number[]): void {
    const tableOf = new Array<number>(rows.length).fill(table);
    // Usually one table per sheet: adopt the caller's array instead of copying it.
    this.rows = this.rows.length ? this.rows.concat(rows) : rows;
    this.tableOf = this.tableOf.length ? this.tableOf.concat(tableOf) : tableOf;
  }
  get length(): number {
    return this.rows.length;
  }
  /** 1-based Excel row of record i. */
  row(i: number): number {
    return this.rows[i];
  }
  get(i: number): RecordRef {
    const t = this.tables[this.tableOf[i]];
    return { sheet: t.sheet, row: this.rows[i], letters: t.letters };
  }
}
