/**
 * The core is pure: it imports only its own modules, zod and fastest-levenshtein (one pure function without
 * dependencies, for the nearest list value in messages); no host, no Node built-in.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { builtinModules } from "node:module";

const coreDir = join(__dirname, "../../src/core");
const files = readdirSync(coreDir, { recursive: true })
  .map(String)
  .filter((f) => /\.tsx?$/.test(f));

test("the core has files to check", () => {
  expect(files.length).toBeGreaterThan(5);
});

test.each(files)("%s imports no host", (file) => {
  const src = readFileSync(join(coreDir, file), "utf8");
  const specifiers = [
    ...src.matchAll(
      /(?:import|export)[^"';]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|require\(\s*["']([^"']+)["']\s*\)/g
    ),
  ].map((m) => m[1] ?? m[2] ?? m[3]);
  const allowed = (s: string) =>
    s.startsWith("./") || s.startsWith("../") || s === "zod" || s === "fastest-levenshtein";
  expect(specifiers.filter((s) => !allowed(s))).toEqual([]);
  for (const s of specifiers) {
    // Never climbs out of src/core (a module in a folder of the core may import its parent's modules).
    const target = relative(coreDir, resolve(coreDir, dirname(file), s));
    expect(s.startsWith(".") && target.startsWith("..")).toBe(false);
    expect(builtinModules.includes(s.replace(/^node:/, ""))).toBe(false);
  }
  expect(src).not.toMatch(/\b(Office|Excel|CustomFunctions)\.(?!js\b)\w/);
  expect(src).not.toMatch(/\bprocess\.|\bwindow\.|\bdocument\./);
});
