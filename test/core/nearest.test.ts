/** The nearest list value in "did you mean ...?": by edit distance, case and accents ignored, none when far. */
import { nearestValues } from "../../src/core/nearest";
import { CLUSTERS, MILESTONE_STATUSES, PROJECT_STATUSES } from "../../src/core/vocabulary";
import { validateTables } from "../../src/core/validate";
import { tables, validBook } from "../../src/core/rules/example-book";

const project = PROJECT_STATUSES.map((s) => s.label);
const milestone = MILESTONE_STATUSES.map((s) => s.label);
const clusters = CLUSTERS.map((c) => c.label);

test.each([
  ["Opgestard", project, ["Opgestart"]],
  ["opgestard", project, ["Opgestart"]],
  ["Aandacht nodg", project, ["Aandacht nodig"]],
  ["Actie nodig!", project, ["Actie nodig"]],
  ["Op schma", milestone, ["Op schema"]],
  ["Stop gezet", milestone, ["Stopgezet"]],
  ["Gerealiséérd", milestone, ["Gerealiseerd"]],
  ["Uitgesteldd", milestone, ["Uitgesteld"]],
  ["Versterking O&0", clusters, ["05. Versterking O&O"]],
])("%s is near %j", (value, list, expected) => {
  expect(nearestValues(value, list)).toEqual(expected);
});

test.each([
  ["Bijna klaar", milestone],
  ["Gepland", project],
  ["x", milestone],
  ["", milestone],
  ["Het project loopt goed", project],
])("%s is near nothing", (value, list) => {
  expect(nearestValues(value, list)).toEqual([]);
});

const statusMessage = (status: string, lang: "nl" | "en" = "nl") => {
  const b = validBook();
  b.milestones[0].status = status;
  return validateTables(tables(b), { lang, meetmoment: null }).findings.find(
    (f) => f.rule === "enum-value"
  )!.message;
};

test("the message suggests the nearest value, not the first of the list", () => {
  expect(statusMessage("Op schma")).toBe(
    "'Op schma' is geen geldige waarde voor 'Status'. Bedoelt u 'Op schema'? Kies de waarde uit de lijst."
  );
  expect(statusMessage("Op schma", "en")).toBe(
    "'Op schma' is not a valid value for 'Status'. Did you mean 'Op schema'? Choose the value from the list."
  );
});

test("with nothing near, a short list is named whole and nothing is suggested", () => {
  const m = statusMessage("Bijna klaar");
  expect(m).not.toMatch(/Bedoelt u/);
  expect(m).toBe(
    `'Bijna klaar' is geen geldige waarde voor 'Status'. Kies uit de lijst: ${milestone.map((x) => `'${x}'`).join(", ")}.`
  );
});

test("a project status typo on Projecten gets its own nearest value", () => {
  const b = validBook();
  b.projects[0].status = "Opgestard";
  const f = validateTables(tables(b), { lang: "nl", meetmoment: null }).findings.find(
    (x) => x.rule === "enum-value"
  )!;
  expect(f.message).toContain("Bedoelt u 'Opgestart'?");
});
