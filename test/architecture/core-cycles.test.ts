/**
 * src/core has no import circle. The readers report through finding-sink.ts, which needs the rule
 * catalogue (src/core/rules/index.ts and one file per rule: code, severity, messages); the checks across
 * rows and sheets (src/core/rules/across) import the readers' results, so they must stay out of what
 * the catalogue imports. Type-only imports count too: a circle of types is the same knot to a reader.
 * The graph is built with the TypeScript compiler's own parser (every import and export ... from).
 */
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import * as ts from "typescript";

const CORE = resolve(__dirname, "../../src/core");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return p.endsWith(".ts") ? [p] : [];
  });
}

/** The files of `root` a file imports (relative imports only; both values and types). */
function importsOf(file: string, root: string): string[] {
  const sf = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest);
  const out: string[] = [];
  const visit = (node: ts.Node) => {
    const spec =
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier
        ? node.moduleSpecifier
        : ts.isImportTypeNode(node) &&
            ts.isLiteralTypeNode(node.argument) &&
            ts.isStringLiteral(node.argument.literal)
          ? node.argument.literal
          : undefined;
    if (spec && ts.isStringLiteral(spec) && spec.text.startsWith(".")) {
      const base = resolve(dirname(file), spec.text);
      const target = [`${base}.ts`, join(base, "index.ts")].find((p) => existsSync(p));
      if (target?.startsWith(root)) out.push(target);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/** The strongly connected components of more than one file (or a file importing itself): Tarjan. */
function importCircles(root: string): string[][] {
  const graph = new Map(sourceFiles(root).map((f) => [f, importsOf(f, root)]));
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const circles: string[][] = [];
  const connect = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const part: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      part.push(relative(root, w));
    } while (w !== v);
    if (part.length > 1 || graph.get(v)!.includes(v)) circles.push(part.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) connect(v);
  return circles;
}

it("src/core has no import circle", () => {
  expect(importCircles(CORE)).toEqual([]);
});

it("the finder sees a circle, also one of type imports only", () => {
  const dir = mkdtempSync(join(tmpdir(), "vv-cycles-"));
  const write = (name: string, text: string) => writeFileSync(join(dir, name), text);
  write("a.ts", 'import type { B } from "./b";\nexport type A = B[];\n');
  write("b.ts", 'import type { A } from "./a";\nexport type B = { a?: A };\n');
  write("c.ts", 'import type { A } from "./a";\nexport const c: A = [];\n');
  try {
    expect(importCircles(dir)).toEqual([["a.ts", "b.ts"]]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
