import { formatMeetmoment, isRegularMeetmoment, parseMeetmoment } from "../../src/core/meetmoment";

test.each([
  ["2022-06-01", "2022-06-01"],
  ["1/6/2022", "2022-06-01"],
  ["01.12.2022", "2022-12-01"],
  ["1 juni 2022", "2022-06-01"],
  ["June 1, 2022", "2022-06-01"],
  [new Date(Date.UTC(2022, 5, 1)), "2022-06-01"],
])("%p is meetmoment %p", (input, expected) => {
  expect(parseMeetmoment(input)).toBe(expected);
});

test.each([["2022-02-30"], ["juni 2022"], ["31/31/2022"], [44713], [null], ["1 juno 2022"]])(
  "%p is not a date",
  (input) => {
    expect(parseMeetmoment(input)).toBeNull();
  }
);

test("regular meetmomenten and their Dutch and English names", () => {
  expect(isRegularMeetmoment("2022-06-01")).toBe(true);
  expect(isRegularMeetmoment("2022-06-02")).toBe(false);
  expect(formatMeetmoment("2022-06-01")).toBe("1 juni 2022");
  expect(formatMeetmoment("2022-12-01", "en")).toBe("1 December 2022");
});
