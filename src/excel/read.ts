/**
 * Reading a workbook into a snapshot, in a fixed number of syncs whatever its size:
 * (1) sheets, tables and custom properties; (2) the size of every table and of the used range of table-less
 * sheets, the stamp rows of the state sheet, and how many notes each sheet has; (3) values and formulas of
 * every range in row chunks below the cell limit, and the notes' texts in pages; (4, only when there are
 * notes) the cell of each note. Loads are grouped below the request limit of Excel on the web, and a
 * response above its limit is split and loaded again (src/excel/load.ts): only then are there more syncs.
 */
import type { TableData } from "../core/table";
import { splitAddress, type Rect } from "../workbook/address";
import type { CellNote, SheetSnapshot, WorkbookSnapshot } from "../workbook/port";
import { STATE_SHEET } from "../workbook/state";
import { rowChunks } from "./batch";
import { loadAll, type Load } from "./load";
import { stampOf } from "./state";
import { sameName, snapshotCell } from "./values";

/** The state sheet's first rows, where the stamp always is (src/workbook/state.ts writes it first). */
const STAMP_ROWS = "A1:B32";
/** Notes per page of a sheet's notes collection. */
const NOTE_PAGE = 2_000;
/** Request bytes of one range or page load, and of one note's location, with their object paths. */
export const LOAD_BYTES = 700;
const LOCATION_BYTES = 600;
/**
 * Response bytes per cell of a values-and-formulas load: 115 on average over the June 2022 report's rows,
 * about 245 on the Projecten sheet (long descriptions), measured through Microsoft's client at 10,000 rows
 * per sheet. 300 is that with a fifth more for margin; with RESPONSE_SHARE every piece's response stays
 * near 3.4 MB, well below 4.5 MB (Excel on the web has refused payloads near 5 MB with a GeneralException,
 * office-js#1314). A piece above the limit anyway is split, never lost.
 */
export const CELL_RESPONSE_BYTES = 300;
/** The share of the payload limit a read piece aims for. */
export const RESPONSE_SHARE = 0.65;
const NOTE_RESPONSE_BYTES = 300;

interface ReadRequest {
  sheet: string;
  rect: Rect;
}

export interface ReadOptions {
  sheets?: readonly string[];
  maxCells: number;
  notes: boolean;
  /** Request limit per sync (Excel on the web), Infinity for none. */
  limit: number;
  /**
   * Read only the first `headRows` rows of every table and used range, and no notes: enough to tell what
   * the workbook is (the pane's status when it opens), at a cost that does not grow with the rows.
   */
  headRows?: number;
}

const rectOf = (r: Excel.Range): Rect => ({
  row: r.rowIndex,
  column: r.columnIndex,
  rows: r.rowCount,
  columns: r.columnCount,
});

// Kept whole (about 110 lines): its steps are the context.sync() calls of one read (what exists, then
// values, then notes); split, the sync count per read would no longer be visible in one place. (Excel's
// own split belongs to the issue on Excel's documented behaviour.)
export async function readWorkbook(
  ctx: Excel.RequestContext,
  sync: () => Promise<void>,
  opts: ReadOptions
): Promise<WorkbookSnapshot> {
  const wb = ctx.workbook;
  const sheets = wb.worksheets.load("items/name,items/position,items/visibility");
  const tables = wb.tables.load("items/name,items/showHeaders,items/worksheet/name");
  const props = wb.properties.custom.load("items/key,items/value");
  await sync(); // 1

  const wanted = (name: string) =>
    name !== STATE_SHEET && (!opts.sheets || opts.sheets.some((s) => sameName(s, name)));
  const ordered = sheets.items
    .filter((s) => s.name !== STATE_SHEET)
    .sort((a, b) => a.position - b.position);
  const tableDims = tables.items
    .filter((t) => wanted(t.worksheet.name))
    .map((t) => ({ t, range: t.getRange().load("rowIndex,columnIndex,rowCount,columnCount") }));
  const withTables = new Set(tableDims.map((d) => d.t.worksheet.name));
  const usedDims = ordered
    .filter((s) => wanted(s.name) && !withTables.has(s.name))
    .map((s) => ({
      name: s.name,
      range: s.getUsedRangeOrNullObject(true).load("rowIndex,columnIndex,rowCount,columnCount"),
    }));
  const state = sheets.items
    .find((s) => s.name === STATE_SHEET)
    ?.getRange(STAMP_ROWS)
    .load("values");
  const noteCounts =
    opts.notes && opts.headRows === undefined
      ? ordered
          .filter((s) => wanted(s.name))
          .map((s) => ({ sheet: s.name, count: s.notes.getCount() }))
      : [];
  await sync(); // 2

  const head = (r: Rect): Rect =>
    opts.headRows === undefined ? r : { ...r, rows: Math.min(r.rows, opts.headRows) };
  const requests: ReadRequest[] = [
    ...tableDims.map((d) => ({ sheet: d.t.worksheet.name, rect: head(rectOf(d.range)) })),
    ...usedDims
      .filter((d) => !d.range.isNullObject)
      .map((d) => ({ sheet: d.name, rect: head(rectOf(d.range)) })),
  ];
  // On the web, pieces small enough for a response below the limit; else below the cell limit only.
  const cells = Math.min(
    opts.maxCells,
    Math.floor((opts.limit * RESPONSE_SHARE) / CELL_RESPONSE_BYTES)
  );
  const pieces = requests.flatMap((r, req) =>
    rowChunks(r.rect.rows, r.rect.columns, cells).map((c) => ({
      req,
      sheet: r.sheet,
      rect: { ...r.rect, row: r.rect.row + c.start, rows: c.count },
    }))
  );
  const results = new Map<string, unknown[][]>();
  const pages: { sheet: string; notes: Excel.Note[] }[] = [];
  const loads: Load[] = [
    ...pieces.map((p) => valuesLoad(ctx, p, results)),
    ...noteCounts.flatMap((n) =>
      Array.from({ length: Math.ceil(n.count.value / NOTE_PAGE) }, (_, i) =>
        notePage(
          ctx,
          n.sheet,
          i * NOTE_PAGE,
          Math.min(NOTE_PAGE, n.count.value - i * NOTE_PAGE),
          pages
        )
      )
    ),
  ];
  await loadAll(sync, loads, opts.limit); // 3 (more only above the payload limit)
  const grids: unknown[][][] = requests.map(() => []);
  for (const p of pieces) grids[p.req].push(...collectRows(results, p.sheet, p.rect));
  const noteMap = await readNoteCells(sync, pages, opts); // 4, when there are notes

  const tableData = new Map<string, TableData[]>();
  tableDims.forEach((d, k) => {
    const list = tableData.get(d.t.worksheet.name) ?? [];
    list.push(tableOf(d.t, d.range, grids[k]));
    tableData.set(d.t.worksheet.name, list);
  });
  let k = tableDims.length;
  const used = new Map<string, SheetSnapshot["used"]>();
  for (const d of usedDims)
    used.set(
      d.name,
      d.range.isNullObject
        ? { firstRow: 1, firstColumn: 0, values: [] }
        : { firstRow: d.range.rowIndex + 1, firstColumn: d.range.columnIndex, values: grids[k++] }
    );
  const out: SheetSnapshot[] = [];
  ordered.forEach((s, index) => {
    if (!wanted(s.name)) return;
    const snap: SheetSnapshot = {
      name: s.name,
      index,
      visible: s.visibility === "Visible",
      tables: tableData.get(s.name) ?? [],
    };
    if (!withTables.has(s.name)) snap.used = used.get(s.name);
    if (opts.notes) snap.notes = noteMap.get(s.name) ?? [];
    out.push(snap);
  });
  return {
    sheets: out,
    stamp: stampOf(
      state ? (state.values as unknown[][]) : [],
      props.items.map((p) => [p.key, p.value])
    ),
  };
}

type Piece = { sheet: string; rect: Rect };
const pieceKey = (p: Piece) => `${p.sheet}\u0000${p.rect.row}\u0000${p.rect.rows}`;

/** Values and formulas of a block of rows; split in halves when the response is too large. */
function valuesLoad(ctx: Excel.RequestContext, p: Piece, out: Map<string, unknown[][]>): Load {
  return {
    requestBytes: LOAD_BYTES,
    responseBytes: p.rect.rows * p.rect.columns * CELL_RESPONSE_BYTES,
    queue: () => {
      const r = ctx.workbook.worksheets
        .getItem(p.sheet)
        .getRangeByIndexes(p.rect.row, p.rect.column, p.rect.rows, p.rect.columns)
        .load("values,formulas");
      return () =>
        out.set(
          pieceKey(p),
          r.values.map((row, i) => row.map((v, j) => snapshotCell(v, r.formulas[i]?.[j])))
        );
    },
    split:
      p.rect.rows < 2
        ? undefined
        : () => {
            const top = Math.ceil(p.rect.rows / 2);
            return [
              valuesLoad(ctx, { ...p, rect: { ...p.rect, rows: top } }, out),
              valuesLoad(
                ctx,
                { ...p, rect: { ...p.rect, row: p.rect.row + top, rows: p.rect.rows - top } },
                out
              ),
            ];
          },
  };
}

/** The rows of a piece, from the results of it or of the halves it was split into. */
function collectRows(results: Map<string, unknown[][]>, sheet: string, rect: Rect): unknown[][] {
  const whole = results.get(pieceKey({ sheet, rect }));
  if (whole) return whole;
  const top = Math.ceil(rect.rows / 2);
  return [
    ...collectRows(results, sheet, { ...rect, rows: top }),
    ...collectRows(results, sheet, { ...rect, row: rect.row + top, rows: rect.rows - top }),
  ];
}

/** A page of a sheet's notes (text and author); split in halves when the response is too large. */
function notePage(
  ctx: Excel.RequestContext,
  sheet: string,
  skip: number,
  top: number,
  out: { sheet: string; notes: Excel.Note[] }[]
): Load {
  return {
    requestBytes: LOAD_BYTES,
    responseBytes: top * NOTE_RESPONSE_BYTES,
    queue: () => {
      const c = ctx.workbook.worksheets
        .getItem(sheet)
        .notes.load({ $skip: skip, $top: top, content: true, authorName: true } as never);
      return () => out.push({ sheet, notes: c.items });
    },
    split:
      top < 2
        ? undefined
        : () => {
            const half = Math.ceil(top / 2);
            return [
              notePage(ctx, sheet, skip, half, out),
              notePage(ctx, sheet, skip + half, top - half, out),
            ];
          },
  };
}

/** Where each note is: its cell, in one more sync (grouped below the request limit). */
async function readNoteCells(
  sync: () => Promise<void>,
  pages: { sheet: string; notes: Excel.Note[] }[],
  opts: ReadOptions
): Promise<Map<string, CellNote[]>> {
  const found: { sheet: string; note: CellNote }[] = [];
  const loads: Load[] = pages.flatMap((p) =>
    p.notes.map((note) => ({
      requestBytes: LOCATION_BYTES,
      queue: () => {
        const at = note.getLocation().load("address");
        return () => {
          const n: CellNote = { cell: splitAddress(at.address).range, text: note.content };
          if (note.authorName) n.author = note.authorName;
          found.push({ sheet: p.sheet, note: n });
        };
      },
    }))
  );
  if (opts.notes) await loadAll(sync, loads, opts.limit);
  const map = new Map<string, CellNote[]>();
  for (const f of found) {
    const list = map.get(f.sheet);
    if (list) list.push(f.note);
    else map.set(f.sheet, [f.note]);
  }
  return map;
}

function tableOf(t: Excel.Table, range: Excel.Range, grid: unknown[][]): TableData {
  const hasHeader = t.showHeaders;
  const headers = hasHeader
    ? (grid[0] ?? []).map((v) => (isFormulaCell(v) ? (v.result ?? null) : v))
    : (grid[0]?.map((_, i) => `Kolom${i + 1}`) ?? []);
  return {
    sheet: t.worksheet.name,
    tableName: t.name,
    headerRow: range.rowIndex + (hasHeader ? 1 : 0),
    firstColumn: range.columnIndex,
    headers,
    rows: hasHeader ? grid.slice(1) : grid,
  };
}

function isFormulaCell(v: unknown): v is { formula: string; result?: unknown } {
  return typeof v === "object" && v !== null && "formula" in v;
}
