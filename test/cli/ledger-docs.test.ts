/**
 * Every reason of the reading ledger is documented: a row in docs/cli.md's table of reasons, and words in
 * Dutch and English (LEDGER_REASONS is typed by LedgerReason, so a new reason without words does not
 * compile; this test makes one without a row in the docs fail).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { LEDGER_REASONS, type LedgerReason } from "../../src/workbook/flows";

const docs = readFileSync(join(__dirname, "../../docs/cli.md"), "utf8");

/** The reasons named in the first cell of a row of the ledger's table (`reason` | Dutch | ...). */
function documented(): Map<string, string> {
  const start = docs.indexOf("| reason | Dutch");
  expect(start).toBeGreaterThan(0);
  const rows = docs.slice(start).split("\n\n")[0].split("\n").slice(2);
  return new Map(
    rows.map((r) => {
      const cells = r.split("|").map((c) => c.trim());
      return [cells[1].replace(/`/g, ""), cells[2]];
    })
  );
}

const reasons = Object.keys(LEDGER_REASONS.nl) as LedgerReason[];

it("knows the reasons (the words are typed by LedgerReason)", () => {
  expect(reasons.length).toBeGreaterThanOrEqual(16);
  expect(Object.keys(LEDGER_REASONS.en).sort()).toEqual([...reasons].sort());
});

it.each(reasons)("%s has Dutch and English words and a row in docs/cli.md", (reason) => {
  expect(LEDGER_REASONS.nl[reason].length).toBeGreaterThan(3);
  expect(LEDGER_REASONS.en[reason].length).toBeGreaterThan(3);
  expect(LEDGER_REASONS.nl[reason]).not.toBe(LEDGER_REASONS.en[reason]);
  const row = documented().get(reason);
  expect(row).toBeDefined();
  // The row says the Dutch words the user sees (its first words at least).
  expect(LEDGER_REASONS.nl[reason].startsWith(row!.split(" (")[0].split(":")[0])).toBe(true);
});

it("documents no reason that does not exist", () => {
  expect([...documented().keys()].filter((r) => !(r in LEDGER_REASONS.nl))).toEqual([]);
});
