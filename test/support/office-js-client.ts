/**
 * Microsoft's own Office.js client (the `@microsoft/office-js` package's Excel web build) in a jsdom window,
 * with its request executor replaced: every `context.sync()` is serialised by Microsoft's code into the
 * request Excel on the web would receive; the executor records its body and size, refuses it above the
 * 5 MB limit as Excel does, and answers it from the twin (test/fakes/excel.ts) by replaying its object paths
 * and actions on the twin's objects.
 *
 * The client (1.1.110) predates the notes API (ExcelApi 1.18). Notes are serialised through its comment
 * classes, which have the same shape (`notes`/`comments` collections on the worksheet, `add(cell,
 * content)`, `getItem`, `getItemOrNullObject`, `content`, `authorName`, `getLocation()`, `delete()`); the
 * property name "Comments" is 3 bytes longer than "Notes" and `add` sends one more (null) argument, so the
 * sizes measured for notes are an upper bound by a few bytes per note.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { JSDOM } from "jsdom";
import type { ExcelRun } from "../../src/excel/port";
import { FakeRequestContext, type FakeExcel } from "../fakes/excel";

const CLIENT = join(
  __dirname,
  "../../node_modules/@microsoft/office-js/dist/excel-web-16.00.debug.js"
);
/** Excel on the web refuses requests (and responses) above 5 MB. */
export const LIMIT = 5 * 1024 * 1024;

export interface RecordedRequest {
  operation: string;
  requestBytes: number;
  responseBytes: number;
  actions: number;
  /** Refused for its size: the request (the add-in's fault) or the response (split and loaded again). */
  refused: "request" | "response" | null;
}

type Window = JSDOM["window"] & { Excel: { RequestContext: new () => MsContext } };
interface MsContext {
  workbook: unknown;
  runtime: unknown;
  sync(): Promise<void>;
  m_requestUrlAndHeaderInfo: unknown;
  _requestExecutor: unknown;
}

let loaded: Window | null = null;

/** The client, evaluated once per test file (about 3 MB of JavaScript). */
export function officeJsClient(): Window {
  if (loaded) return loaded;
  const dom = new JSDOM("<!doctype html><html><body></body></html>", {
    runScripts: "outside-only",
    url: "https://localhost/",
  });
  const w = dom.window as unknown as Window;
  w.eval(readFileSync(CLIENT, "utf8"));
  const excel = (w as unknown as { Excel: Record<string, { prototype: object }> }).Excel;
  for (const cls of ["Worksheet"])
    Object.defineProperty(excel[cls].prototype, "notes", {
      get(this: { comments: unknown }) {
        return this.comments;
      },
    });
  loaded = w;
  return w;
}

interface Body {
  Actions: {
    Id: number;
    ActionType: number;
    Name: string;
    ObjectPathId: number;
    ArgumentInfo?: { Arguments?: unknown[]; ReferencedObjectPathIds?: number[] };
    QueryInfo?: { Select?: string[]; Expand?: string[]; Top?: number; Skip?: number };
  }[];
  ObjectPaths: Record<
    string,
    {
      Id: number;
      ObjectPathType: number;
      Name: string;
      ParentObjectPathId?: number;
      ArgumentInfo?: { Arguments?: unknown[]; ReferencedObjectPathIds?: number[] };
    }
  >;
}

const camel = (s: string) => (s === "Comments" ? "notes" : s.charAt(0).toLowerCase() + s.slice(1));
const pascal = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * An `Excel.run` for the port: Microsoft's request context, its requests recorded in `log` under the
 * current `operation()`, answered by the twin `x`.
 */
export function clientRun(x: FakeExcel, log: RecordedRequest[], operation: () => string): ExcelRun {
  const w = officeJsClient();
  return async (batch) => {
    const ctx = new w.Excel.RequestContext();
    const twin = new FakeRequestContext(x);
    const ids = new Map<string, unknown>();
    ctx.m_requestUrlAndHeaderInfo = { url: "local", headers: {} };
    ctx._requestExecutor = {
      executeAsync: async (_custom: unknown, _flags: unknown, message: { Body: Body }) => {
        const text = JSON.stringify(message.Body);
        const entry: RecordedRequest = {
          operation: operation(),
          requestBytes: Buffer.byteLength(text),
          responseBytes: 0,
          actions: message.Body.Actions.length,
          refused: null,
        };
        log.push(entry);
        if (entry.requestBytes > LIMIT) {
          entry.refused = "request";
          return failure(
            "RequestPayloadSizeLimitExceeded",
            `request of ${entry.requestBytes} bytes`
          );
        }
        try {
          const results = await answer(twin, message.Body, ids);
          const body = { Results: results };
          entry.responseBytes = Buffer.byteLength(JSON.stringify(body));
          if (entry.responseBytes > LIMIT) {
            entry.refused = "response";
            return failure(
              "ResponsePayloadSizeLimitExceeded",
              `response of ${entry.responseBytes}`
            );
          }
          return { ErrorCode: null, HttpStatusCode: 200, Headers: {}, Body: body };
        } catch (e) {
          const code = String((e as { code?: string }).code ?? "GeneralException");
          return failure(code, e instanceof Error ? e.message : String(e));
        }
      },
    };
    const result = await batch(ctx as unknown as Excel.RequestContext);
    await ctx.sync();
    return result;
  };
}

function failure(code: string, message: string) {
  return { ErrorCode: code, ErrorMessage: message, HttpStatusCode: 400, Headers: {}, Body: null };
}

/** Replay a request on the twin: resolve object paths, run actions in order, sync, serialise the loads. */
async function answer(
  twin: FakeRequestContext,
  body: Body,
  ids: Map<string, unknown>
): Promise<{ ActionId: number; Value: unknown }[]> {
  const objects = new Map<number, unknown>();
  const resolve = (id: number): unknown => {
    if (objects.has(id)) return objects.get(id);
    const p = body.ObjectPaths[String(id)];
    const args = (p.ArgumentInfo?.Arguments ?? []).map((a, i) =>
      p.ArgumentInfo?.ReferencedObjectPathIds?.[i] ? resolve(a as number) : a
    );
    let o: unknown;
    if (p.ObjectPathType === 1) o = twin.workbook;
    else {
      const parent = resolve(p.ParentObjectPathId!) as Record<string, unknown>;
      if (p.ObjectPathType === 4) o = p.Name === "_Runtime" ? twin.runtime : parent[camel(p.Name)];
      else if (p.ObjectPathType === 5)
        o =
          ids.get(String(args[0])) ??
          (parent.getItem as (k: unknown) => unknown).call(parent, args[0]);
      else if (p.ObjectPathType === 3) o = call(parent, p.Name, args);
      else throw new Error(`object path type ${p.ObjectPathType} is not replayed`);
    }
    objects.set(id, o);
    return o;
  };
  const queries: { actionId: number; target: unknown; select: string[] }[] = [];
  /** Method results (`getCount()`): their value once the twin has synced. */
  const results: { ActionId: number; get: unknown }[] = [];
  for (const a of body.Actions) {
    const target = resolve(a.ObjectPathId) as Record<string, unknown>;
    const args = (a.ArgumentInfo?.Arguments ?? []).map((v, i) =>
      a.ArgumentInfo?.ReferencedObjectPathIds?.[i] ? resolve(v as number) : v
    );
    if (a.ActionType === 1) continue; // Instantiate: resolved above
    if (a.ActionType === 4) target[camel(a.Name)] = args[0];
    else if (a.ActionType === 3) results.push({ ActionId: a.Id, get: call(target, a.Name, args) });
    else if (a.ActionType === 2) {
      const q = a.QueryInfo ?? {};
      const select = q.Select ?? [];
      const collection = isCollection(target);
      const spec = select.map((s) => (collection ? `items/${s}` : s));
      const load = target.load as (s: unknown) => unknown;
      if (collection && (q.Top !== undefined || q.Skip !== undefined))
        load.call(target, {
          $top: q.Top,
          $skip: q.Skip ?? 0,
          ...Object.fromEntries(select.map((k) => [k, true])),
        });
      else load.call(target, spec.length ? spec.join(",") : collection ? "items" : "*");
      queries.push({ actionId: a.Id, target, select });
    } else throw new Error(`action type ${a.ActionType} is not replayed`);
  }
  await twin.sync();
  return [
    ...results
      .filter((r) => r.get && typeof r.get === "object" && "value" in (r.get as object))
      .map((r) => ({ ActionId: r.ActionId, Value: (r.get as { value: unknown }).value })),
    ...queries.map((q) => ({ ActionId: q.actionId, Value: serialise(q.target, q.select, ids) })),
  ];
}

/** Call a method of a twin object by its Office.js name; a method the twin lacks is a clear failure. */
function call(target: Record<string, unknown>, name: string, args: unknown[]): unknown {
  const f = target[camel(name)];
  if (typeof f !== "function")
    throw new Error(
      `the twin has no ${String((target as { kind?: string }).kind)}.${camel(name)}()`
    );
  return (f as (...a: unknown[]) => unknown).apply(target, args);
}

function isCollection(o: unknown): boolean {
  const kind = (o as { kind?: string }).kind ?? "";
  return /Collection$/.test(kind);
}

function serialise(o: unknown, select: string[], ids: Map<string, unknown>): unknown {
  const obj = o as Record<string, unknown>;
  if (isCollection(o)) {
    const items = obj.items as unknown[];
    return {
      _Items: items.map((it) => {
        const id = `#${ids.size + 1}`;
        ids.set(id, it);
        return { _Id: id, ...(serialise(it, select, ids) as object) };
      }),
    };
  }
  if (isNull(obj)) return null;
  const out: Record<string, unknown> = {};
  for (const s of select) {
    const [head, ...rest] = s.split("/");
    const v = obj[head];
    if (rest.length)
      out[pascal(head)] = {
        ...(out[pascal(head)] as object),
        ...(serialise(v, [rest.join("/")], ids) as object),
      };
    else out[pascal(head)] = v;
  }
  return out;
}

/** A null object (from an *OrNullObject method): Office.js answers its load with null. */
function isNull(o: Record<string, unknown>): boolean {
  if ((o as { nullable?: boolean }).nullable !== true) return false;
  try {
    return o.isNullObject === true;
  } catch {
    return false; // collection items: never null, and loaded without isNullObject
  }
}
