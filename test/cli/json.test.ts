/** export --json is written in pieces: the text is exactly JSON.stringify's, whatever the values. */
import fc from "fast-check";
import { writeJson } from "../../src/cli/json";
import { exportRecords, writeDemo } from "../../src/workbook/flows";
import { XlsxPort } from "../../src/xlsx/port";

const pieces = (v: unknown) => {
  const out: string[] = [];
  writeJson(v, (s) => out.push(s));
  return out;
};

test("the demo's export: the same text as JSON.stringify, in more than one piece", async () => {
  const port = new XlsxPort();
  await writeDemo(port);
  const { findings: _f, ...records } = exportRecords(await port.read());
  const out = pieces(records);
  expect(out.length).toBeGreaterThan(1);
  expect(out.join("")).toBe(JSON.stringify(records, null, 2) + "\n");
});

test("any object, array or value: the same text", () => {
  fc.assert(
    fc.property(
      fc.oneof(
        fc.dictionary(fc.string(), fc.jsonValue()),
        fc.dictionary(fc.string(), fc.array(fc.jsonValue())),
        fc.jsonValue(),
        fc.date({ noInvalidDate: true }),
        fc.record({ a: fc.constant(undefined), b: fc.array(fc.constant(undefined)) })
      ),
      (v) => expect(pieces(v).join("")).toBe(JSON.stringify(v, null, 2) + "\n")
    ),
    { numRuns: 300, seed: 20220601 }
  );
});
