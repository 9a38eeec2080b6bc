/**
 * A fake of the Excel JavaScript API (the parts the add-in uses), faithful where it matters for batching:
 * - every call on a proxy object is QUEUED and runs only at `context.sync()`, in order, like Office.js;
 * - `load()` snapshots the requested properties at its place in the queue; reading a property that was not
 *   loaded (or before the sync) throws `PropertyNotLoaded`;
 * - `context.sync()` calls are COUNTED (per fake, over all `Excel.run` batches);
 * - a null in a 2-D write leaves that cell unchanged; a 2-D array whose size differs from the range's fails
 *   the sync (InvalidArgument), a scalar fills the range;
 * - strings written to `values` are parsed as Excel parses typed input (en-US, whatever the display
 *   language): "1.0" is the number 1, "2022-06-01" a date serial, "TRUE" a boolean, "=…" a formula, unless
 *   the cell is text-formatted ("@") or the string has a quote prefix ("'1.0" is the text "1.0");
 * - a formula cell reads its result through `values` and its formula through `formulas` (the twin computes
 *   nothing: the result is what a test gave with `type(…, [[{ formula, result }]])`, else "");
 * - table and worksheet change events are raised by value AND format writes (a fill inside a table is a
 *   change of that table); `runtime.enableEvents` works as documented (no event while it is off), or, with
 *   `eventDelivery`, as a less kind Excel might: events delivered after the request ("afterRequest": they
 *   see the state events are in when the request ends) or always;
 * - `select()` fails on a sheet that is not the active one (office-js issue 5118: unreliable); notes are
 *   addressed through a worksheet's `notes` with cell addresses, the documented form;
 * - data validation texts longer than Excel takes (titles 32, input message 255, error message 225) fail;
 * - optional platform limits: cells per range operation and payload bytes per request/response
 *   (`ResponsePayloadSizeLimitExceeded` / `RequestPayloadSizeLimitExceeded`, the request is then not run);
 *   a request's size counts each action as Microsoft's client serialises it (see ACTION_OVERHEAD);
 * - writes while calculation is not suspended (`suspendApiCalculationUntilNextSync`) are counted.
 * It has no dependency on Node so the same file runs in the browser end-to-end test as `window.Excel`.
 */
import {
  cellA1,
  intersects,
  parseRange,
  quoteSheet,
  rectA1,
  splitAddress,
  type Rect,
} from "../../src/workbook/address";
import { emptyPageLayout, fakePageLayout, type PageLayoutModel } from "./excel-page-layout";

export interface FakeExcelOptions {
  /** Largest number of cells one range read or write may touch (Excel: 5 million). */
  maxCellsPerRange?: number;
  /** Largest request and response payload of one sync, in bytes of JSON (Excel on the web: 5 MB). */
  maxPayloadBytes?: number;
  /** Highest ExcelApi requirement set supported, e.g. "1.18". */
  apiVersion?: string;
  /** Office.context.platform, e.g. "PC" or "OfficeOnline". */
  platform?: string;
  /** How change events raised while `enableEvents` is off are delivered (default: as documented, never). */
  eventDelivery?: "documented" | "afterRequest" | "always";
  /** Office.context.displayLanguage (default "en-US"). */
  displayLanguage?: string;
  /**
   * The add-in's custom functions: a formula written through the API that calls `NAMESPACE.NAME(` with a
   * name that is not the function's name in the display language computes to #NAME? (office-js #891).
   */
  customFunctions?: { namespace: string; names: Record<string, readonly string[]> };
  /**
   * The error a request or response above `maxPayloadBytes` gets: the documented size codes (default), or
   * "GeneralException", as Excel on the web has answered large payloads (OfficeDev/office-js#1314).
   */
  payloadError?: "sized" | "GeneralException";
}

export interface CellModel {
  value: unknown;
  formula?: string;
  numberFormat?: string;
  fill?: string | null;
  fontColor?: string | null;
  bold?: boolean;
  wrap?: boolean;
  hyperlink?: { documentReference?: string; address?: string; textToDisplay?: string } | null;
}

export interface ValidationModel {
  rect: Rect;
  rule: unknown;
  prompt?: unknown;
  errorAlert?: unknown;
}
export interface CondFormatModel {
  rect: Rect;
  type: string;
  rule: { formula1: string; operator: string } | null;
  fill: string | null;
  font: string | null;
}
export interface ChartModel {
  name: string;
  type: string;
  source: string;
  title: string;
  position: string | null;
  seriesColours: string[];
  pointColours: string[];
  /** The series, by name (series by columns: the header of each column after the first). */
  series: string[];
}
export interface NoteModel {
  cell: string;
  content: string;
  author?: string;
}

export class SheetModel {
  /** Cells by row * 16384 + column. */
  cells = new Map<number, CellModel>();
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  tabColor = "";
  frozenRows = 0;
  charts: ChartModel[] = [];
  notes = new Map<string, NoteModel>();
  validations: ValidationModel[] = [];
  condFormats: CondFormatModel[] = [];
  columnWidths = new Map<number, number>();
  /** `worksheet.protection.protected`: writes to the sheet's cells, formats and notes fail (AccessDenied). */
  protected = false;
  /** The print setup (excel-page-layout.ts). */
  pageLayout: PageLayoutModel = emptyPageLayout();
  /** Handlers of the worksheet's onChanged. */
  handlers: ((e: unknown) => unknown)[] = [];
  constructor(
    public name: string,
    public readonly id: string
  ) {}
  key(r: number, c: number): number {
    return r * 16384 + c;
  }
  static rc(k: number): [number, number] {
    return [Math.floor(k / 16384), k % 16384];
  }
  cell(r: number, c: number): CellModel | undefined {
    return this.cells.get(this.key(r, c));
  }
  ensure(r: number, c: number): CellModel {
    const k = this.key(r, c);
    let cell = this.cells.get(k);
    if (!cell) this.cells.set(k, (cell = { value: "" }));
    return cell;
  }
  /** Bounding box of cells with a value or formula (valuesOnly) or any content. */
  used(valuesOnly: boolean): Rect | null {
    let r0 = Infinity,
      c0 = Infinity,
      r1 = -1,
      c1 = -1;
    for (const [k, cell] of this.cells) {
      const hasValue =
        cell.formula !== undefined ||
        (cell.value !== "" && cell.value !== null && cell.value !== undefined);
      const hasFormat = cell.fill || cell.numberFormat || cell.bold || cell.fontColor;
      if (!hasValue && (valuesOnly || !hasFormat)) continue;
      const [r, c] = SheetModel.rc(k);
      r0 = Math.min(r0, r);
      c0 = Math.min(c0, c);
      r1 = Math.max(r1, r);
      c1 = Math.max(c1, c);
    }
    return r1 < 0 ? null : { row: r0, column: c0, rows: r1 - r0 + 1, columns: c1 - c0 + 1 };
  }
}

export class TableModel {
  handlers: ((e: unknown) => unknown)[] = [];
  style = "TableStyleMedium2";
  constructor(
    public name: string,
    public sheet: SheetModel,
    public rect: Rect,
    public readonly id: string,
    public showHeaders = true
  ) {}
}

/** The whole fake Excel application: a workbook model, the `run` entry point and counters. */
export class FakeExcel {
  sheets: SheetModel[] = [];
  tables: TableModel[] = [];
  customProps = new Map<string, unknown>();
  selection: { sheet: string; address: string } | null = null;
  activeSheet: string | null = null;
  /** Every sync over all batches. */
  syncs = 0;
  runs = 0;
  /** `context.runtime.enableEvents`, which persists between batches. */
  eventsEnabled = true;
  /** Names of the API calls queued, in order ("Range.values=", "Worksheet.add", ...). */
  calls: string[] = [];
  /**
   * Content was written while calculation was suspended and no `application.calculate` ran since: "once
   * set, it is the developer's responsibility to re-calc the workbook" (suspendApiCalculationUntilNextSync).
   */
  calcStale = false;
  /** Content writes that ran while calculation was not suspended (each would recalculate in Excel). */
  recalculatingWrites = 0;
  /** Largest request (bytes, as counted for the payload limit) of any sync. */
  largestRequest = 0;
  readonly options: Required<FakeExcelOptions>;
  /** The user is editing a cell (typing, before Enter): see waitOutCellEdit. */
  cellEditMode = false;
  /** Requests that waited for the end of cell-edit mode (RunOptions.delayForCellEdit). */
  delayedRequests = 0;
  private editWaiters: (() => void)[] = [];
  private nextId = 1;
  private eventQueue: Promise<unknown>[] = [];

  constructor(options: FakeExcelOptions = {}) {
    this.options = {
      maxCellsPerRange: options.maxCellsPerRange ?? 5_000_000,
      maxPayloadBytes: options.maxPayloadBytes ?? Infinity,
      apiVersion: options.apiVersion ?? "1.18",
      platform: options.platform ?? "PC",
      eventDelivery: options.eventDelivery ?? "documented",
      displayLanguage: options.displayLanguage ?? "en-US",
      customFunctions: options.customFunctions ?? { namespace: "", names: {} },
      payloadError: options.payloadError ?? "sized",
    };
  }

  id(): string {
    return `{${(this.nextId++).toString(16).padStart(8, "0")}}`;
  }

  /** `Excel.run`: one request context per batch; `Excel.run(options, batch)` takes RunOptions. */
  run = async <T>(
    a: FakeRequestContext | RunOptions | ((context: FakeRequestContext) => Promise<T>),
    b?: (context: FakeRequestContext) => Promise<T>
  ): Promise<T> => {
    this.runs++;
    const batch = (typeof a === "function" ? a : b)!;
    const ctx = a instanceof FakeRequestContext ? a : new FakeRequestContext(this);
    if (typeof a === "object" && !(a instanceof FakeRequestContext))
      ctx.delayForCellEdit = a.delayForCellEdit === true;
    const result = await batch(ctx);
    if (ctx.queueLength() > 0) await ctx.sync(); // Excel.run flushes what is left, as the real one does
    return result;
  };

  isSetSupported(name: string, version?: string): boolean {
    if (name !== "ExcelApi") return false;
    const [a, b] = (version ?? "1.1").split(".").map(Number);
    const [x, y] = this.options.apiVersion.split(".").map(Number);
    return x > a || (x === a && y >= b);
  }

  // ---- helpers for tests (act directly on the model, as a user would) ----
  addSheet(name: string, values?: unknown[][], at = 0): SheetModel {
    const s = new SheetModel(name, this.id());
    this.sheets.push(s);
    if (!this.activeSheet) this.activeSheet = name;
    if (values) this.type(name, cellA1(at, 0), values);
    return s;
  }
  sheet(name: string): SheetModel {
    const s = this.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }
  /** Type values into cells as a user (strings starting with "=" become formulas). */
  type(sheet: string, topLeft: string, values: unknown[][]): void {
    const s = this.sheet(sheet);
    const p = parseRange(topLeft);
    values.forEach((row, i) =>
      row.forEach((v, j) => writeCell(s.ensure(p.row + i, p.column + j), v))
    );
  }
  /** Make a table over an existing range, as a user would. */
  addTable(sheet: string, address: string, name: string): TableModel {
    const t = new TableModel(name, this.sheet(sheet), parseRange(address), this.id());
    this.tables.push(t);
    return t;
  }
  table(name: string): TableModel {
    const t = this.tables.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!t) throw new Error(`no table ${name}`);
    return t;
  }
  /** Displayed values of a range (blank is ""), formulas as "=..." when `formulas`. */
  read(sheet: string, address: string, formulas = false): unknown[][] {
    const s = this.sheet(sheet);
    const r = parseRange(address);
    return grid(r, (i, j) => {
      const c = s.cell(r.row + i, r.column + j);
      if (!c) return "";
      return formulas && c.formula !== undefined ? c.formula : (c.value ?? "");
    });
  }
  cell(sheet: string, a1: string): CellModel | undefined {
    const r = parseRange(a1);
    return this.sheet(sheet).cell(r.row, r.column);
  }
  /** A user edit or paste: writes the cells and fires the change events of the tables it touches. */
  async userEdit(sheet: string, topLeft: string, values: unknown[][]): Promise<void> {
    this.type(sheet, topLeft, values);
    const p = parseRange(topLeft);
    const rect = {
      row: p.row,
      column: p.column,
      rows: values.length,
      columns: values[0]?.length ?? 1,
    };
    this.fireChanges(this.sheet(sheet), rect, "Local");
    await this.settleEvents();
  }
  /** Wait for event handlers fired so far. */
  async settleEvents(): Promise<void> {
    const q = this.eventQueue;
    this.eventQueue = [];
    await Promise.all(q);
  }
  fireChanges(sheet: SheetModel, rect: Rect, source: "Local" | "Remote"): void {
    const sheetArgs = {
      type: "WorksheetChanged",
      changeType: "RangeEdited",
      source,
      address: rectA1(rect),
      worksheetId: sheet.id,
    };
    for (const h of sheet.handlers)
      this.eventQueue.push(Promise.resolve().then(() => h(sheetArgs)));
    for (const t of this.tables) {
      if (t.sheet !== sheet || !intersects(t.rect, rect) || t.handlers.length === 0) continue;
      const args = {
        type: "TableChanged",
        changeType: "RangeEdited",
        source,
        address: rectA1(rect),
        tableId: t.id,
        worksheetId: sheet.id,
      };
      for (const h of t.handlers) this.eventQueue.push(Promise.resolve().then(() => h(args)));
    }
  }
  /** The user starts typing in a cell (Excel's cell-edit mode). */
  startCellEdit(): void {
    this.cellEditMode = true;
  }
  /** The user presses Enter: requests delayed for the edit run. */
  endCellEdit(): void {
    this.cellEditMode = false;
    const w = this.editWaiters;
    this.editWaiters = [];
    for (const f of w) f();
  }
  cellEditEnded(): Promise<void> {
    return this.cellEditMode
      ? new Promise((resolve) => this.editWaiters.push(resolve))
      : Promise.resolve();
  }
  findSheet(name: string): SheetModel | undefined {
    return this.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
  }
}

function grid<T>(r: Rect, f: (i: number, j: number) => T): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < r.rows; i++) {
    const row: T[] = [];
    for (let j = 0; j < r.columns; j++) row.push(f(i, j));
    out.push(row);
  }
  return out;
}

/** A cell as a user's workbook holds it: "=…" or `{ formula, result }` is a formula, anything else a value. */
function writeCell(cell: CellModel, v: unknown): void {
  if (v && typeof v === "object" && "formula" in v) {
    const f = v as { formula: string; result?: unknown };
    cell.formula = f.formula.startsWith("=") ? f.formula : `=${f.formula}`;
    cell.value = f.result ?? "";
  } else if (typeof v === "string" && v.startsWith("=") && v.length > 1) {
    cell.formula = v;
    cell.value = ""; // the fake computes nothing
  } else {
    delete cell.formula;
    cell.value = typeof v === "string" && v.startsWith("'") ? v.slice(1) : v;
  }
}

/** Whether a formula calls one of the add-in's functions by a name Excel does not know in its language. */
function unknownCustomFunction(formula: string, x: FakeExcel): boolean {
  const { namespace, names } = x.options.customFunctions;
  if (!namespace) return false;
  const known = names[x.options.displayLanguage] ?? [];
  const re = new RegExp(`\\b${namespace}\\.([A-Za-z0-9_.]+)\\(`, "g");
  for (const m of formula.matchAll(re)) if (!known.includes(m[1].toUpperCase())) return true;
  return false;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const serial = (y: number, m: number, d: number) =>
  (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;

/**
 * A string written through `values`/`formulas`, as Excel takes typed input (en-US): a leading quote makes
 * text (and is not kept), "=…" a formula, then numbers (1,650,000.5 · 1.0 · 7.2% · 1e5 · (5) · $5), dates
 * (2022-06-01 · 6/1/2022 · 1-Jun-2022 · Jun 1, 2022), times (12:30), TRUE/FALSE. Text-formatted cells keep
 * every string as it is but a leading quote.
 */
export function parseInput(s: string, textFormat: boolean): { formula?: string; value: unknown } {
  if (s.startsWith("'")) return { value: s.slice(1) };
  if (textFormat) return { value: s };
  if (s.startsWith("=") && s.length > 1) return { formula: s, value: "" };
  const t = s.trim();
  const num = /^([+-]?)\(?\$?(\d{1,3}(?:,\d{3})+|\d*)(\.\d+)?(?:[eE]([+-]?\d+))?\)?(%?)$/.exec(t);
  if (num && (num[2] !== "" || num[3])) {
    let n = Number(
      `${num[2].replace(/,/g, "") || "0"}${num[3] ?? ""}${num[4] ? `e${num[4]}` : ""}`
    );
    if (num[1] === "-" || (t.includes("(") && t.endsWith(")"))) n = -n;
    return { value: num[5] ? n / 100 : n };
  }
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) return { value: serial(+m[1], +m[2], +m[3]) };
  m = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{2,4}))?$/.exec(t);
  if (m && +m[1] <= 12) return { value: serial(m[3] ? +m[3] : 2022, +m[1], +m[2]) };
  m = /^(\d{1,2})[- ]([a-z]{3})[a-z]*[- ,]*(\d{4})?$/i.exec(t);
  if (m && MONTHS.includes(m[2].toLowerCase()))
    return { value: serial(m[3] ? +m[3] : 2022, MONTHS.indexOf(m[2].toLowerCase()) + 1, +m[1]) };
  m = /^([a-z]{3})[a-z]* (\d{1,2}),? ?(\d{4})?$/i.exec(t);
  if (m && MONTHS.includes(m[1].toLowerCase()))
    return { value: serial(m[3] ? +m[3] : 2022, MONTHS.indexOf(m[1].toLowerCase()) + 1, +m[2]) };
  m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(t);
  if (m) return { value: (+m[1] * 3600 + +m[2] * 60 + +(m[3] ?? 0)) / 86400 };
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === "true" };
  return { value: s };
}

/** A write through the API's `values` or `formulas`: strings are parsed as typed input. */
function writeApiCell(cell: CellModel, v: unknown, x: FakeExcel): void {
  if (typeof v !== "string") return writeCell(cell, v);
  const p = parseInput(v, cell.numberFormat === "@");
  if (p.formula !== undefined) {
    cell.formula = p.formula;
    cell.value = unknownCustomFunction(p.formula, x) ? "#NAME?" : "";
  } else {
    delete cell.formula;
    cell.value = p.value;
  }
}

function payloadBytes(v: unknown): number {
  try {
    return JSON.stringify(v)?.length ?? 0;
  } catch {
    return 0;
  }
}

class ExcelError extends Error {
  constructor(
    public code: string,
    message: string
  ) {
    super(`${code}: ${message}`);
    this.name = "RichApi.Error";
  }
}

type Op = { run: () => void; requestBytes: number };

/**
 * Request bytes of one action with its object paths. Measured through Microsoft's client
 * (test/excel/request-size.test.ts compares the twin's sizes with the client's): a mark (a fill and a note:
 * two actions here) costs about 1.4 kB there, a load about 0.6 kB.
 */
export const ACTION_OVERHEAD = 650;

export class FakeRequestContext {
  readonly workbook: FakeWorkbook;
  readonly runtime: { enableEvents: boolean };
  readonly trackedObjects = { add: () => undefined, remove: () => undefined };
  /** RunOptions.delayForCellEdit of the Excel.run that made this context. */
  delayForCellEdit = false;
  private queue: Op[] = [];
  private commits: (() => void)[] = [];
  private responseBytes = 0;
  constructor(readonly excel: FakeExcel) {
    this.workbook = new FakeWorkbook(this);
    const enqueue = (v: boolean) =>
      this.enqueue("Runtime.enableEvents=", () => (this.excel.eventsEnabled = v));
    let loaded: boolean | undefined;
    const load = () =>
      this.enqueueLoad("Runtime.load", () => {
        const v = this.excel.eventsEnabled;
        return () => (loaded = v);
      });
    this.runtime = {
      get enableEvents(): boolean {
        if (loaded === undefined)
          throw new ExcelError("PropertyNotLoaded", "Runtime.enableEvents was not loaded");
        return loaded;
      },
      set enableEvents(v: boolean) {
        enqueue(v);
      },
      load(this: { enableEvents: boolean }) {
        load();
        return this;
      },
    } as { enableEvents: boolean };
  }
  queueLength(): number {
    return this.queue.length;
  }
  enqueue(name: string, run: () => void, requestBytes = 0): void {
    this.excel.calls.push(name);
    // With a payload limit, every action also costs its description in the request: its action and the
    // object paths that lead to it, as Microsoft's client serialises them (ACTION_OVERHEAD).
    const overhead = this.excel.options.maxPayloadBytes === Infinity ? 0 : ACTION_OVERHEAD;
    this.queue.push({ run, requestBytes: requestBytes + overhead });
  }
  /** Queue a load: `snap` runs at sync time, its result becomes visible after a successful sync. */
  enqueueLoad(name: string, snap: () => (() => void) | void): void {
    this.enqueue(name, () => {
      const commit = snap();
      if (commit) this.commits.push(commit);
    });
  }
  addResponse(value: unknown): void {
    if (this.excel.options.maxPayloadBytes !== Infinity) this.responseBytes += payloadBytes(value);
  }
  requestSize(value: unknown): number {
    return this.excel.options.maxPayloadBytes !== Infinity ? payloadBytes(value) : 0;
  }
  async sync(): Promise<void> {
    this.excel.syncs++;
    const ops = this.queue;
    this.queue = [];
    this.commits = [];
    await waitOutCellEdit(this);
    this.responseBytes = 0;
    this.calcSuspended = false;
    const limit = this.excel.options.maxPayloadBytes;
    const request = ops.reduce((n, o) => n + o.requestBytes, 0);
    this.excel.largestRequest = Math.max(this.excel.largestRequest, request);
    if (request > limit) throw payloadError(this.excel, "Request", request);
    const touched: Touch[] = [];
    this.touched = touched;
    try {
      for (const op of ops) op.run();
    } finally {
      this.touched = null;
      this.calcSuspended = false;
      const delivery = this.excel.options.eventDelivery;
      for (const t of touched) {
        const raise =
          delivery === "always" ||
          (delivery === "afterRequest" ? this.excel.eventsEnabled : t.enabled);
        if (raise) this.excel.fireChanges(t.sheet, t.rect, "Local");
      }
    }
    if (this.responseBytes > limit) throw payloadError(this.excel, "Response", this.responseBytes);
    for (const c of this.commits) c();
    this.commits = [];
    await Promise.resolve();
  }
  touched: Touch[] | null = null;
  /** `Application.suspendApiCalculationUntilNextSync()` was called in the running request. */
  calcSuspended = false;
  /** A value or format write ran on `rect`: it raises change events (and, for values, recalculation). */
  noteWrite(sheet: SheetModel, rect: Rect, content = true): void {
    if (content && !this.calcSuspended) this.excel.recalculatingWrites++;
    if (content && this.calcSuspended) this.excel.calcStale = true;
    this.touched?.push({ sheet, rect, enabled: this.excel.eventsEnabled });
  }
}

type Touch = { sheet: SheetModel; rect: Rect; enabled: boolean };

// ---------------------------------------------------------------------------------------------------------
// Client objects

type LoadSpec = string | string[] | Record<string, unknown> | undefined;

/** Parse a load argument into top-level names with their sub-paths: "items/name,items/tables/items/name". */
function parseLoad(spec: LoadSpec): Map<string, string[]> {
  const paths: string[] = [];
  if (typeof spec === "string") paths.push(...spec.split(","));
  else if (Array.isArray(spec)) paths.push(...spec.flatMap((s) => s.split(",")));
  else if (spec && typeof spec === "object") {
    const walk = (o: Record<string, unknown>, prefix: string) => {
      for (const [k, v] of Object.entries(o)) {
        if (k === "$all" || k === "select" || k === "expand" || k === "top" || k === "skip")
          continue;
        if (v && typeof v === "object") walk(v as Record<string, unknown>, `${prefix}${k}/`);
        else if (v) paths.push(prefix + k);
      }
    };
    const o = spec as Record<string, unknown>;
    if (typeof o.select === "string") paths.push(...o.select.split(","));
    else walk(o, "");
  }
  const out = new Map<string, string[]>();
  for (const p of paths.map((s) => s.trim()).filter(Boolean)) {
    const [head, ...rest] = p.split("/");
    if (!out.has(head)) out.set(head, []);
    if (rest.length) out.get(head)!.push(rest.join("/"));
  }
  return out;
}

abstract class FakeObject {
  /** Whether `isNullObject` is meaningful (proxies from *OrNullObject methods and their kin). */
  protected nullable = false;
  protected loaded = new Map<string, unknown>();
  private memo: Map<string, unknown> | null = null;
  /** Navigation properties return the same proxy every time (their loaded state lives on it). */
  protected child<T>(key: string, make: () => T): T {
    this.memo ??= new Map();
    if (!this.memo.has(key)) this.memo.set(key, make());
    return this.memo.get(key) as T;
  }
  constructor(
    readonly context: FakeRequestContext,
    protected kind: string
  ) {}
  /** Scalar property snapshots at sync time; navigation properties return the child object. */
  protected abstract snapshot(prop: string): unknown;
  protected navigation(_prop: string): FakeObject | undefined {
    return undefined;
  }
  load(spec?: LoadSpec): this {
    // Collection options: `{ $top, $skip, content: true }` loads a page of items with those properties.
    let page: { skip: number; top: number } | null = null;
    if (
      spec &&
      typeof spec === "object" &&
      !Array.isArray(spec) &&
      ("$top" in spec || "$skip" in spec)
    ) {
      const o = spec as Record<string, unknown>;
      page = { skip: Number(o.$skip ?? 0), top: o.$top === undefined ? Infinity : Number(o.$top) };
      const item = Object.keys(o).filter((k) => !k.startsWith("$") && o[k]);
      spec = item.length ? item.map((k) => `items/${k}`) : "items";
    }
    const props = parseLoad(spec);
    if (props.size === 0) props.set("*", []);
    const own: [string, string[]][] = [];
    for (const [prop, sub] of props) {
      const nav = this.navigation(prop);
      if (nav) nav.load(sub.length ? sub : undefined);
      else own.push([prop, sub]);
    }
    if (own.length === 0) return this;
    this.context.enqueueLoad(`${this.kind}.load(${own.map(([p]) => p).join(",")})`, () =>
      this.during(() => {
        const commits: (() => void)[] = [];
        for (const [prop, sub] of own) {
          let value = this.snapshot(prop);
          if (page && prop === "items" && Array.isArray(value))
            value = value.slice(page.skip, page.skip + page.top);
          if (prop === "items" && Array.isArray(value)) {
            for (const child of value as FakeObject[]) child.loadNow(sub.length ? sub : ["*"]);
          } else this.context.addResponse(value);
          commits.push(() => this.loaded.set(prop, value));
        }
        // Office.js sets isNullObject with any load of an *OrNullObject proxy; it is not itself loaded by name.
        if (this.nullable) {
          const isNull = this.snapshot("isNullObject");
          commits.push(() => this.loaded.set("isNullObject", isNull));
        }
        return () => commits.forEach((c) => c());
      })
    );
    return this;
  }
  /** Run one queued load; subclasses may cache their resolution for its duration. */
  protected during<T>(f: () => T): T {
    return f();
  }
  /** Load immediately (inside a running sync, for collection items). */
  loadNow(paths: string[]): void {
    const props = parseLoad(paths);
    for (const [prop, sub] of props) {
      const nav = this.navigation(prop);
      if (nav) {
        nav.loadNow(sub.length ? sub : ["*"]);
        continue;
      }
      const value = this.snapshot(prop);
      this.context.addResponse(value);
      this.context["commits"].push(() => this.loaded.set(prop, value));
    }
  }
  protected get<T>(prop: string): T {
    if (this.loaded.has(prop)) return this.loaded.get(prop) as T;
    if (this.loaded.has("*")) {
      const all = this.loaded.get("*") as Record<string, unknown>;
      if (prop in all) return all[prop] as T;
    }
    throw new ExcelError(
      "PropertyNotLoaded",
      `${this.kind}.${prop} was not loaded (call load() and context.sync() first)`
    );
  }
  protected set(name: string, run: () => void, requestBytes = 0): void {
    this.context.enqueue(`${this.kind}.${name}`, run, requestBytes);
  }
  toJSON(): unknown {
    return Object.fromEntries(this.loaded);
  }
}

class FakeWorkbook extends FakeObject {
  readonly worksheets: FakeWorksheetCollection;
  readonly tables: FakeTableCollection;
  readonly properties: FakeDocumentProperties;
  readonly notes: FakeNoteCollection;
  constructor(ctx: FakeRequestContext) {
    super(ctx, "Workbook");
    this.notes = new FakeNoteCollection(ctx, null);
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.tables = new FakeTableCollection(ctx, null);
    this.properties = new FakeDocumentProperties(ctx);
  }
  readonly application = {
    suspendApiCalculationUntilNextSync: () =>
      this.context.enqueue(
        "Application.suspendApiCalculationUntilNextSync",
        () => (this.context.calcSuspended = true)
      ),
    calculate: (type: string) =>
      this.context.enqueue(`Application.calculate(${type})`, () => {
        this.context.excel.calcStale = false;
      }),
  };
  protected snapshot(prop: string): unknown {
    throw new ExcelError("InvalidArgument", `Workbook.${prop}`);
  }
  getSelectedRange(): FakeRange {
    const x = this.context.excel;
    return new FakeRange(this.context, () => {
      if (!x.selection) throw new ExcelError("ItemNotFound", "no selection");
      const s = x.sheet(x.selection.sheet);
      return { sheet: s, rect: parseRange(x.selection.address) };
    });
  }
}

class FakeDocumentProperties extends FakeObject {
  readonly custom: FakeCustomPropertyCollection;
  constructor(ctx: FakeRequestContext) {
    super(ctx, "DocumentProperties");
    this.custom = new FakeCustomPropertyCollection(ctx);
  }
  protected snapshot(prop: string): unknown {
    throw new ExcelError("InvalidArgument", `DocumentProperties.${prop}`);
  }
}

class FakeCustomProperty extends FakeObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly k: string
  ) {
    super(ctx, "CustomProperty");
  }
  protected snapshot(prop: string): unknown {
    const m = this.context.excel.customProps;
    if (prop === "key") return this.k;
    if (prop === "value") return m.get(this.k) ?? null;
    if (prop === "type") return typeof m.get(this.k) === "number" ? "Number" : "String";
    if (prop === "*") return { key: this.k, value: m.get(this.k) ?? null };
    throw new ExcelError("InvalidArgument", `CustomProperty.${prop}`);
  }
  get key(): string {
    return this.get("key");
  }
  get value(): unknown {
    return this.get("value");
  }
  delete(): void {
    this.set("delete", () => this.context.excel.customProps.delete(this.k));
  }
}

class FakeCustomPropertyCollection extends FakeObject {
  constructor(ctx: FakeRequestContext) {
    super(ctx, "CustomPropertyCollection");
  }
  protected snapshot(prop: string): unknown {
    if (prop === "items" || prop === "*")
      return [...this.context.excel.customProps.keys()].map(
        (k) => new FakeCustomProperty(this.context, k)
      );
    throw new ExcelError("InvalidArgument", `CustomPropertyCollection.${prop}`);
  }
  get items(): FakeCustomProperty[] {
    return this.get("items");
  }
  add(key: string, value: unknown): FakeCustomProperty {
    if (key.length > 255) throw new ExcelError("InvalidArgument", "key too long");
    this.set("add", () => {
      if (typeof value === "string" && value.length > 255)
        throw new ExcelError(
          "InvalidArgument",
          "custom property values are limited to 255 characters"
        );
      this.context.excel.customProps.set(key, value);
    });
    return new FakeCustomProperty(this.context, key);
  }
}

type SheetRef = () => SheetModel;

class FakeWorksheetCollection extends FakeObject {
  constructor(ctx: FakeRequestContext) {
    super(ctx, "WorksheetCollection");
  }
  protected snapshot(prop: string): unknown {
    if (prop === "items" || prop === "*")
      return this.context.excel.sheets.map((s) => new FakeWorksheet(this.context, () => s));
    throw new ExcelError("InvalidArgument", `WorksheetCollection.${prop}`);
  }
  get items(): FakeWorksheet[] {
    return this.get("items");
  }
  getItem(name: string): FakeWorksheet {
    const x = this.context.excel;
    return new FakeWorksheet(this.context, () => {
      const s = x.findSheet(name);
      if (!s) throw new ExcelError("ItemNotFound", `worksheet ${name}`);
      return s;
    });
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    const x = this.context.excel;
    return new FakeWorksheet(this.context, () => x.findSheet(name) ?? null!, true);
  }
  add(name: string): FakeWorksheet {
    const x = this.context.excel;
    let created: SheetModel | undefined;
    this.set("add", () => {
      if (x.findSheet(name)) throw new ExcelError("ItemAlreadyExists", `worksheet ${name}`);
      if (name.length > 31 || /[\\/?*[\]:]/.test(name))
        throw new ExcelError("InvalidArgument", `sheet name ${name}`);
      created = new SheetModel(name, x.id());
      x.sheets.push(created);
    });
    return new FakeWorksheet(this.context, () => {
      if (!created) throw new ExcelError("ItemNotFound", `worksheet ${name} was not created`);
      return created;
    });
  }
  getActiveWorksheet(): FakeWorksheet {
    const x = this.context.excel;
    return new FakeWorksheet(this.context, () => x.sheet(x.activeSheet ?? x.sheets[0].name));
  }
}

class FakeWorksheet extends FakeObject {
  constructor(
    ctx: FakeRequestContext,
    readonly ref: SheetRef,
    private readonly orNull = false
  ) {
    super(ctx, "Worksheet");
    this.nullable = true;
  }
  private model(): SheetModel {
    const s = this.ref();
    if (!s) throw new ExcelError("ItemNotFound", "worksheet (null object)");
    return s;
  }
  protected snapshot(prop: string): unknown {
    const s = this.ref();
    if (prop === "isNullObject") return !s;
    if (!s) return null;
    const x = this.context.excel;
    switch (prop) {
      case "name":
        return s.name;
      case "id":
        return s.id;
      case "position":
        return x.sheets.indexOf(s);
      case "visibility":
        return s.visibility;
      case "tabColor":
        return s.tabColor;
      case "*":
        return {
          name: s.name,
          id: s.id,
          position: x.sheets.indexOf(s),
          visibility: s.visibility,
          tabColor: s.tabColor,
        };
    }
    throw new ExcelError("InvalidArgument", `Worksheet.${prop}`);
  }
  protected navigation(prop: string): FakeObject | undefined {
    if (prop === "tables") return this.tables;
    if (prop === "charts") return this.charts;
    if (prop === "protection") return this.protection;
    return undefined;
  }
  get protection(): FakeWorksheetProtection {
    return this.child("protection", () => new FakeWorksheetProtection(this.context, this.ref));
  }
  get isNullObject(): boolean {
    return this.get("isNullObject");
  }
  get name(): string {
    return this.get("name");
  }
  set name(v: string) {
    this.set("name=", () => (this.model().name = v));
  }
  get position(): number {
    return this.get("position");
  }
  set position(v: number) {
    this.set("position=", () => {
      const x = this.context.excel;
      const s = this.model();
      x.sheets.splice(x.sheets.indexOf(s), 1);
      x.sheets.splice(Math.min(v, x.sheets.length), 0, s);
    });
  }
  get visibility(): string {
    return this.get("visibility");
  }
  set visibility(v: string) {
    this.set("visibility=", () => {
      const s = this.model();
      if (
        v !== "Visible" &&
        this.context.excel.sheets.filter((x) => x !== s && x.visibility === "Visible").length === 0
      ) {
        throw new ExcelError("InvalidOperation", "cannot hide the last visible sheet");
      }
      s.visibility = v as SheetModel["visibility"];
    });
  }
  get tabColor(): string {
    return this.get("tabColor");
  }
  set tabColor(v: string) {
    this.set("tabColor=", () => (this.model().tabColor = v));
  }
  get tables(): FakeTableCollection {
    return this.child("tables", () => new FakeTableCollection(this.context, () => this.model()));
  }
  get charts(): FakeChartCollection {
    return this.child("charts", () => new FakeChartCollection(this.context, () => this.model()));
  }
  get notes(): FakeNoteCollection {
    return this.child("notes", () => new FakeNoteCollection(this.context, () => this.model()));
  }
  get pageLayout() {
    return this.child("pageLayout", () =>
      fakePageLayout(
        () => this.model().pageLayout,
        (name, run) => this.set(name, run),
        (code, message) => new ExcelError(code, message),
        this.context.excel.isSetSupported("ExcelApi", "1.9")
      )
    );
  }
  get freezePanes() {
    return {
      freezeRows: (n: number) =>
        this.set("freezePanes.freezeRows", () => (this.model().frozenRows = n)),
      unfreeze: () => this.set("freezePanes.unfreeze", () => (this.model().frozenRows = 0)),
    };
  }
  get onChanged() {
    return {
      add: (handler: (e: unknown) => unknown) => {
        this.set("onChanged.add", () => this.model().handlers.push(handler));
        return {
          context: this.context,
          remove: () =>
            this.set("onChanged.remove", () => {
              const s = this.model();
              s.handlers = s.handlers.filter((h) => h !== handler);
            }),
        };
      },
    };
  }
  getRange(address?: string): FakeRange {
    return new FakeRange(this.context, () => {
      const s = this.model();
      if (!address) return { sheet: s, rect: { row: 0, column: 0, rows: 1048576, columns: 16384 } };
      const { sheet, range } = splitAddress(address);
      if (sheet && sheet.toLowerCase() !== s.name.toLowerCase())
        throw new ExcelError("InvalidArgument", `address ${address} is not on ${s.name}`);
      return { sheet: s, rect: parseRange(range) };
    });
  }
  getRangeByIndexes(row: number, column: number, rows: number, columns: number): FakeRange {
    return new FakeRange(this.context, () => ({
      sheet: this.model(),
      rect: { row, column, rows, columns },
    }));
  }
  getUsedRange(valuesOnly = false): FakeRange {
    return new FakeRange(this.context, () => ({
      sheet: this.model(),
      rect: this.model().used(valuesOnly) ?? { row: 0, column: 0, rows: 1, columns: 1 },
    }));
  }
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const s = this.ref();
        const rect = s ? s.used(valuesOnly) : null;
        return rect ? { sheet: s, rect } : null;
      },
      true
    );
  }
  activate(): void {
    this.set("activate", () => {
      const s = this.model();
      if (s.visibility !== "Visible")
        throw new ExcelError("InvalidOperation", "cannot activate a hidden sheet");
      this.context.excel.activeSheet = s.name;
    });
  }
  delete(): void {
    this.set("delete", () => {
      const x = this.context.excel;
      const s = this.model();
      if (x.sheets.filter((o) => o !== s && o.visibility === "Visible").length === 0)
        throw new ExcelError("InvalidOperation", "cannot delete the last visible sheet");
      x.sheets.splice(x.sheets.indexOf(s), 1);
      x.tables = x.tables.filter((t) => t.sheet !== s);
    });
  }
}

type RangeRef = () => { sheet: SheetModel; rect: Rect } | null;

export class FakeRange extends FakeObject {
  constructor(
    ctx: FakeRequestContext,
    readonly ref: RangeRef,
    readonly orNull = false
  ) {
    super(ctx, "Range");
    this.nullable = true;
  }
  private resolving: { m: ReturnType<RangeRef> } | null = null;
  protected during<T>(f: () => T): T {
    this.resolving = { m: this.ref() };
    try {
      return f();
    } finally {
      this.resolving = null;
    }
  }
  private resolve(): ReturnType<RangeRef> {
    return this.resolving ? this.resolving.m : this.ref();
  }
  model(): { sheet: SheetModel; rect: Rect } {
    const m = this.resolve();
    if (!m) throw new ExcelError("ItemNotFound", "range (null object)");
    return m;
  }
  private checkSize(rect: Rect) {
    const n = rect.rows * rect.columns;
    if (n > this.context.excel.options.maxCellsPerRange)
      throw new ExcelError(
        "ResponsePayloadSizeLimitExceeded",
        `range of ${n} cells is above the ${this.context.excel.options.maxCellsPerRange} cell limit`
      );
  }
  protected snapshot(prop: string): unknown {
    const m = this.resolve();
    if (prop === "isNullObject") return !m;
    if (!m) return null;
    const { sheet, rect } = m;
    const cellGrid = (f: (c: CellModel | undefined) => unknown) => {
      this.checkSize(rect);
      return grid(rect, (i, j) => f(sheet.cell(rect.row + i, rect.column + j)));
    };
    switch (prop) {
      case "address":
        return `${quoteSheet(sheet.name)}!${rectA1(rect)}`;
      case "rowCount":
        return rect.rows;
      case "columnCount":
        return rect.columns;
      case "rowIndex":
        return rect.row;
      case "columnIndex":
        return rect.column;
      case "values":
        return cellGrid((c) => (c ? (c.value ?? "") : ""));
      case "formulas":
        return cellGrid((c) => (c ? (c.formula ?? c.value ?? "") : ""));
      case "numberFormat":
        return cellGrid((c) => c?.numberFormat ?? "General");
      case "text":
        return cellGrid((c) => (c ? String(c.value ?? "") : ""));
      case "*":
        return {
          address: `${quoteSheet(sheet.name)}!${rectA1(rect)}`,
          rowCount: rect.rows,
          columnCount: rect.columns,
          rowIndex: rect.row,
          columnIndex: rect.column,
          values: cellGrid((c) => (c ? (c.value ?? "") : "")),
        };
    }
    throw new ExcelError("InvalidArgument", `Range.${prop}`);
  }
  protected navigation(prop: string): FakeObject | undefined {
    if (prop === "format") return this.format;
    return undefined;
  }
  get isNullObject(): boolean {
    return this.get("isNullObject");
  }
  get address(): string {
    return this.get("address");
  }
  get rowCount(): number {
    return this.get("rowCount");
  }
  get columnCount(): number {
    return this.get("columnCount");
  }
  get rowIndex(): number {
    return this.get("rowIndex");
  }
  get columnIndex(): number {
    return this.get("columnIndex");
  }
  get values(): unknown[][] {
    return this.get("values");
  }
  set values(v: unknown[][]) {
    this.write("values", v, (cell, x) => writeApiCell(cell, x, this.context.excel));
  }
  get formulas(): unknown[][] {
    return this.get("formulas");
  }
  set formulas(v: unknown[][]) {
    this.write("formulas", v, (cell, x) => writeApiCell(cell, x, this.context.excel));
  }
  get numberFormat(): unknown[][] {
    return this.get("numberFormat");
  }
  set numberFormat(v: unknown[][]) {
    this.write("numberFormat", v, (cell, x) => (cell.numberFormat = String(x)));
  }
  private write(name: string, v: unknown, apply: (cell: CellModel, x: unknown) => void): void {
    this.set(
      `${name}=`,
      () => {
        const { sheet, rect } = this.model();
        this.checkSize(rect);
        refuseProtected(sheet);
        if (Array.isArray(v)) {
          if (
            v.length !== rect.rows ||
            v.some((row) => !Array.isArray(row) || row.length !== rect.columns)
          ) {
            throw new ExcelError(
              "InvalidArgument",
              `${name}: a ${v.length}x${(v[0] as unknown[] | undefined)?.length ?? 0} array for a ${rect.rows}x${rect.columns} range ${rectA1(rect)}`
            );
          }
          (v as unknown[][]).forEach((row, i) =>
            row.forEach((x, j) => {
              if (x === null || x === undefined) return; // null leaves the cell unchanged
              apply(sheet.ensure(rect.row + i, rect.column + j), x);
            })
          );
        } else {
          for (let i = 0; i < rect.rows; i++)
            for (let j = 0; j < rect.columns; j++)
              apply(sheet.ensure(rect.row + i, rect.column + j), v);
        }
        this.context.noteWrite(sheet, rect, name !== "numberFormat");
      },
      this.context.requestSize(v)
    );
  }
  /** Microsoft's client sends this before a 2-D write: the array must be the range's size. */
  _ValidateArraySize(rows: number, columns: number): void {
    this.set("_ValidateArraySize", () => {
      const { rect } = this.model();
      if (rect.rows !== rows || rect.columns !== columns)
        throw new ExcelError(
          "InvalidArgument",
          `a ${rows}x${columns} array for a ${rect.rows}x${rect.columns} range`
        );
    });
  }
  get format(): FakeRangeFormat {
    return this.child("format", () => new FakeRangeFormat(this.context, this));
  }
  get dataValidation(): FakeDataValidation {
    return this.child("dataValidation", () => new FakeDataValidation(this.context, this));
  }
  get conditionalFormats(): FakeConditionalFormatCollection {
    return this.child(
      "conditionalFormats",
      () => new FakeConditionalFormatCollection(this.context, this)
    );
  }
  get worksheet(): FakeWorksheet {
    return this.child("worksheet", () => new FakeWorksheet(this.context, () => this.model().sheet));
  }
  set hyperlink(v: CellModel["hyperlink"]) {
    this.set("hyperlink=", () => {
      const { sheet, rect } = this.model();
      sheet.ensure(rect.row, rect.column).hyperlink = v;
    });
  }
  getCell(row: number, column: number): FakeRange {
    return new FakeRange(this.context, () => {
      const m = this.model();
      return {
        sheet: m.sheet,
        rect: { row: m.rect.row + row, column: m.rect.column + column, rows: 1, columns: 1 },
      };
    });
  }
  getRow(row: number): FakeRange {
    return new FakeRange(this.context, () => {
      const m = this.model();
      return {
        sheet: m.sheet,
        rect: { row: m.rect.row + row, column: m.rect.column, rows: 1, columns: m.rect.columns },
      };
    });
  }
  /** The smallest range that holds both (Microsoft's client cuts large writes into such row chunks). */
  getBoundingRect(other: FakeRange): FakeRange {
    return new FakeRange(this.context, () => {
      const a = this.model();
      const b = other.model();
      const row = Math.min(a.rect.row, b.rect.row);
      const column = Math.min(a.rect.column, b.rect.column);
      return {
        sheet: a.sheet,
        rect: {
          row,
          column,
          rows: Math.max(a.rect.row + a.rect.rows, b.rect.row + b.rect.rows) - row,
          columns:
            Math.max(a.rect.column + a.rect.columns, b.rect.column + b.rect.columns) - column,
        },
      };
    });
  }
  getColumn(column: number): FakeRange {
    return new FakeRange(this.context, () => {
      const m = this.model();
      return {
        sheet: m.sheet,
        rect: { row: m.rect.row, column: m.rect.column + column, rows: m.rect.rows, columns: 1 },
      };
    });
  }
  getOffsetRange(rows: number, columns: number): FakeRange {
    return new FakeRange(this.context, () => {
      const m = this.model();
      return {
        sheet: m.sheet,
        rect: { ...m.rect, row: m.rect.row + rows, column: m.rect.column + columns },
      };
    });
  }
  select(): void {
    this.set("select", () => {
      const { sheet, rect } = this.model();
      const x = this.context.excel;
      if (x.activeSheet?.toLowerCase() !== sheet.name.toLowerCase())
        throw new ExcelError(
          "InvalidSelection",
          `select() on ${sheet.name}, which is not the active sheet (activate it first)`
        );
      x.selection = { sheet: sheet.name, address: rectA1(rect) };
    });
  }
  clear(applyTo: string = "All"): void {
    this.set(`clear(${applyTo})`, () => {
      const { sheet, rect } = this.model();
      for (const [k, cell] of [...sheet.cells]) {
        const [r, c] = SheetModel.rc(k);
        if (
          r < rect.row ||
          r >= rect.row + rect.rows ||
          c < rect.column ||
          c >= rect.column + rect.columns
        )
          continue;
        if (applyTo === "All") sheet.cells.delete(k);
        else if (applyTo === "Contents") {
          cell.value = "";
          delete cell.formula;
        } else if (applyTo === "Formats") {
          delete cell.numberFormat;
          cell.fill = null;
          cell.fontColor = null;
          cell.bold = false;
          cell.wrap = false;
        } else if (applyTo === "Hyperlinks") cell.hyperlink = null;
      }
      if (applyTo === "All") {
        sheet.condFormats = sheet.condFormats.filter((f) => !intersects(f.rect, rect));
        sheet.validations = sheet.validations.filter((f) => !intersects(f.rect, rect));
        for (const k of [...sheet.notes.keys()]) {
          const p = parseRange(k);
          if (intersects(p, rect)) sheet.notes.delete(k);
        }
      }
      if (applyTo === "All" || applyTo === "Contents") this.context.noteWrite(sheet, rect);
    });
  }
}

class FakeRangeFormat extends FakeObject {
  constructor(
    ctx: FakeRequestContext,
    readonly range: FakeRange
  ) {
    super(ctx, "RangeFormat");
  }
  protected snapshot(prop: string): unknown {
    const { sheet, rect } = this.range.model();
    if (prop === "columnWidth") return sheet.columnWidths.get(rect.column) ?? 48;
    if (prop === "wrapText") return sheet.cell(rect.row, rect.column)?.wrap ?? false;
    throw new ExcelError("InvalidArgument", `RangeFormat.${prop}`);
  }
  protected navigation(prop: string): FakeObject | undefined {
    if (prop === "fill") return this.fill;
    if (prop === "font") return this.font;
    return undefined;
  }
  each(f: (c: CellModel) => void) {
    const { sheet, rect } = this.range.model();
    refuseProtected(sheet);
    for (let i = 0; i < rect.rows; i++)
      for (let j = 0; j < rect.columns; j++) f(sheet.ensure(rect.row + i, rect.column + j));
    this.context.noteWrite(sheet, rect, false); // a format change is a change of the table too
  }
  get fill() {
    return this.child("fill", () => new FakeRangeFill(this.context, this));
  }
  get font() {
    return this.child("font", () => new FakeRangeFont(this.context, this));
  }
  set columnWidth(v: number) {
    this.set("columnWidth=", () => {
      const { sheet, rect } = this.range.model();
      for (let j = 0; j < rect.columns; j++) sheet.columnWidths.set(rect.column + j, v);
    });
  }
  get columnWidth(): number {
    return this.get("columnWidth");
  }
  set wrapText(v: boolean) {
    this.set("wrapText=", () => this.each((c) => (c.wrap = v)));
  }
}

class FakeRangeFill extends FakeObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly fmt: FakeRangeFormat
  ) {
    super(ctx, "RangeFill");
  }
  protected snapshot(prop: string): unknown {
    const { sheet, rect } = this.fmt.range.model();
    const c = sheet.cell(rect.row, rect.column)?.fill ?? null;
    if (
      (prop === "pattern" || prop === "*") &&
      !this.context.excel.isSetSupported("ExcelApi", "1.9")
    )
      throw new ExcelError("ApiNotFound", "RangeFill.pattern needs ExcelApi 1.9");
    if (prop === "color") return c ?? "#FFFFFF";
    if (prop === "pattern") return c ? "Solid" : "None";
    if (prop === "*") return { color: c ?? "#FFFFFF", pattern: c ? "Solid" : "None" };
    throw new ExcelError("InvalidArgument", `RangeFill.${prop}`);
  }
  get color(): string | null {
    return this.get("color");
  }
  get pattern(): string {
    return this.get("pattern");
  }
  set color(v: string | null) {
    this.set("color=", () => this.fmt.each((c) => (c.fill = v)));
  }
  clear(): void {
    this.set("clear", () => this.fmt.each((c) => (c.fill = null)));
  }
}

class FakeRangeFont extends FakeObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly fmt: FakeRangeFormat
  ) {
    super(ctx, "RangeFont");
  }
  protected snapshot(prop: string): unknown {
    const { sheet, rect } = this.fmt.range.model();
    const c = sheet.cell(rect.row, rect.column);
    if (prop === "bold") return c?.bold ?? false;
    if (prop === "color") return c?.fontColor ?? "#000000";
    throw new ExcelError("InvalidArgument", `RangeFont.${prop}`);
  }
  set bold(v: boolean) {
    this.set("bold=", () => this.fmt.each((c) => (c.bold = v)));
  }
  set color(v: string) {
    this.set("color=", () => this.fmt.each((c) => (c.fontColor = v)));
  }
}

class FakeCellValueFormat extends FakeObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly ref: () => CondFormatModel
  ) {
    super(ctx, "CellValueConditionalFormat");
    this.nullable = true;
  }
  protected snapshot(prop: string): unknown {
    const m = this.ref();
    if (prop === "isNullObject") return m.type !== "CellValue";
    if (prop === "rule") return m.type === "CellValue" ? m.rule : null;
    throw new ExcelError("InvalidArgument", `CellValueConditionalFormat.${prop}`);
  }
  get rule(): CondFormatModel["rule"] {
    return this.get("rule");
  }
  set rule(r: CondFormatModel["rule"]) {
    this.set("rule=", () => (this.ref().rule = r));
  }
  get format() {
    const ref = this.ref;
    const ctx = this.context;
    return {
      fill: {
        set color(c: string) {
          ctx.enqueue("ConditionalRangeFill.color=", () => (ref().fill = c));
        },
      },
      font: {
        set color(c: string) {
          ctx.enqueue("ConditionalRangeFont.color=", () => (ref().font = c));
        },
      },
    };
  }
}

/** Excel's limits on data validation texts: title 32 characters, message 255 (input) or 225 (error). */
function checkTexts(what: string, p: unknown, maxMessage: number): void {
  const o = (p ?? {}) as { title?: string; message?: string };
  if ((o.title ?? "").length > 32)
    throw new ExcelError("InvalidArgument", `${what}.title is longer than 32 characters`);
  if ((o.message ?? "").length > maxMessage)
    throw new ExcelError(
      "InvalidArgument",
      `${what}.message is longer than ${maxMessage} characters`
    );
}

class FakeDataValidation extends FakeObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly range: FakeRange
  ) {
    super(ctx, "DataValidation");
  }
  protected snapshot(prop: string): unknown {
    const { sheet, rect } = this.range.model();
    const v = sheet.validations.find((x) => intersects(x.rect, rect));
    if (prop === "rule") return v?.rule ?? {};
    if (prop === "prompt") return v?.prompt ?? null;
    throw new ExcelError("InvalidArgument", `DataValidation.${prop}`);
  }
  private upsert(f: (v: ValidationModel) => void) {
    const { sheet, rect } = this.range.model();
    let v = sheet.validations.find((x) => rectA1(x.rect) === rectA1(rect));
    if (!v) {
      if (sheet.validations.some((x) => intersects(x.rect, rect)))
        throw new ExcelError(
          "InvalidOperation",
          "the range already has a different data validation: clear it first"
        );
      sheet.validations.push((v = { rect, rule: null }));
    }
    f(v);
  }
  set rule(r: unknown) {
    this.set("rule=", () =>
      this.upsert((v) => {
        if (v.rule)
          throw new ExcelError(
            "InvalidOperation",
            "a data validation rule is already set: clear it first"
          );
        v.rule = r;
      })
    );
  }
  get rule(): unknown {
    return this.get("rule");
  }
  set prompt(p: unknown) {
    this.set("prompt=", () => {
      checkTexts("prompt", p, 255);
      this.upsert((v) => (v.prompt = p));
    });
  }
  set errorAlert(p: unknown) {
    this.set("errorAlert=", () => {
      checkTexts("errorAlert", p, 225);
      this.upsert((v) => (v.errorAlert = p));
    });
  }
  clear(): void {
    this.set("clear", () => {
      const { sheet, rect } = this.range.model();
      sheet.validations = sheet.validations.filter((x) => !intersects(x.rect, rect));
    });
  }
}

class FakeConditionalFormat extends FakeObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly ref: () => CondFormatModel
  ) {
    super(ctx, "ConditionalFormat");
  }
  protected snapshot(prop: string): unknown {
    if (prop === "type") return this.ref().type;
    throw new ExcelError("InvalidArgument", `ConditionalFormat.${prop}`);
  }
  protected navigation(prop: string): FakeObject | undefined {
    if (prop === "cellValue" || prop === "cellValueOrNullObject") return this.cellValueOrNullObject;
    return undefined;
  }
  get type(): string {
    return this.get("type");
  }
  get cellValueOrNullObject() {
    return this.cellValue;
  }
  get cellValue() {
    return this.child("cellValue", () => new FakeCellValueFormat(this.context, this.ref));
  }
}

class FakeConditionalFormatCollection extends FakeObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly range: FakeRange
  ) {
    super(ctx, "ConditionalFormatCollection");
  }
  protected snapshot(prop: string): unknown {
    if (prop === "items" || prop === "*") {
      const { sheet, rect } = this.range.model();
      return sheet.condFormats
        .filter((f) => intersects(f.rect, rect))
        .map((f) => new FakeConditionalFormat(this.context, () => f));
    }
    throw new ExcelError("InvalidArgument", `ConditionalFormatCollection.${prop}`);
  }
  get items(): FakeConditionalFormat[] {
    return this.get("items");
  }
  add(type: string): FakeConditionalFormat {
    let made: CondFormatModel | undefined;
    this.set("add", () => {
      const { sheet, rect } = this.range.model();
      made = { rect, type, rule: null, fill: null, font: null };
      sheet.condFormats.push(made);
    });
    return new FakeConditionalFormat(this.context, () => {
      if (!made) throw new ExcelError("ItemNotFound", "conditional format");
      return made;
    });
  }
  clearAll(): void {
    this.set("clearAll", () => {
      const { sheet, rect } = this.range.model();
      sheet.condFormats = sheet.condFormats.filter((f) => !intersects(f.rect, rect));
    });
  }
}

class FakeTableCollection extends FakeObject {
  readonly onChanged = { add: (h: (e: unknown) => unknown) => this.addAllHandler(h) };
  constructor(
    ctx: FakeRequestContext,
    private readonly sheetRef: SheetRef | null
  ) {
    super(ctx, "TableCollection");
  }
  private list(): TableModel[] {
    const s = this.sheetRef?.();
    return this.context.excel.tables.filter((t) => !s || t.sheet === s);
  }
  private addAllHandler(h: (e: unknown) => unknown) {
    throw new Error(`TableCollection.onChanged is not faked (handler ${typeof h})`);
  }
  protected snapshot(prop: string): unknown {
    if (prop === "items" || prop === "*")
      return this.list().map((t) => new FakeTable(this.context, () => t));
    if (prop === "count") return this.list().length;
    throw new ExcelError("InvalidArgument", `TableCollection.${prop}`);
  }
  get items(): FakeTable[] {
    return this.get("items");
  }
  getItem(name: string): FakeTable {
    return new FakeTable(this.context, () => {
      const t = this.list().find((x) => x.name.toLowerCase() === name.toLowerCase());
      if (!t) throw new ExcelError("ItemNotFound", `table ${name}`);
      return t;
    });
  }
  getItemOrNullObject(name: string): FakeTable {
    return new FakeTable(
      this.context,
      () => this.list().find((x) => x.name.toLowerCase() === name.toLowerCase()) ?? null!
    );
  }
  add(address: string, hasHeaders: boolean): FakeTable {
    const x = this.context.excel;
    let made: TableModel | undefined;
    this.set("add", () => {
      const { sheet: sheetName, range } = splitAddress(address);
      const sheet = this.sheetRef?.() ?? (sheetName ? x.findSheet(sheetName) : undefined);
      if (!sheet) throw new ExcelError("InvalidArgument", `table address ${address} has no sheet`);
      const rect = parseRange(range);
      if (x.tables.some((t) => t.sheet === sheet && intersects(t.rect, rect)))
        throw new ExcelError(
          "InvalidOperation",
          `a table cannot overlap another table (${address})`
        );
      if (rect.rows < 2 && hasHeaders)
        throw new ExcelError("InvalidArgument", "a table needs a header row and at least one row");
      let n = 1;
      while (x.tables.some((t) => t.name === `Table${n}`)) n++;
      made = new TableModel(`Table${n}`, sheet, rect, x.id(), hasHeaders);
      x.tables.push(made);
    });
    return new FakeTable(this.context, () => {
      if (!made) throw new ExcelError("ItemNotFound", "table was not created");
      return made;
    });
  }
}

class FakeEventResult {
  get context(): FakeRequestContext {
    return this.ctx;
  }
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly table: () => TableModel,
    private readonly handler: (e: unknown) => unknown
  ) {}
  remove(): void {
    this.ctx.enqueue("EventHandlerResult.remove", () => {
      const t = this.table();
      t.handlers = t.handlers.filter((h) => h !== this.handler);
    });
  }
}

class FakeTable extends FakeObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly ref: () => TableModel
  ) {
    super(ctx, "Table");
    this.nullable = true;
  }
  private model(): TableModel {
    const t = this.ref();
    if (!t) throw new ExcelError("ItemNotFound", "table (null object)");
    return t;
  }
  protected snapshot(prop: string): unknown {
    const t = this.ref();
    if (prop === "isNullObject") return !t;
    if (!t) return null;
    switch (prop) {
      case "name":
        return t.name;
      case "id":
        return t.id;
      case "showHeaders":
        return t.showHeaders;
      case "style":
        return t.style;
      case "*":
        return { name: t.name, id: t.id, showHeaders: t.showHeaders, style: t.style };
    }
    throw new ExcelError("InvalidArgument", `Table.${prop}`);
  }
  protected navigation(prop: string): FakeObject | undefined {
    if (prop === "worksheet") return this.worksheet;
    return undefined;
  }
  get isNullObject(): boolean {
    return this.get("isNullObject");
  }
  get name(): string {
    return this.get("name");
  }
  set name(v: string) {
    this.set("name=", () => {
      if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(v))
        throw new ExcelError("InvalidArgument", `table name ${v}`);
      if (
        this.context.excel.tables.some(
          (t) => t !== this.model() && t.name.toLowerCase() === v.toLowerCase()
        )
      )
        throw new ExcelError("ItemAlreadyExists", `table ${v}`);
      this.model().name = v;
    });
  }
  get showHeaders(): boolean {
    return this.get("showHeaders");
  }
  set style(v: string) {
    this.set("style=", () => (this.model().style = v));
  }
  get worksheet(): FakeWorksheet {
    return this.child("worksheet", () => new FakeWorksheet(this.context, () => this.model().sheet));
  }
  getRange(): FakeRange {
    return new FakeRange(this.context, () => ({
      sheet: this.model().sheet,
      rect: this.model().rect,
    }));
  }
  getHeaderRowRange(): FakeRange {
    return new FakeRange(this.context, () => ({
      sheet: this.model().sheet,
      rect: { ...this.model().rect, rows: 1 },
    }));
  }
  getDataBodyRange(): FakeRange {
    return new FakeRange(this.context, () => {
      const r = this.model().rect;
      return { sheet: this.model().sheet, rect: { ...r, row: r.row + 1, rows: r.rows - 1 } };
    });
  }
  convertToRange(): FakeRange {
    let rect: Rect | undefined;
    let sheet: SheetModel | undefined;
    this.set("convertToRange", () => {
      const t = this.model();
      rect = t.rect;
      sheet = t.sheet;
      this.context.excel.tables = this.context.excel.tables.filter((x) => x !== t);
    });
    return new FakeRange(this.context, () => (sheet && rect ? { sheet, rect } : null));
  }
  delete(): void {
    this.set("delete", () => {
      const t = this.model();
      const x = this.context.excel;
      for (const k of [...t.sheet.cells.keys()]) {
        const [r, c] = SheetModel.rc(k);
        if (
          r >= t.rect.row &&
          r < t.rect.row + t.rect.rows &&
          c >= t.rect.column &&
          c < t.rect.column + t.rect.columns
        )
          t.sheet.cells.delete(k);
      }
      x.tables = x.tables.filter((o) => o !== t);
    });
  }
  get onChanged() {
    return {
      add: (handler: (e: unknown) => unknown) => {
        this.set("onChanged.add", () => this.model().handlers.push(handler));
        return new FakeEventResult(this.context, () => this.model(), handler);
      },
    };
  }
}

class FakeChartCollection extends FakeObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly sheetRef: SheetRef
  ) {
    super(ctx, "ChartCollection");
  }
  protected snapshot(prop: string): unknown {
    if (prop === "items" || prop === "*")
      return this.sheetRef().charts.map((c) => new FakeChart(this.context, this.sheetRef, () => c));
    throw new ExcelError("InvalidArgument", `ChartCollection.${prop}`);
  }
  get items(): FakeChart[] {
    return this.get("items");
  }
  add(type: string, source: FakeRange, seriesBy = "Auto"): FakeChart {
    let made: ChartModel | undefined;
    this.set("add", () => {
      const { sheet, rect } = source.model();
      if (sheet !== this.sheetRef())
        throw new ExcelError("InvalidArgument", "chart data on another sheet");
      made = {
        name: `Chart ${sheet.charts.length + 1}`,
        type,
        source: rectA1(rect),
        title: "",
        position: null,
        seriesColours: [],
        pointColours: [],
        series: Array.from({ length: Math.max(1, rect.columns - 1) }, (_, j) =>
          String(sheet.cell(rect.row, rect.column + 1 + j)?.value ?? `Reeks${j + 1}`)
        ),
      };
      if (seriesBy !== "Columns")
        throw new ExcelError("InvalidArgument", "the twin draws series by columns only");
      sheet.charts.push(made);
    });
    return new FakeChart(this.context, this.sheetRef, () => {
      if (!made) throw new ExcelError("ItemNotFound", "chart was not created");
      return made;
    });
  }
  getItemOrNullObject(name: string): FakeChart {
    return new FakeChart(
      this.context,
      this.sheetRef,
      () => this.sheetRef().charts.find((c) => c.name === name) ?? null!
    );
  }
}

class FakeChart extends FakeObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly sheetRef: SheetRef,
    private readonly ref: () => ChartModel
  ) {
    super(ctx, "Chart");
    this.nullable = true;
  }
  protected snapshot(prop: string): unknown {
    const c = this.ref();
    if (prop === "isNullObject") return !c;
    if (prop === "name") return c?.name ?? null;
    if (prop === "*") return { name: c?.name };
    throw new ExcelError("InvalidArgument", `Chart.${prop}`);
  }
  get name(): string {
    return this.get("name");
  }
  set name(v: string) {
    this.set("name=", () => (this.ref().name = v));
  }
  get title() {
    const setText = (v: string) => this.set("title.text=", () => (this.ref().title = v));
    return {
      set text(v: string) {
        setText(v);
      },
    };
  }
  setPosition(start: string, end?: string): void {
    this.set("setPosition", () => (this.ref().position = end ? `${start}:${end}` : start));
  }
  get series() {
    return {
      getItemAt: (i: number) => ({
        delete: () =>
          this.set("series.delete", () => {
            const c = this.ref();
            if (i >= c.series.length) throw new ExcelError("ItemNotFound", `series ${i}`);
            c.series.splice(i, 1);
          }),
        format: {
          fill: {
            setSolidColor: (c: string) =>
              this.set("series.fill", () => (this.ref().seriesColours[i] = c)),
          },
        },
        points: {
          getItemAt: (p: number) => ({
            format: {
              fill: {
                setSolidColor: (c: string) =>
                  this.set("point.fill", () => (this.ref().pointColours[p] = c)),
              },
            },
          }),
        },
      }),
    };
  }
  delete(): void {
    this.set("delete", () => {
      const s = this.sheetRef();
      s.charts = s.charts.filter((c) => c !== this.ref());
    });
  }
}

type NoteRef = () => { sheet: SheetModel; key: string };

class FakeNote extends FakeObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly where: NoteRef
  ) {
    super(ctx, "Note");
    this.nullable = true;
  }
  private ref(): NoteModel | null {
    const { sheet, key } = this.where();
    return sheet.notes.get(key) ?? null;
  }
  protected snapshot(prop: string): unknown {
    const n = this.ref();
    if (prop === "isNullObject") return !n;
    if (prop === "content") return n?.content ?? null;
    if (prop === "authorName") return n?.author ?? "";
    if (prop === "*") return { content: n?.content ?? null, authorName: n?.author ?? "" };
    throw new ExcelError("InvalidArgument", `Note.${prop}`);
  }
  get isNullObject(): boolean {
    return this.get("isNullObject");
  }
  get content(): string {
    return this.get("content");
  }
  get authorName(): string {
    return this.get("authorName");
  }
  set content(v: string) {
    this.set("content=", () => {
      const n = this.ref();
      if (!n) throw new ExcelError("ItemNotFound", "note");
      refuseProtected(this.where().sheet);
      n.content = v;
    });
  }
  getLocation(): FakeRange {
    return new FakeRange(this.context, () => {
      const { sheet, key } = this.where();
      if (!sheet.notes.has(key)) throw new ExcelError("ItemNotFound", `note ${key}`);
      return { sheet, rect: parseRange(key) };
    });
  }
  delete(): void {
    this.set("delete", () => {
      const { sheet, key } = this.where();
      if (!sheet.notes.has(key)) throw new ExcelError("ItemNotFound", `note ${key}`);
      refuseProtected(sheet);
      sheet.notes.delete(key);
    });
  }
}

/**
 * Notes of a worksheet (keys: cell addresses such as "D12", or a Range) or of the workbook (a Range only:
 * the reference documents no sheet-qualified key, so the twin refuses one).
 */
class FakeNoteCollection extends FakeObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly sheetRef: SheetRef | null
  ) {
    super(ctx, "NoteCollection");
  }
  private where(cell: string | FakeRange): NoteRef {
    if (typeof cell === "string" && (!this.sheetRef || cell.includes("!")))
      throw new ExcelError(
        "InvalidArgument",
        `note key ${cell}: address notes through the worksheet's notes with a cell address (e.g. "D12")`
      );
    return () => {
      if (cell instanceof FakeRange) {
        const { sheet, rect } = cell.model();
        if (this.sheetRef && sheet !== this.sheetRef())
          throw new ExcelError("InvalidArgument", "note cell is on another sheet");
        return { sheet, key: cellA1(rect.row, rect.column) };
      }
      const r = parseRange(cell as string);
      if (r.rows !== 1 || r.columns !== 1)
        throw new ExcelError("InvalidCellAddress", `note address ${cell} is not one cell`);
      return { sheet: this.sheetRef!(), key: cellA1(r.row, r.column) };
    };
  }
  protected snapshot(prop: string): unknown {
    if (prop === "items" || prop === "*") {
      const sheets = this.sheetRef ? [this.sheetRef()] : this.context.excel.sheets;
      return sheets.flatMap((sh) =>
        [...sh.notes.keys()].map((k) => new FakeNote(this.context, () => ({ sheet: sh, key: k })))
      );
    }
    throw new ExcelError("InvalidArgument", `NoteCollection.${prop}`);
  }
  get items(): FakeNote[] {
    return this.get("items");
  }
  /** `getCount()`: a ClientResult whose value is there after the sync. */
  getCount(): { readonly value: number } {
    let n: number | undefined;
    this.context.enqueueLoad("NoteCollection.getCount", () => {
      const count = this.sheetRef
        ? this.sheetRef().notes.size
        : this.context.excel.sheets.reduce((k, sh) => k + sh.notes.size, 0);
      return () => (n = count);
    });
    return {
      get value(): number {
        if (n === undefined)
          throw new ExcelError("PropertyNotLoaded", "getCount() was not synced yet");
        return n;
      },
    };
  }
  add(cell: string | FakeRange, content: string): FakeNote {
    const where = this.where(cell);
    this.set(
      "add",
      () => {
        if (!this.context.excel.isSetSupported("ExcelApi", "1.18"))
          throw new ExcelError("ApiNotFound", "notes need ExcelApi 1.18");
        const { sheet, key } = where();
        if (sheet.notes.has(key))
          throw new ExcelError("InvalidOperation", `cell ${key} already has a note`);
        refuseProtected(sheet);
        sheet.notes.set(key, { cell: key, content });
      },
      content.length
    );
    return new FakeNote(this.context, where);
  }
  getItem(cell: string): FakeNote {
    const where = this.where(cell);
    return new FakeNote(this.context, () => {
      const w = where();
      if (!w.sheet.notes.has(w.key)) throw new ExcelError("ItemNotFound", `note ${w.key}`);
      return w;
    });
  }
  getItemOrNullObject(cell: string): FakeNote {
    return new FakeNote(this.context, this.where(cell));
  }
}

/** Globals for a browser page: `Office` and `Excel` as office.js defines them. */
export function installGlobals(target: Record<string, unknown>, excel: FakeExcel): void {
  target.Excel = {
    run: excel.run,
    ConditionalFormatType: { cellValue: "CellValue" },
    ChartType: { barClustered: "BarClustered", columnClustered: "ColumnClustered", pie: "Pie" },
  };
  target.Office = {
    HostType: { Excel: "Excel" },
    PlatformType: { PC: "PC", OfficeOnline: "OfficeOnline", Mac: "Mac" },
    context: {
      platform: excel.options.platform,
      displayLanguage: excel.options.displayLanguage,
      requirements: { isSetSupported: (n: string, v?: string) => excel.isSetSupported(n, v) },
    },
    onReady: (cb?: (info: { host: string; platform: string }) => void) => {
      const info = { host: "Excel", platform: excel.options.platform };
      cb?.(info);
      return Promise.resolve(info);
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Strictness from the Office.js reference (issue 21): cell-edit mode, worksheet protection, payload errors.

type RunOptions = { delayForCellEdit?: boolean };

/**
 * RunOptions.delayForCellEdit: "if true, the batch request is delayed until the user exits cell edit mode;
 * if false, the batch request automatically fails if the user is in cell edit mode". A failed request runs
 * none of its actions (so a request that would switch events on again leaves them off).
 */
async function waitOutCellEdit(ctx: FakeRequestContext): Promise<void> {
  const x = ctx.excel;
  if (!x.cellEditMode) return;
  if (!ctx.delayForCellEdit)
    throw new ExcelError(
      "InvalidOperationInCellEditMode",
      "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB"
    );
  x.delayedRequests++;
  await x.cellEditEnded();
}

/** Writes to a protected sheet fail as Excel's do (the request stops at the refused action). */
function refuseProtected(sheet: SheetModel): void {
  if (sheet.protected) throw new ExcelError("AccessDenied", `the sheet ${sheet.name} is protected`);
}

function payloadError(x: FakeExcel, what: "Request" | "Response", bytes: number): ExcelError {
  if (x.options.payloadError === "GeneralException")
    return new ExcelError("GeneralException", "An internal error has occurred.");
  return new ExcelError(
    `${what}PayloadSizeLimitExceeded`,
    `${what.toLowerCase()} of ${bytes} bytes`
  );
}

/** `worksheet.protection`: `protected` is read-only here; tests protect a sheet through its model. */
class FakeWorksheetProtection extends FakeObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly sheetRef: () => SheetModel | null
  ) {
    super(ctx, "WorksheetProtection");
  }
  protected snapshot(prop: string): unknown {
    const s = this.sheetRef();
    if (!s) throw new ExcelError("ItemNotFound", "worksheet");
    if (prop === "protected") return s.protected;
    if (prop === "*") return { protected: s.protected };
    throw new ExcelError("InvalidArgument", `WorksheetProtection.${prop}`);
  }
  get protected(): boolean {
    return this.get("protected");
  }
}
