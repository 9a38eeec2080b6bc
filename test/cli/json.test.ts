/** export --json is written in pieces: the text is exactly JSON.stringify's, whatever the values. */
import fc from "fast-check";
import { PassThrough } from "node:stream";
import { jsonPieces, writeJson } from "../../src/cli/json";
import { drained } from "../../src/cli/main";
import { exportRecords, writeDemo } from "../../src/workbook/flows";
import { XlsxPort } from "../../src/xlsx/port";

const pieces = (v: unknown) => [...jsonPieces(v)];

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

test("writeJson hands out the next piece only once the output has taken the last", async () => {
  const value = {
    rows: Array.from({ length: 30_000 }, (_, i) => ({ i, text: `rij ${i}`.repeat(10) })),
  };
  const written: string[] = [];
  let waiting: (() => void) | null = null;
  const done = writeJson(
    value,
    (s) => written.push(s),
    () => new Promise<void>((resolve) => (waiting = resolve))
  );
  // Each write is followed by a wait: nothing more is written until the output drains.
  for (let n = 1; waiting; n++) {
    expect(written).toHaveLength(n);
    const go: () => void = waiting;
    waiting = null;
    go();
    await new Promise((r) => setImmediate(r));
  }
  await done;
  expect(written.length).toBeGreaterThan(3);
  expect(written.join("")).toBe(JSON.stringify(value, null, 2) + "\n");
});

test("drained: at once when the stream holds nothing back, else on 'drain', 'close' or 'error'", async () => {
  const free = new PassThrough({ highWaterMark: 4 });
  await drained(free);
  const full = new PassThrough({ highWaterMark: 4 });
  full.write("more than four bytes");
  let settled = false;
  const wait = drained(full).then(() => (settled = true));
  await new Promise((r) => setImmediate(r));
  expect(settled).toBe(false);
  full.read();
  await wait;
  expect(settled).toBe(true);
  const closed = new PassThrough({ highWaterMark: 4 });
  closed.write("more than four bytes");
  const gone = drained(closed);
  closed.destroy();
  await gone;
  // A reader that went away (EPIPE): nothing to wait for.
  const dropped = new PassThrough({ highWaterMark: 4 });
  dropped.write("more than four bytes");
  await drained(dropped, () => true);
});
