/**
 * `vv-monitor export --csv`: one CSV per sheet and a datapackage.json, checked with Frictionless' own
 * validator (datapackage-js, on tableschema-js): the descriptor is a valid tabular data package, its
 * Table Schemas are the zod schema's, every row casts except the very rows `validate` reports as errors,
 * the values are the export's, and a broken reference between the files is caught.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { run } from "./run";
import { MILESTONE_STATUS_LABELS } from "../../src/core/vocabulary";
import { tempDir } from "../flows/support";

// datapackage ships no types.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Package } = require("datapackage") as {
  Package: {
    load(path: string): Promise<{
      valid: boolean;
      errors: Error[];
      resources: {
        name: string;
        descriptor: {
          schema: { fields: { name: string; constraints?: Record<string, unknown> }[] };
        };
        read(o: object): Promise<(unknown[] | (Error & { rowNumber: number; errors?: Error[] }))[]>;
      }[];
    }>;
  };
};

const tmp = tempDir("vv-csv-");
afterAll(() => tmp.cleanup());

const demo = tmp.path("demo.xlsx");
const dir = tmp.path("open-data");
beforeAll(async () => {
  expect((await run("demo", demo)).code).toBe(0);
  const r = await run("export", demo, "--csv", dir);
  expect(r.code).toBe(0);
  expect(r.out).toContain(
    "5 bestanden geschreven naar " +
      dir +
      ": projecten.csv, mijlpalen.csv, outputindicatoren.csv, financiering.csv, datapackage.json."
  );
}, 60_000);

async function badRows(path: string) {
  const pkg = await Package.load(path);
  const out: Record<string, { row: number; message: string }[]> = {};
  for (const r of pkg.resources) {
    const rows = await r.read({ forceCast: true, relations: true, extended: true });
    out[r.name] = rows
      .filter((x): x is Error & { rowNumber: number; errors?: Error[] } => x instanceof Error)
      .map((e) => ({
        row: e.rowNumber,
        message: (e.errors?.length ? e.errors : [e]).map((x) => x.message).join("; "),
      }));
  }
  return { pkg, out };
}

it("writes a valid tabular data package whose schemas come from the zod schema", async () => {
  const { pkg } = await badRows(join(dir, "datapackage.json"));
  expect(pkg.errors.map(String)).toEqual([]);
  expect(pkg.valid).toBe(true);
  const field = (res: string, name: string) =>
    pkg.resources
      .find((r) => r.name === res)!
      .descriptor.schema.fields.find((f) => f.name === name)!;
  expect(field("mijlpalen", "status").constraints).toEqual({
    required: true,
    enum: MILESTONE_STATUS_LABELS,
  });
  expect(field("mijlpalen", "timing").constraints).toEqual({
    required: true,
    pattern: "\\d{4} Q[1-4]",
  });
  expect(field("financiering", "vak").constraints).toEqual({ minimum: 0 });
  expect(field("financiering", "envelop").constraints).toEqual({ enum: ["relance", "regulier"] });
  expect(field("projecten", "code").constraints).toEqual({ required: true, pattern: "VV\\d{3}" });
});

it("every row casts except the rows validate reports as errors", async () => {
  const { out } = await badRows(join(dir, "datapackage.json"));
  const errors = JSON.parse((await run("validate", demo, "--json")).out) as {
    sheet: string;
    row: number;
    severity: string;
  }[];
  const errorRows = (sheet: string) =>
    [
      ...new Set(
        errors.filter((f) => f.severity === "error" && f.sheet === sheet).map((f) => f.row)
      ),
    ].sort((a, b) => a - b);
  // The header is row 1 in the workbook and in the CSV: the row numbers are the same.
  expect(out.mijlpalen.map((b) => b.row)).toEqual(errorRows("Mijlpalen"));
  expect(out.mijlpalen.length).toBe(12);
  expect(out.projecten).toEqual([]);
  expect(out.outputindicatoren).toEqual([]);
  expect(out.financiering).toEqual([]);
});

it("holds the export's values: UTF-8, comma-separated, decimal point", async () => {
  const json = JSON.parse((await run("export", demo, "--json")).out);
  const csv = readFileSync(join(dir, "financiering.csv"), "utf8");
  const lines = csv.split("\r\n");
  expect(lines[0].split(",").slice(0, 5)).toEqual([
    "projectCode",
    "begroot",
    "update",
    "vak",
    "vek",
  ]);
  const vv001 = lines.find((l) => l.startsWith("VV001,"))!.split(",");
  const f1 = json.financing.find((f: { projectCode: string }) => f.projectCode === "VV001");
  expect(vv001.slice(1, 5).map(Number)).toEqual([f1.begroot, f1.update, f1.vak, f1.vek]);
  const ind = readFileSync(join(dir, "outputindicatoren.csv"), "utf8");
  const fraction = json.indicators.find(
    (i: { realisatiegraad: number | null }) =>
      i.realisatiegraad !== null && !Number.isInteger(i.realisatiegraad)
  ).realisatiegraad;
  expect(ind).toContain(`,${String(fraction)},`);
  expect(readFileSync(join(dir, "projecten.csv"), "utf8")).toContain(
    "07. De overheid efficiënter maken"
  );
});

it("catches a reference to a project that is not in projecten.csv", async () => {
  const broken = tmp.path("broken");
  await run("export", demo, "--csv", broken);
  const projects = join(broken, "projecten.csv");
  const kept = readFileSync(projects, "utf8")
    .split("\r\n")
    .filter((l) => !l.startsWith("VV179,"));
  writeFileSync(projects, kept.join("\r\n"));
  const { out } = await badRows(join(broken, "datapackage.json"));
  // VV179's financing row is row 180 of financiering.csv.
  expect(out.financiering).toEqual([
    { row: 180, message: 'Foreign key "projectCode" violation in row 180' },
  ]);
});
