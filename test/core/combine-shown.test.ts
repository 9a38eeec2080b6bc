/**
 * How a conflict of the overlap rule (src/core/combine.ts) shows two long texts: cut to one line, but
 * around where they first differ, so that the user sees the difference instead of two equal beginnings.
 */
import { combine, shownPair } from "../../src/core/combine";
import { readColumns } from "../../src/core/read";
import { tables, validBook } from "../../src/core/rules/example-book";

const long = "Renovatie van het gebouwenpatrimonium, fase één: ".repeat(8); // 400 characters

it("two project titles that differ after 400 characters: the conflict shows where", () => {
  const a = validBook();
  const b = validBook();
  a.projects[0].title = `${long}zonder asbest.`;
  b.projects[0].title = `${long}met asbest.`;
  const part = (file: string, book: typeof a) => ({
    file,
    ...readColumns(tables(book), { lang: "nl" }),
  });
  const c = combine([part("a.xlsx", a), part("b.xlsx", b)], "nl");
  const conflict = c.findings.find((f) => f.rule === "overlap-conflict")!;
  expect(conflict.message).toContain("zonder asbest.");
  expect(conflict.message).toContain("met asbest.");
  // Still one line of reasonable length: neither text whole.
  expect(conflict.message).not.toContain(long);
  expect(conflict.message.length).toBeLessThan(700);
});

it("cuts both texts at the same place, a little before their first difference", () => {
  const [x, y] = shownPair(`${long}A${"x".repeat(300)}`, `${long}B${"x".repeat(300)}`) as string[];
  expect(x.length).toBeLessThanOrEqual(200);
  expect(y.length).toBeLessThanOrEqual(200);
  expect(x.startsWith("...")).toBe(true);
  expect(x.endsWith("...")).toBe(true);
  // The same 40 characters before the difference, then A or B.
  expect(x.slice(3, 43)).toBe(long.slice(-40));
  expect(x[43]).toBe("A");
  expect(y[43]).toBe("B");
});

it("texts that differ early or are short are shown as before", () => {
  expect(shownPair("kort", "ander")).toEqual(["kort", "ander"]);
  const [x] = shownPair(`A${long}`, `B${long}`) as string[];
  expect(x).toBe(`A${long}`.slice(0, 197) + "...");
  expect(shownPair(12, 13)).toEqual([12, 13]);
});
