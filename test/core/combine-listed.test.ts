/**
 * The overlap rule on milestones and indicators (src/core/combine.ts): a later file's row identical to one
 * of the first file's, in every compared column, counts once; any other row of the project is a conflict.
 * Rows are compared column by column within groups of one name: these cases pin what that must keep.
 */
import { combine } from "../../src/core/combine";
import { readColumns } from "../../src/core/read";
import { tables, validBook, type Book } from "../../src/core/rules/example-book";

function together(change: (second: Book) => void, first: (b: Book) => void = () => {}) {
  const a = validBook();
  first(a);
  const b = validBook();
  change(b);
  const part = (file: string, book: Book) => ({
    file,
    ...readColumns(tables(book), { lang: "nl" }),
  });
  return combine([part("a.xlsx", a), part("b.xlsx", b)], "nl");
}

const rules = (c: ReturnType<typeof together>) => c.findings.map((f) => f.rule).sort();
const droppedMilestones = (c: ReturnType<typeof together>) =>
  [...(c.dropped[1].get("milestones") ?? new Map())].sort();

it("the same milestones in another order count once", () => {
  const c = together((b) => b.milestones.reverse());
  expect(rules(c)).toEqual(["overlap-identical", "overlap-identical"]);
  expect(droppedMilestones(c)).toEqual([
    [0, "duplicate"],
    [1, "duplicate"],
  ]);
});

it("two milestones of one name: the row identical to either counts once", () => {
  const extra = {
    projectCode: "VV001",
    name: "Regelgeving",
    timing: "2023 Q1",
    status: "Vertraagd",
  };
  const c = together(
    (b) => b.milestones.splice(0, 1, { ...extra }),
    (a) => a.milestones.push({ ...extra })
  );
  expect(rules(c)).toEqual(["overlap-identical", "overlap-identical"]);
  expect(droppedMilestones(c)).toEqual([
    [0, "duplicate"],
    [1, "duplicate"],
  ]);
});

it("one column different is a conflict that names the first file's first row of the project", () => {
  const c = together((b) => void (b.milestones[0].status = "Vertraagd"));
  const conflict = c.findings.find((f) => f.rule === "overlap-conflict")!;
  expect(conflict.file).toBe("b.xlsx");
  expect(conflict.sheet).toBe("Mijlpalen");
  expect(conflict.message).toContain("a.xlsx");
  expect(conflict.message).toContain("Mijlpalen!A2");
  // The other milestone is identical: it counts once. The different one stays (the conflict decides).
  expect(droppedMilestones(c)).toEqual([[1, "duplicate"]]);
});

it("an indicator: the same name with another figure is a conflict, the same figures count once", () => {
  const other = together((b) => void (b.indicators[0].realisatie = 119001));
  expect(rules(other)).toContain("overlap-conflict");
  expect(other.dropped[1].get("indicators")?.size ?? 0).toBe(0);
  const same = together(() => {});
  expect(rules(same)).not.toContain("overlap-conflict");
  expect([...same.dropped[1].get("indicators")!]).toEqual([[0, "duplicate"]]);
});

it("a name typed as a number is read as its text: the same row either way", () => {
  const asNumber = (b: Book) => void (b.milestones[0].name = 2023);
  const asText = (b: Book) => void (b.milestones[0].name = "2023");
  for (const [a, b] of [
    [asNumber, asNumber],
    [asText, asNumber],
  ])
    expect(rules(together(b, a))).toEqual(["overlap-identical", "overlap-identical"]);
  // A different number is a different row.
  expect(rules(together((b) => void (b.milestones[0].name = 2024), asNumber))).toContain(
    "overlap-conflict"
  );
});
