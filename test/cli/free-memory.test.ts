/**
 * `merge` collects the heap once it has let go of its inputs (free-memory.ts): the collection happens at
 * once, not when V8 would next have collected the old generation.
 */
import { collectGarbage } from "../../src/cli/free-memory";

/**
 * Objects that survive a few young collections while they are made: they end in the old generation, which
 * only a full collection frees. Returns the heap used while they are held; nothing holds them after.
 */
function heapWithGarbage(): number {
  const held: { n: number; text: string }[] = [];
  for (let i = 0; i < 600_000; i++) held.push({ n: i, text: `rij ${i}` });
  return process.memoryUsage().heapUsed;
}

test("collectGarbage frees, at once, objects nothing refers to any more", () => {
  const withThem = heapWithGarbage();
  collectGarbage();
  const after = process.memoryUsage().heapUsed;
  expect(withThem - after).toBeGreaterThan(20 * 1024 * 1024);
  // A second call reuses what the first found.
  expect(() => collectGarbage()).not.toThrow();
});
