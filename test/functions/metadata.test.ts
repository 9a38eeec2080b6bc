/**
 * The functions' metadata: functions.json generated from the JSDoc against a golden file, and the Dutch
 * twin (same ids, every function and parameter translated, no clash with Excel's built-in names).
 * Rewrite the golden file after an intended change with UPDATE_GOLDEN=1 npx jest test/functions.
 */
import fs from "node:fs";
import path from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { FUNCTION_IDS } from "../../src/functions/formulas";
import nl from "../../src/functions/nl.json";
import { BUILTIN_EN, BUILTIN_NL, XLM_MACROS } from "./builtins";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { finishMetadata, translateMetadata } = require("../../src/functions/translate.cjs") as {
  finishMetadata: (m: Metadata) => Metadata;
  translateMetadata: (m: Metadata, map: unknown) => Metadata;
};

interface Param {
  name: string;
  description?: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
}
interface Fn {
  id: string;
  name: string;
  description?: string;
  parameters?: Param[];
  result?: unknown;
}
interface Metadata {
  functions: Fn[];
  allowErrorForDataTypeAny?: boolean;
}

const ROOT = path.resolve(__dirname, "../..");
const GOLDEN = path.join(__dirname, "functions.golden.json");
export const ENGLISH = [
  "REALISATIONRATE",
  "BUDGET",
  "COMMITMENTS",
  "PAYMENTS",
  "COMMITMENTRATE",
  "PAYMENTRATE",
];
export const DUTCH = ["REALISATIEGRAAD", "BELEIDSRUIMTE", "VAK", "VEK", "VAKGRAAD", "VEKGRAAD"];

let generated: Metadata;
beforeAll(async () => {
  const r = await generateCustomFunctionsMetadata(
    [path.join(ROOT, "src/functions/functions.ts")],
    true
  );
  expect(r.errors).toEqual([]);
  generated = finishMetadata(JSON.parse(r.metadataJson));
  if (process.env.UPDATE_GOLDEN)
    fs.writeFileSync(GOLDEN, JSON.stringify(generated, null, 4) + "\n");
});

test("functions.json matches the golden file", () => {
  expect(generated).toEqual(JSON.parse(fs.readFileSync(GOLDEN, "utf8")));
});

test("error cells reach the functions: errors allowed for type any, and every parameter is of type any", () => {
  expect(generated.allowErrorForDataTypeAny).toBe(true);
  for (const f of generated.functions)
    for (const p of f.parameters ?? [])
      expect([f.id, p.name, p.type]).toEqual([f.id, p.name, "any"]);
});

test("the functions, their English names and ids; the formula builder uses the same ids", () => {
  expect(generated.functions.map((f) => f.id)).toEqual(ENGLISH);
  expect(generated.functions.map((f) => f.name)).toEqual(ENGLISH);
  expect(Object.values(FUNCTION_IDS).sort()).toEqual([...ENGLISH].sort());
  for (const f of generated.functions) {
    expect(f.description).toBeTruthy();
    for (const p of f.parameters ?? []) expect(p.description).toBeTruthy();
  }
  const table = generated.functions.find((f) => f.id === "COMMITMENTS")!.parameters!;
  expect(table[0]).toMatchObject({ name: "table", dimensionality: "matrix" });
  expect(table[3]).toMatchObject({ name: "projects", dimensionality: "matrix", optional: true });
});

describe("the Dutch metadata", () => {
  let dutch: Metadata;
  beforeAll(() => {
    dutch = translateMetadata(generated, nl);
  });

  test("same ids, types and options; Dutch names; every description and parameter translated", () => {
    expect(dutch.functions.map((f) => f.id)).toEqual(ENGLISH);
    expect(dutch.functions.map((f) => f.name)).toEqual(DUTCH);
    dutch.functions.forEach((f, i) => {
      const en = generated.functions[i];
      expect(f.result).toEqual(en.result);
      expect(f.description).not.toEqual(en.description);
      expect(f.parameters!.length).toBe(en.parameters!.length);
      f.parameters!.forEach((p, j) => {
        const q = en.parameters![j];
        expect({ ...p, name: q.name, description: q.description }).toEqual(q);
        expect(p.name).not.toEqual(q.name);
        expect(p.description).not.toEqual(q.description);
        expect(p.name).toMatch(/^[a-z][a-z0-9_]*$/);
      });
    });
  });

  test("names are valid, unique, and clash with no built-in function in English or Dutch", () => {
    const builtins = new Set(
      [...BUILTIN_EN, ...BUILTIN_NL, ...XLM_MACROS].map((n) => n.toUpperCase())
    );
    expect(builtins.size).toBeGreaterThan(300);
    const all = [...ENGLISH, ...DUTCH];
    expect(new Set(all).size).toBe(all.length);
    for (const n of all) {
      // Microsoft's naming rules: a letter first, at least three characters, not a cell reference
      expect(n).toMatch(/^[A-Z][A-Z0-9._]{2,}$/);
      expect(n).not.toMatch(/^[A-Z]{1,3}[0-9]+$|^R[0-9]*C[0-9]*$/);
      expect(builtins.has(n)).toBe(false);
    }
    // the check itself bites: a built-in name is caught
    expect(builtins.has("SOM") && builtins.has("RATE") && builtins.has("VERT.ZOEKEN")).toBe(true);
  });

  test("a missing or stale translation fails the translation (and so the build)", () => {
    const missingFn = { functions: { ...nl.functions } } as { functions: Record<string, unknown> };
    delete missingFn.functions.PAYMENTS;
    expect(() => translateMetadata(generated, missingFn)).toThrow(/no Dutch name for PAYMENTS/);
    const missingParam = JSON.parse(JSON.stringify(nl));
    delete missingParam.functions.BUDGET.parameters.version;
    expect(() => translateMetadata(generated, missingParam)).toThrow(/BUDGET\.version/);
    const stale = JSON.parse(JSON.stringify(nl));
    stale.functions.OLDNAME = { name: "OUD", description: "x", parameters: {} };
    expect(() => translateMetadata(generated, stale)).toThrow(/OLDNAME/);
  });
});
