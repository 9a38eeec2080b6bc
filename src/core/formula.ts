/**
 * Formulas without a stored result (files written by scripts: openpyxl, pandas) computed over the
 * workbook's own cells, so that they are never read as empty. Only what can be computed exactly as Excel
 * would: numbers, + − * / ^ %, parentheses, cell references (also on other sheets), ranges and SUM,
 * SUBTOTAL(9/109) and ROUND. Anything else (text in arithmetic, other functions, names, cycles) is not
 * guessed: the caller reports the cell.
 *
 * No formula library fits: the maintained ones are GPL (HyperFormula) and the permissive ones have not
 * been released for years (fast-formula-parser, hot-formula-parser); this is the small subset we need.
 *
 * Kept as one file (about 360 lines): the tokenizer, parser and evaluator of one small formula language
 * share the token and value types and the Unsupported signal; apart, those internals would be exported.
 */
import {
  columnIndex,
  isErrorValue,
  isUncomputedFormula,
  toScalar,
  type CellErrorValue,
} from "./cells";
import { roundHalfUp } from "./calc";

/** Raw cell values of the workbook: 1-based row, 0-based column; undefined for an unknown sheet. */
export type CellLookup = (sheet: string, row: number, column: number) => unknown;

/** The last used row of a sheet (for whole-column ranges such as D:D). */
export type LastRow = (sheet: string) => number;

export type Evaluated = { ok: true; value: number | CellErrorValue } | { ok: false; why: string };

type Token =
  | { t: "num"; v: number }
  | { t: "ref"; sheet: string | null; col: number | null; row: number | null }
  | { t: "fn"; name: string }
  | { t: "op"; v: string }
  | { t: "str" };

const REF = /^(?:('(?:[^']|'')+'|[A-Za-z_][\w.]*)!)?(\$?[A-Za-z]{1,3})?(\$?\d+)?/;

function tokenize(src: string): Token[] | null {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === " ") {
      i++;
      continue;
    }
    const num = /^(\d+\.?\d*|\.\d+)(E[+-]?\d+)?/i.exec(src.slice(i));
    if (num && !/[A-Za-z_$]/.test(src[i + num[0].length] ?? "")) {
      out.push({ t: "num", v: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    if ("+-*/^%(),:".includes(c)) {
      out.push({ t: "op", v: c });
      i++;
      continue;
    }
    if (c === '"') {
      out.push({ t: "str" });
      const end = src.indexOf('"', i + 1);
      if (end < 0) return null;
      i = end + 1;
      continue;
    }
    const fn = /^([A-Za-z][\w.]*)\(/.exec(src.slice(i));
    if (fn) {
      out.push({ t: "fn", name: fn[1].toUpperCase() });
      out.push({ t: "op", v: "(" });
      i += fn[0].length;
      continue;
    }
    const m = REF.exec(src.slice(i));
    if (!m || m[0] === "" || (!m[2] && !m[3])) return null;
    const sheet = m[1] ? m[1].replace(/^'(.*)'$/, "$1").replace(/''/g, "'") : null;
    out.push({
      t: "ref",
      sheet,
      col: m[2] ? columnIndex(m[2].replace("$", "")) : null,
      row: m[3] ? Number(m[3].replace("$", "")) : null,
    });
    i += m[0].length;
  }
  return out;
}

/** A value during evaluation: a number, a blank, an error, or a range of cells. */
type Val =
  | { k: "num"; v: number }
  | { k: "blank" }
  | { k: "err"; e: CellErrorValue }
  | { k: "range"; sheet: string; top: number; left: number; bottom: number; right: number };

class Unsupported extends Error {}

const fail = (why: string): never => {
  throw new Unsupported(why);
};

/**
 * Evaluates the formulas of one workbook, remembering each cell's result (a cell referred to by many
 * formulas is computed once) and refusing cycles.
 */
export class FormulaEvaluator {
  private readonly memo = new Map<string, Evaluated>();
  private readonly busy = new Set<string>();

  constructor(
    private readonly lookup: CellLookup,
    private readonly lastRow: LastRow
  ) {}

  /** The value of the formula in `sheet` at `row`/`column` (text without "="). */
  evaluate(formula: string, sheet: string, row: number, column: number): Evaluated {
    const key = `${sheet}\u0000${row}\u0000${column}`;
    const known = this.memo.get(key);
    if (known) return known;
    if (this.busy.has(key)) return { ok: false, why: "cycle" };
    this.busy.add(key);
    let result: Evaluated;
    try {
      const tokens = tokenize(formula.replace(/^=/, ""));
      if (!tokens) fail("syntax");
      const p = new Parser(tokens!, sheet, this);
      const v = p.parse();
      result = { ok: true, value: this.scalar(v) };
    } catch (e) {
      if (!(e instanceof Unsupported)) throw e;
      result = { ok: false, why: e.message };
    } finally {
      this.busy.delete(key);
    }
    this.memo.set(key, result);
    return result;
  }

  /** A referenced cell as a value: numbers, blanks and errors; formulas computed; text is not guessed. */
  cell(sheet: string, row: number, column: number, forRange: boolean): Val {
    const raw = this.lookup(sheet, row, column);
    // A sheet the workbook does not have: Excel shows #REF!; never read as an empty cell (0).
    if (raw === undefined) return fail(`sheet '${sheet}' not found`);
    if (isUncomputedFormula(raw)) {
      const f = raw.formula;
      if (!f) return fail("shared formula");
      const r = this.evaluate(f, sheet, row, column);
      if (!r.ok) return fail(r.why);
      return typeof r.value === "number" ? { k: "num", v: r.value } : { k: "err", e: r.value };
    }
    const s = toScalar(raw);
    if (s === null || (typeof s === "string" && s.trim() === "")) return { k: "blank" };
    if (typeof s === "number") return { k: "num", v: s };
    if (isErrorValue(s)) return { k: "err", e: s };
    // SUM skips text and logical values inside ranges; in arithmetic Excel would convert them by locale.
    if (forRange) return { k: "blank" };
    if (typeof s === "boolean") return { k: "num", v: s ? 1 : 0 };
    return fail("text in arithmetic");
  }

  /** The cells of a range, row by row. */
  *cells(r: Extract<Val, { k: "range" }>): Generator<{ row: number; column: number }> {
    const bottom = Math.min(r.bottom, this.lastRow(r.sheet));
    for (let row = r.top; row <= bottom; row++)
      for (let column = r.left; column <= r.right; column++) yield { row, column };
  }

  /** Whether a cell holds a SUBTOTAL formula (SUBTOTAL skips those in its ranges). */
  isSubtotal(sheet: string, row: number, column: number): boolean {
    const raw = this.lookup(sheet, row, column) as { formula?: string } | null;
    return typeof raw?.formula === "string" && /^\s*=?\s*SUBTOTAL\s*\(/i.test(raw.formula);
  }

  private scalar(v: Val): number | CellErrorValue {
    if (v.k === "num") return Number(v.v.toPrecision(15));
    if (v.k === "blank") return 0;
    if (v.k === "err") return v.e;
    if (v.top === v.bottom && v.left === v.right)
      return this.scalar(this.cell(v.sheet, v.top, v.left, false));
    return fail("range as a value");
  }

  num(v: Val): number | CellErrorValue {
    return this.scalar(v);
  }
}

/** Recursive descent in Excel's precedence: unary minus, %, ^, * and /, + and −. */
class Parser {
  private i = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly sheet: string,
    private readonly ev: FormulaEvaluator
  ) {}

  parse(): Val {
    const v = this.additive();
    if (this.i < this.tokens.length) fail("syntax");
    return v;
  }

  private peek(op: string): boolean {
    const t = this.tokens[this.i];
    return t?.t === "op" && t.v === op;
  }

  private expect(op: string): void {
    if (!this.peek(op)) fail("syntax");
    this.i++;
  }

  private binary(next: () => Val, ops: string[]): Val {
    let left = next();
    for (;;) {
      const op = ops.find((o) => this.peek(o));
      if (!op) return left;
      this.i++;
      left = arith(op, this.ev.num(left), this.ev.num(next()));
    }
  }

  private additive = (): Val => this.binary(this.multiplicative, ["+", "-"]);
  private multiplicative = (): Val => this.binary(this.power, ["*", "/"]);
  private power = (): Val => this.binary(this.percent, ["^"]);

  private percent = (): Val => {
    let v = this.unary();
    while (this.peek("%")) {
      this.i++;
      v = arith("/", this.ev.num(v), 100);
    }
    return v;
  };

  private unary = (): Val => {
    if (this.peek("-") || this.peek("+")) {
      const neg = this.peek("-");
      this.i++;
      const v = this.ev.num(this.unary());
      return neg ? arith("*", v, -1) : arith("+", v, 0);
    }
    return this.primary();
  };

  private primary(): Val {
    const t = this.tokens[this.i++];
    if (!t) return fail("syntax");
    if (t.t === "num") return { k: "num", v: t.v };
    if (t.t === "str") return fail("text");
    if (t.t === "op") {
      if (t.v !== "(") return fail("syntax");
      const v = this.additive();
      this.expect(")");
      return v;
    }
    if (t.t === "fn") return this.call(t.name);
    return this.reference(t);
  }

  private reference(t: Extract<Token, { t: "ref" }>): Val {
    const sheet = t.sheet ?? this.sheet;
    let end = t;
    if (this.peek(":")) {
      this.i++;
      const e = this.tokens[this.i++];
      if (e?.t !== "ref" || (e.sheet !== null && e.sheet !== t.sheet)) return fail("range");
      end = e;
    }
    const whole = t.row === null || end.row === null;
    if (t.col === null || end.col === null || (whole && (t.row !== null || end.row !== null)))
      return fail("range");
    const top = whole ? 1 : Math.min(t.row!, end.row!);
    const bottom = whole ? Infinity : Math.max(t.row!, end.row!);
    const left = Math.min(t.col, end.col);
    const right = Math.max(t.col, end.col);
    if (top === bottom && left === right) return this.ev.cell(sheet, top, left, false);
    return { k: "range", sheet, top, left, bottom, right };
  }

  private args(): Val[] {
    const out: Val[] = [];
    if (this.peek(")")) {
      this.i++;
      return out;
    }
    for (;;) {
      out.push(this.additive());
      if (this.peek(",")) {
        this.i++;
        continue;
      }
      this.expect(")");
      return out;
    }
  }

  private call(name: string): Val {
    this.expect("(");
    const args = this.args();
    switch (name) {
      case "SUM":
        return this.sum(args, false);
      case "SUBTOTAL": {
        const code = args.length > 1 ? this.ev.num(args[0]) : null;
        if (code !== 9 && code !== 109) return fail("SUBTOTAL other than a sum");
        return this.sum(args.slice(1), true);
      }
      case "ROUND": {
        if (args.length !== 2) return fail("ROUND arguments");
        const x = this.ev.num(args[0]);
        const d = this.ev.num(args[1]);
        if (typeof x !== "number") return { k: "err", e: x };
        if (typeof d !== "number") return { k: "err", e: d };
        if (d < 0 || !Number.isInteger(d)) return fail("ROUND to tens");
        return { k: "num", v: roundHalfUp(x, d) };
      }
      default:
        return fail(`function ${name}`);
    }
  }

  private sum(args: Val[], skipSubtotals: boolean): Val {
    let total = 0;
    for (const a of args) {
      if (a.k !== "range") {
        const v = this.ev.num(a);
        if (typeof v !== "number") return { k: "err", e: v };
        total += v;
        continue;
      }
      for (const { row, column } of this.ev.cells(a)) {
        if (skipSubtotals && this.ev.isSubtotal(a.sheet, row, column)) continue;
        const v = this.ev.cell(a.sheet, row, column, true);
        if (v.k === "err") return v;
        if (v.k === "num") total += v.v;
      }
    }
    return { k: "num", v: total };
  }
}

function arith(op: string, a: number | CellErrorValue, b: number | CellErrorValue): Val {
  if (typeof a !== "number") return { k: "err", e: a };
  if (typeof b !== "number") return { k: "err", e: b };
  let v: number;
  switch (op) {
    case "+":
      v = a + b;
      break;
    case "-":
      v = a - b;
      break;
    case "*":
      v = a * b;
      break;
    case "/":
      if (b === 0) return { k: "err", e: { error: "#DIV/0!" } };
      v = a / b;
      break;
    default:
      v = a ** b;
  }
  return Number.isFinite(v) ? { k: "num", v } : { k: "err", e: { error: "#NUM!" } };
}
