/**
 * Stands in for office.js in the browser test: served in place of the CDN script (page.route), it defines
 * `Office`, `Excel` (the fake Excel of test/fakes, one workbook with one empty sheet) and `CustomFunctions`
 * (records the associations). `window.__vvFake` gives the test the workbook model.
 */
import { FakeExcel, installGlobals } from "../../fakes/excel";
import nl from "../../../src/functions/nl.json";

// Dutch Excel on the web: the VV functions are known by their Dutch names (a formula written with the
// English id computes to #NAME?, as in Excel).
const excel = new FakeExcel({
  platform: "OfficeOnline",
  maxPayloadBytes: 5 * 1024 * 1024,
  displayLanguage: "nl-BE",
  customFunctions: {
    namespace: "VV",
    names: { "nl-BE": Object.values(nl.functions).map((f) => f.name) },
  },
});
excel.addSheet("Blad1");
const w = window as unknown as Record<string, unknown>;
installGlobals(w, excel);
const associated: string[] = [];
class CFError {
  constructor(
    public code: string,
    public message?: string
  ) {}
}
w.CustomFunctions = {
  associate: (id: string) => associated.push(id),
  Error: CFError,
  ErrorCode: {
    invalidValue: "#VALUE!",
    notAvailable: "#N/A",
    divisionByZero: "#DIV/0!",
    invalidNumber: "#NUM!",
    nullReference: "#NULL!",
    invalidName: "#NAME?",
    invalidReference: "#REF!",
  },
};
w.__vvFake = { excel, associated };

// Office's theme, for the accessibility suite: a test sets window.__vvOfficeTheme (a body background
// colour) in an init script before this runs; __vvFake.setTheme raises OfficeThemeChanged.
const office = w.Office as {
  context: Record<string, unknown>;
  EventType?: Record<string, string>;
};
const themeHandlers: ((e: { officeTheme: { bodyBackgroundColor: string } }) => void)[] = [];
const initialTheme = w.__vvOfficeTheme as string | undefined;
if (initialTheme) office.context.officeTheme = { bodyBackgroundColor: initialTheme };
office.EventType = { ...office.EventType, OfficeThemeChanged: "officeThemeChanged" };
office.context.document = {
  addHandlerAsync: (
    _type: string,
    handler: (typeof themeHandlers)[number],
    callback?: (r: { status: string }) => void
  ) => {
    themeHandlers.push(handler);
    callback?.({ status: "succeeded" });
  },
  removeHandlerAsync: () => themeHandlers.splice(0),
};

// A failure on demand, for the error states: the next Excel.run rejects with this Office.js error code.
const excelGlobal = w.Excel as { run: (...a: unknown[]) => Promise<unknown> };
const run = excelGlobal.run;
let failNext: string | null = null;
excelGlobal.run = (...a: unknown[]) => {
  if (failNext) {
    const code = failNext;
    failNext = null;
    return Promise.reject(Object.assign(new Error(`${code} (twin)`), { code }));
  }
  return run(...a);
};
Object.assign(w.__vvFake as object, {
  setTheme: (bodyBackgroundColor: string) =>
    themeHandlers.forEach((h) => h({ officeTheme: { bodyBackgroundColor } })),
  failNext: (code: string) => (failNext = code),
});
