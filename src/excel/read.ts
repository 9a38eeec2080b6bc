/**
 * Reading a workbook into a snapshot, in 3 syncs whatever its size:
 * (1) sheets, tables and custom properties; (2) the size of every table and of the used range of table-less
 * sheets, the state sheet, and each sheet's notes; (3) values and formulas of every range, in row chunks
 * below the cell limit, with the notes' cells, all queued before that one sync. A response above the
 * payload limit (Excel on the web) is split in halves and loaded again; only then are there more syncs.
 */
import type { TableData } from "../core/table";
import { splitAddress, type Rect } from "../workbook/address";
import type { CellNote, SheetSnapshot, TemplateStamp, WorkbookSnapshot } from "../workbook/port";
import { parseState, STATE_SHEET } from "../workbook/state";
import { isPayloadError, rowChunks } from "./batch";
import { sameName, snapshotCell } from "./values";

/** The stamp in custom properties: written next to the state sheet, read when the sheet is missing. */
export const STAMP_PROPERTIES = {
  templateVersion: "vvTemplateVersion",
  meetmoment: "vvMeetmoment",
  updatedAt: "vvUpdatedAt",
} as const;

interface ReadRequest {
  sheet: string;
  rect: Rect;
}

export interface ReadOptions {
  sheets?: readonly string[];
  maxCells: number;
  notes: boolean;
}

const rectOf = (r: Excel.Range): Rect => ({
  row: r.rowIndex,
  column: r.columnIndex,
  rows: r.rowCount,
  columns: r.columnCount,
});

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
    ?.getUsedRangeOrNullObject(true)
    .load("values");
  const notes = opts.notes
    ? ordered
        .filter((s) => wanted(s.name))
        .map((s) => ({ sheet: s.name, list: s.notes.load("items/content,items/authorName") }))
    : [];
  await sync(); // 2

  const requests: ReadRequest[] = [
    ...tableDims.map((d) => ({ sheet: d.t.worksheet.name, rect: rectOf(d.range) })),
    ...usedDims
      .filter((d) => !d.range.isNullObject)
      .map((d) => ({ sheet: d.name, rect: rectOf(d.range) })),
  ];
  // Where each note is: its cell, loaded with the values.
  let locations: { sheet: string; note: Excel.Note; at: Excel.Range }[] = [];
  const queueLocations = () => {
    locations = notes.flatMap((n) =>
      n.list.items.map((note) => ({ sheet: n.sheet, note, at: note.getLocation().load("address") }))
    );
    return locations.length > 0;
  };
  const grids = await readRanges(ctx, sync, requests, opts.maxCells, queueLocations); // 3

  const noteMap = new Map<string, CellNote[]>(notes.map((n) => [n.sheet, []]));
  for (const l of locations) {
    const note: CellNote = { cell: splitAddress(l.at.address).range, text: l.note.content };
    if (l.note.authorName) note.author = l.note.authorName;
    noteMap.get(l.sheet)!.push(note);
  }
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
  const stateRows = state && !state.isNullObject ? (state.values as unknown[][]) : [];
  return {
    sheets: out,
    stamp: stampOf(
      stateRows,
      props.items.map((p) => [p.key, p.value])
    ),
  };
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

/** The stamp: from the state sheet, else from the custom properties (an older add-in wrote only those). */
export function stampOf(stateRows: unknown[][], props: [string, unknown][]): TemplateStamp | null {
  const fromSheet = parseState(stateRows).stamp;
  if (fromSheet) return fromSheet;
  const prop = (k: string) => {
    const v = props.find(([key]) => key === k)?.[1];
    return v === undefined || v === null || v === "" ? null : String(v);
  };
  const version = prop(STAMP_PROPERTIES.templateVersion);
  if (!version) return null;
  return {
    templateVersion: version,
    meetmoment: prop(STAMP_PROPERTIES.meetmoment),
    updatedAt: prop(STAMP_PROPERTIES.updatedAt) ?? undefined,
  };
}

/**
 * Load values and formulas of many ranges: row chunks below the cell limit, all queued before ONE sync,
 * with `extra` loads queued in the first request. When the response is above the payload limit, halve the
 * batch and load again.
 */
async function readRanges(
  ctx: Excel.RequestContext,
  sync: () => Promise<void>,
  requests: ReadRequest[],
  maxCells: number,
  extra: () => boolean
): Promise<unknown[][][]> {
  type Piece = { req: number; sheet: string; rect: Rect };
  const pieces: Piece[] = requests.flatMap((r, req) =>
    rowChunks(r.rect.rows, r.rect.columns, maxCells).map((c) => ({
      req,
      sheet: r.sheet,
      rect: { ...r.rect, row: r.rect.row + c.start, rows: c.count },
    }))
  );
  const results = new Map<Piece, unknown[][]>();
  let extraDone = false;
  const load = async (group: Piece[]): Promise<void> => {
    const ranges = group.map((p) =>
      ctx.workbook.worksheets
        .getItem(p.sheet)
        .getRangeByIndexes(p.rect.row, p.rect.column, p.rect.rows, p.rect.columns)
        .load("values,formulas")
    );
    if (!extraDone) extra();
    try {
      await sync();
      extraDone = true;
    } catch (e) {
      if (!isPayloadError(e) || (group.length === 1 && group[0].rect.rows < 2)) throw e;
      const halves: Piece[][] =
        group.length > 1
          ? [group.slice(0, Math.ceil(group.length / 2)), group.slice(Math.ceil(group.length / 2))]
          : splitPiece(group[0]);
      for (const h of halves) await load(h);
      if (group.length === 1)
        results.set(group[0], [...results.get(halves[0][0])!, ...results.get(halves[1][0])!]);
      return;
    }
    group.forEach((p, i) => {
      const v = ranges[i].values;
      const f = ranges[i].formulas;
      results.set(
        p,
        v.map((row, r) => row.map((x, c) => snapshotCell(x, f[r]?.[c])))
      );
    });
  };
  if (pieces.length > 0) await load(pieces);
  else if (extra()) await sync(); // notes on sheets without values
  const out: unknown[][][] = requests.map(() => []);
  for (const p of pieces) out[p.req].push(...results.get(p)!);
  return out;
}

function splitPiece(p: { req: number; sheet: string; rect: Rect }) {
  const top = Math.ceil(p.rect.rows / 2);
  return [
    [{ ...p, rect: { ...p.rect, rows: top } }],
    [{ ...p, rect: { ...p.rect, row: p.rect.row + top, rows: p.rect.rows - top } }],
  ];
}
