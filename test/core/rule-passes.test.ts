/** Every rule with a check runs in exactly one pass, and every rule in a pass has a check. */
import { CHECKS, checksWithoutPass, PASSES } from "../../src/core/rules/checks";

test("every rule with a check has its place in a pass", () => {
  expect(checksWithoutPass()).toEqual([]);
});

test("every rule in a pass has a check, and is in one pass only", () => {
  const codes = PASSES.flat();
  expect(new Set(codes).size).toBe(codes.length);
  const withCheck = new Set(CHECKS.map((c) => c.code));
  expect(codes.filter((c) => !withCheck.has(c))).toEqual([]);
});

test("every rule has one check at most", () => {
  const codes = CHECKS.map((c) => c.code);
  expect(new Set(codes).size).toBe(codes.length);
});
